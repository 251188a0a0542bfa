import type { DigestSchedule, ReportedWeek } from "../../domain/digest/schedule";
import type { Clock } from "../clock";
import type { OutboxDraft } from "../outbox/outbox-message";
import type { Store } from "../store";
import type { DigestAudience } from "./digest-content";
import type { DigestRunKey, DigestSubscriptionRecord } from "./digest-store";

/** What the digest use cases run on (buildDigest takes the same). */
export interface DigestContext {
  store: Store;
  clock: Clock;
}

/** The outbox kind of a digest post; its renderer asks `contentFor` what to draw. */
export const DIGEST_POST_KIND = "digest.post";

/** The outbox row's subject: which run, and the week it reports (ISO instants, fixed when claimed). */
export interface DigestSubject {
  subscriptionId: number;
  periodKey: string;
  start: string;
  end: string;
}

export function scheduleOf(subscription: DigestSubscriptionRecord): DigestSchedule {
  const { timezone, weekday, hour, minute } = subscription;
  return { timezone, weekday, hour, minute };
}

/**
 * Who a subscription's digest is written for, decided when it is drawn: a manager's own digest,
 * the partner a channel is tied to (that partner's view only), or the whole program.
 */
export async function audienceOf(store: Store, subscription: DigestSubscriptionRecord): Promise<DigestAudience> {
  if (subscription.kind === "manager") return { kind: "manager", userId: subscription.channelId };
  return channelAudience(store, subscription.workspaceId, subscription.channelId);
}

export async function channelAudience(store: Store, workspaceId: number, channelId: string): Promise<DigestAudience> {
  const partner = await store.partners.findByChannel(workspaceId, channelId);
  return partner ? { kind: "partner", partnerId: partner.id, partnerName: partner.name } : { kind: "program" };
}

/** The post a claimed run owes: one per subscription and period, whichever instance claimed it. */
export function digestDraft(
  subscription: DigestSubscriptionRecord,
  run: DigestRunKey,
  week: ReportedWeek,
): OutboxDraft {
  const key = `digest:${run.subscriptionId}:${run.periodKey}`;
  const subject: DigestSubject = {
    subscriptionId: run.subscriptionId,
    periodKey: run.periodKey,
    start: week.start.toISOString(),
    end: week.end.toISOString(),
  };
  return {
    workspaceId: subscription.workspaceId,
    dedupeKey: key,
    kind: DIGEST_POST_KIND,
    subject: { ...subject },
    action: "post",
    channelId: subscription.channelId,
    // A channel the bot was removed from: the manager who subscribed it gets the digest instead.
    fallbackChannelId: subscription.kind === "channel" ? subscription.createdBy : null,
    messageKey: key,
  };
}

/** Claims runs and enqueues their posts in one transaction: a run is posted exactly when its claim commits. */
export async function claimAndEnqueue(
  store: Store,
  runs: readonly { subscription: DigestSubscriptionRecord; run: DigestRunKey; week: ReportedWeek }[],
  at: Date,
): Promise<number> {
  if (runs.length === 0) return 0;
  const byKey = new Map(runs.map((entry) => [`${entry.run.subscriptionId}:${entry.run.periodKey}`, entry]));
  return store.transaction(async (tx) => {
    const won = await tx.digests.claimRuns(
      runs.map((entry) => entry.run),
      at,
    );
    const drafts = won.flatMap((run) => {
      const entry = byKey.get(`${run.subscriptionId}:${run.periodKey}`);
      return entry ? [digestDraft(entry.subscription, run, entry.week)] : [];
    });
    await tx.outbox.enqueue(drafts);
    return drafts.length;
  });
}
