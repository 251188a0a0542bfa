import {
  DEFAULT_DIGEST_HOUR,
  DEFAULT_DIGEST_WEEKDAY,
  type DigestSchedule,
  scheduleProblem,
} from "../../domain/digest/schedule";
import { requireManager } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { DigestContext } from "./digest-context";
import { MANAGE_DIGESTS } from "./digest-refusals";
import type { DigestKind, DigestSubscriptionRecord } from "./digest-store";

/** What `/hub digest here|me` may set; anything left out keeps its current value, else the default. */
export interface DigestScheduleInput {
  /** 0 Sunday … 6 Saturday; default Monday. */
  weekday?: number;
  /** Default 09:00. */
  hour?: number;
  minute?: number;
  /** IANA zone; default the workspace's (a manager's own digest: their own zone when Slack told it). */
  timezone?: string;
}

/** `/hub digest here`: the channel gets the weekly digest; a shared channel only when tied to its partner. */
export async function subscribeDigest(
  context: DigestContext,
  actor: Actor,
  channelId: string,
  input: DigestScheduleInput,
  channel: { shared: boolean },
): Promise<DigestSubscriptionRecord> {
  requireManager(actor.role, MANAGE_DIGESTS);
  if (channel.shared && !(await context.store.partners.findByChannel(actor.workspace.id, channelId))) {
    // Program-wide content would show every partner's deals to another organization.
    throw new DomainError("channel_shared");
  }
  return save(context, actor, channelId, "channel", input, actor.workspace.timezone);
}

/** `/hub digest me`: a manager's own digest of what waits for them, in their DM. */
export async function subscribeMyDigest(
  context: DigestContext,
  actor: Actor,
  input: DigestScheduleInput,
): Promise<DigestSubscriptionRecord> {
  requireManager(actor.role, MANAGE_DIGESTS);
  return save(context, actor, actor.userId, "manager", input, actor.member.timezone ?? actor.workspace.timezone);
}

async function save(
  context: DigestContext,
  actor: Actor,
  channelId: string,
  kind: DigestKind,
  input: DigestScheduleInput,
  defaultZone: string,
): Promise<DigestSubscriptionRecord> {
  const workspaceId = actor.workspace.id;
  return context.store.transaction(async (tx) => {
    const current = await tx.digests.find(workspaceId, channelId);
    const schedule: DigestSchedule = {
      timezone: input.timezone ?? current?.timezone ?? defaultZone,
      weekday: input.weekday ?? current?.weekday ?? DEFAULT_DIGEST_WEEKDAY,
      hour: input.hour ?? current?.hour ?? DEFAULT_DIGEST_HOUR,
      minute: input.minute ?? (input.hour !== undefined ? 0 : (current?.minute ?? 0)),
    };
    const problem = scheduleProblem(schedule);
    if (problem) throw DomainError.of(problem);
    const saved = await tx.digests.upsert({ workspaceId, channelId, kind, createdBy: actor.userId, ...schedule });
    await tx.audit.record({
      workspaceId,
      actor: actor.userId,
      action: "digest.subscribe",
      target: channelId,
      data: { kind, ...schedule },
    });
    return saved;
  });
}
