import { type PracticeDraft, type PracticeProblems, validatePractice } from "../../domain/practices/practice-input";
import type { Actor } from "../access-service";
import type { PracticeContext } from "./practice-context";
import { sharedMessage } from "./practice-messages";
import type { PracticeRecord } from "./practice-store";

/** How many tags in use the modal offers: Slack's select menus hold at most 100 options. */
const KNOWN_TAGS = 100;

export interface ShareForm {
  knownTags: string[];
  defaultRegion: string | null;
}

export type ShareResult =
  | { kind: "invalid"; problems: PracticeProblems }
  | { kind: "created" | "repeat"; practice: PracticeRecord };

/** What the Share a practice modal offers: the tags in use, and the person's partner's region. */
export async function shareForm(context: PracticeContext, actor: Actor): Promise<ShareForm> {
  const { store } = context;
  const knownTags = await store.practices.knownTags(actor.workspace.id, KNOWN_TAGS);
  const partnerId = actor.member.partnerId;
  const partner = partnerId === null ? null : await store.partners.findById(actor.workspace.id, partnerId);
  return { knownTags, defaultRegion: partner?.region ?? null };
}

/**
 * Saves a practice with its tags, search entry and card message in one transaction.
 * `idempotencyKey` identifies the submission (the modal's view): a repeat returns the same practice.
 */
export async function sharePractice(
  context: PracticeContext,
  actor: Actor,
  draft: PracticeDraft,
  idempotencyKey: string,
  channelId: string | null,
): Promise<ShareResult> {
  const { store } = context;
  const repeat = await store.practices.findByIdempotencyKey(idempotencyKey);
  if (repeat) return { kind: "repeat", practice: repeat };
  const validation = validatePractice(draft);
  if (!validation.ok) return { kind: "invalid", problems: validation.problems };
  const valid = validation.practice;
  // Credit goes to someone else only: saving your own message needs no credit line.
  const credited = draft.creditedUserId?.trim() || null;
  try {
    return await store.transaction(async (tx) => {
      const created = await tx.practices.create({
        workspaceId: actor.workspace.id,
        authorId: actor.userId,
        creditedUserId: credited === actor.userId ? null : credited,
        ...valid,
        sourcePermalink: draft.sourcePermalink?.trim() || null,
        channelId,
        idempotencyKey,
      });
      // A concurrent submit of the same modal won; PostgreSQL has aborted this transaction.
      if (!created) throw new Error("idempotency key taken");
      await tx.outbox.enqueue([sharedMessage(created)]);
      return { kind: "created" as const, practice: created };
    });
  } catch (error) {
    const raced = await store.practices.findByIdempotencyKey(idempotencyKey);
    if (raced) return { kind: "repeat", practice: raced };
    throw error;
  }
}
