import { dueOccurrence, periodKey, reportedWeek } from "../../domain/digest/schedule";
import { claimAndEnqueue, type DigestContext, scheduleOf } from "./digest-context";

/** Runs claimed per transaction: short transactions, and the first posts leave while the rest are claimed. */
const CLAIMS_PER_TRANSACTION = 50;

/**
 * The scheduler's tick, in every workspace: each subscription whose latest occurrence fell on the
 * local day of `now` and has no run yet is claimed, and its post enqueued in the same transaction.
 * Several instances may tick together; the unique run row lets one of them win each.
 */
export async function runDueDigests(context: DigestContext, now: Date = context.clock()): Promise<{ claimed: number }> {
  const { store } = context;
  const due = [];
  for (const subscription of await store.digests.listActive()) {
    const occurrence = dueOccurrence(scheduleOf(subscription), now);
    if (!occurrence) continue;
    due.push({
      subscription,
      run: { subscriptionId: subscription.id, periodKey: periodKey(occurrence) },
      week: reportedWeek(occurrence.date, subscription.timezone),
    });
  }
  // Read first: once a day's runs are claimed, the ticks for the rest of that day write nothing.
  const claimedAlready = await store.digests.claimedRuns(due.map((entry) => entry.run));
  const open = due.filter((entry) => !claimedAlready.has(`${entry.run.subscriptionId}:${entry.run.periodKey}`));
  let claimed = 0;
  for (let i = 0; i < open.length; i += CLAIMS_PER_TRANSACTION) {
    claimed += await claimAndEnqueue(store, open.slice(i, i + CLAIMS_PER_TRANSACTION), now);
  }
  return { claimed };
}
