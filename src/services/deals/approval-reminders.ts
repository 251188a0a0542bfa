import { localDate } from "../../domain/shared/calendar";
import { approvalReminderDue } from "../../domain/shared/working-days";
import type { DealRecord } from "../records";
import type { DealContext } from "./deal-context";
import { DEAL_MESSAGE_KINDS } from "./deal-messages";

/** One message lists at most this many registrations (the oldest); `total` says how many wait. */
export const REMINDER_MAX_DEALS = 20;

/**
 * The approval reminder job: in each workspace with an approvals channel and reminders on, the
 * registrations waiting longer than the program allows (in working days of its time zone) are
 * listed in one message a day. The dedupe key holds the local date, so further runs that day,
 * on any instance, add nothing. Returns how many registrations the reminders posted by this run list.
 */
export async function remindApprovals(context: DealContext): Promise<number> {
  const { store } = context;
  const now = context.clock();
  const byWorkspace = new Map<number, DealRecord[]>();
  for (const deal of await store.deals.undecided()) {
    byWorkspace.set(deal.workspaceId, [...(byWorkspace.get(deal.workspaceId) ?? []), deal]);
  }
  let listed = 0;
  for (const [workspaceId, deals] of byWorkspace) {
    const workspace = await store.workspaces.findById(workspaceId);
    if (!workspace?.approvalsChannel || workspace.approvalReminderDays <= 0) continue;
    const waiting = deals.filter((deal) =>
      approvalReminderDue(deal.createdAt, now, workspace.timezone, workspace.approvalReminderDays),
    );
    if (waiting.length === 0) continue;
    const key = `approval-reminder:${workspaceId}:${localDate(now, workspace.timezone)}`;
    // The key names the message too, so whether today's went out already can be asked.
    if (await store.outbox.findMessage(workspaceId, key)) continue;
    const shown = waiting.slice(0, REMINDER_MAX_DEALS);
    await store.outbox.enqueue([
      {
        workspaceId,
        dedupeKey: key,
        kind: DEAL_MESSAGE_KINDS.approvalReminder,
        subject: { dealIds: shown.map((deal) => deal.id), total: waiting.length },
        action: "post",
        channelId: workspace.approvalsChannel,
        messageKey: key,
      },
    ]);
    listed += shown.length;
  }
  return listed;
}
