import { allowanceDay, allowanceLeft, checkAllowance, giverTimeZone } from "../../domain/recognition/allowance";
import {
  canGiveAward,
  type ShoutoutField,
  type ShoutoutInput,
  validateShoutout,
} from "../../domain/recognition/shoutout-input";
import type { Problem } from "../../domain/shared/error-codes";
import { textKey } from "../../domain/shared/text-key";
import type { Actor } from "../access-service";
import type { Store } from "../store";
import type { RecognitionContext } from "./recognition-context";
import type { ShoutoutRecord } from "./recognition-store";
import { givenMessages } from "./shoutout-messages";

export interface GiveForm {
  values: string[];
  canAward: boolean;
  allowanceLeft: number;
  resetsAt: Date;
}

export type GiveResult =
  | { kind: "invalid"; problems: Partial<Record<ShoutoutField, Problem>> }
  | { kind: "given" | "repeat"; shoutout: ShoutoutRecord };

/** What the Give a shout-out modal offers: the program's values, awards for managers, what is left today. */
export async function giveForm(context: RecognitionContext, actor: Actor): Promise<GiveForm> {
  const { since, resetsAt } = allowanceDay(context.clock(), timeZoneOf(actor));
  const used = await context.store.shoutouts.recipientsGivenSince(actor.workspace.id, actor.userId, since);
  return {
    values: actor.workspace.companyValues,
    canAward: canGiveAward(actor.role),
    allowanceLeft: allowanceLeft(actor.workspace.shoutoutAllowance, used),
    resetsAt,
  };
}

/**
 * Records a shout-out with its post and DMs in one transaction, after the daily allowance is
 * counted in that same transaction: a refused one records nothing. `idempotencyKey` identifies
 * the submission (the modal's view, the command's trigger): a repeat returns the same shout-out.
 */
export async function giveShoutout(
  context: RecognitionContext,
  actor: Actor,
  input: ShoutoutInput,
  idempotencyKey: string,
  channelId: string | null,
): Promise<GiveResult> {
  const { store } = context;
  const repeat = await store.shoutouts.findByIdempotencyKey(idempotencyKey);
  if (repeat) return { kind: "repeat", shoutout: repeat };
  const resolved = await resolvePartners(store, actor.workspace.id, input);
  if ("code" in resolved) return { kind: "invalid", problems: { recipients: resolved } };
  const validation = validateShoutout(resolved, {
    userId: actor.userId,
    role: actor.role,
    values: actor.workspace.companyValues,
  });
  if (!validation.ok) return { kind: "invalid", problems: validation.problems };
  const valid = validation.shoutout;
  const now = context.clock();
  const timeZone = timeZoneOf(actor);
  const { since, resetsAt } = allowanceDay(now, timeZone);
  // Given outside a channel (App Home), an announced shout-out goes to the program's celebrations channel.
  const postChannel = channelId ?? (valid.announce ? actor.workspace.celebrationsChannel : null);
  const announce = valid.announce && postChannel !== null && !(await anyOptedOut(store, actor, valid.recipients));
  try {
    return await store.transaction(async (tx) => {
      // One giver's shout-outs take turns, so two at once cannot both spend the last of the allowance.
      await tx.workspaces.lock(actor.workspace.id);
      const used = await tx.shoutouts.recipientsGivenSince(actor.workspace.id, actor.userId, since);
      checkAllowance({
        limit: actor.workspace.shoutoutAllowance,
        used,
        wanted: valid.recipients.length,
        resetsAt,
        timeZone,
      });
      const created = await tx.shoutouts.create({
        workspaceId: actor.workspace.id,
        fromUserId: actor.userId,
        message: valid.message,
        value: valid.value,
        award: valid.award,
        announce,
        channelId: postChannel,
        recipients: valid.recipients,
        idempotencyKey,
        createdAt: now,
      });
      // A concurrent submit of the same form won; PostgreSQL has aborted this transaction.
      if (!created) throw new Error("idempotency key taken");
      await tx.outbox.enqueue(givenMessages(created));
      return { kind: "given" as const, shoutout: created };
    });
  } catch (error) {
    const raced = await store.shoutouts.findByIdempotencyKey(idempotencyKey);
    if (raced) return { kind: "repeat", shoutout: raced };
    throw error;
  }
}

function timeZoneOf(actor: Actor): string {
  return giverTimeZone(actor.member.timezone, actor.workspace.timezone);
}

/** Partner recipients named by the person become ids; an unknown name is the recipients' problem. */
async function resolvePartners(
  store: Store,
  workspaceId: number,
  input: ShoutoutInput,
): Promise<ShoutoutInput | Problem> {
  const recipients: ShoutoutInput["recipients"] = [];
  for (const recipient of input.recipients) {
    if (recipient.userId?.trim()) recipients.push({ userId: recipient.userId });
    else if (recipient.partnerId !== undefined) {
      const partner = await store.partners.findById(workspaceId, recipient.partnerId);
      if (!partner) return { code: "partner_gone" };
      recipients.push({ partnerId: partner.id });
    } else if (recipient.partnerName?.trim()) {
      const name = recipient.partnerName.trim();
      const partner = await store.partners.findByKey(workspaceId, textKey(name));
      if (!partner) return { code: "partner_not_found", params: { name } };
      recipients.push({ partnerId: partner.id });
    }
  }
  return { ...input, recipients };
}

/** A recipient who asked for privacy gets the whole shout-out privately: it still counts. */
async function anyOptedOut(
  store: Store,
  actor: Actor,
  recipients: readonly { userId: string | null }[],
): Promise<boolean> {
  for (const { userId } of recipients) {
    if (userId === null) continue;
    const member = await store.members.find(actor.workspace.id, userId);
    if (member && !member.announceShoutouts) return true;
  }
  return false;
}
