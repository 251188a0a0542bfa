import { manualPeriodKey, weekSoFar } from "../../domain/digest/schedule";
import { claimAndEnqueue, type DigestContext } from "./digest-context";
import { notSubscribed } from "./digest-refusals";

/**
 * Posts a subscribed channel's digest now (`npm run digest -- --now`, the sandbox's "Run scheduled
 * jobs now"): the last 7 days, once per local day, whoever asks again or on which instance.
 */
export async function runDigestNow(
  context: DigestContext,
  workspaceId: number,
  channelId: string,
): Promise<{ claimed: boolean }> {
  const subscription = await context.store.digests.find(workspaceId, channelId);
  if (!subscription?.active) throw notSubscribed(false);
  const now = context.clock();
  const run = { subscriptionId: subscription.id, periodKey: manualPeriodKey(now, subscription.timezone) };
  const claimed = await claimAndEnqueue(
    context.store,
    [{ subscription, run, week: weekSoFar(now, subscription.timezone) }],
    now,
  );
  return { claimed: claimed > 0 };
}
