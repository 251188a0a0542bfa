import { buildDigest } from "./build-digest";
import type { DigestContent } from "./digest-content";
import type { DigestContentCache } from "./digest-content-cache";
import { audienceOf, type DigestContext, type DigestSubject } from "./digest-context";

function subjectOf(raw: Record<string, unknown>): DigestSubject | null {
  const { subscriptionId, periodKey, start, end } = raw;
  if (typeof subscriptionId !== "number" || typeof periodKey !== "string") return null;
  if (typeof start !== "string" || typeof end !== "string") return null;
  if (Number.isNaN(Date.parse(start)) || Number.isNaN(Date.parse(end))) return null;
  return { subscriptionId, periodKey, start, end };
}

/**
 * What a claimed run's post shows, drawn at delivery for the audience the channel has then (tied
 * to a partner since: that partner's view). Null when the subscription was turned off or removed
 * before the post went out: nothing is posted. Channels with the same audience and week share one
 * build (`cache`).
 */
export async function digestContentFor(
  context: DigestContext,
  cache: DigestContentCache,
  workspaceId: number,
  rawSubject: Record<string, unknown>,
): Promise<DigestContent | null> {
  const subject = subjectOf(rawSubject);
  if (!subject) return null;
  const subscription = await context.store.digests.findById(subject.subscriptionId);
  if (!subscription?.active || subscription.workspaceId !== workspaceId) return null;
  const audience = await audienceOf(context.store, subscription);
  const key = JSON.stringify([workspaceId, audience, subject.start, subject.end, subscription.timezone]);
  return cache.get(key, () =>
    buildDigest(context, {
      workspaceId,
      audience,
      start: new Date(subject.start),
      end: new Date(subject.end),
      timeZone: subscription.timezone,
      now: context.clock(),
    }),
  );
}
