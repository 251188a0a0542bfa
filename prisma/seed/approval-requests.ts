import { DEAL_MESSAGE_KINDS, dealApprovalKey } from "../../src/services/deals/deal-messages";
import type { Store } from "../../src/services/store";
import { VENDOR_TEAM } from "./demo-people";
import { queueDemoProgramMessages } from "./program-messages";

/**
 * The sandbox's #deal-approvals on a first start: an approval request for each demo registration
 * that waits for a decision, so a manager finds the queue where Slack users look for it (the
 * Tanabe Robotics conflict among them) and the buttons on those cards work as on a new one.
 * Queued through the outbox like the app's own requests, posted by its dispatcher. Only the sandbox
 * calls it: in a real workspace the demo's channels do not exist. The partner program's cards
 * (a partner application, a tier review) wait there too (program-messages.ts).
 * Writing again adds nothing (dedupe keys); returns how many requests were owed.
 */
export async function queueDemoApprovalRequests(store: Store): Promise<number> {
  const workspace = await store.workspaces.find(VENDOR_TEAM.id);
  if (!workspace) return 0;
  await queueDemoProgramMessages(store, workspace);
  const channel = workspace.approvalsChannel;
  if (!channel) return 0;
  const waiting = (await store.deals.undecided()).filter((deal) => deal.workspaceId === workspace.id);
  await store.outbox.enqueue(
    waiting.map((deal) => ({
      workspaceId: workspace.id,
      dedupeKey: dealApprovalKey(deal.id),
      kind: DEAL_MESSAGE_KINDS.approval,
      subject: { dealId: deal.id },
      action: "post" as const,
      channelId: channel,
      messageKey: dealApprovalKey(deal.id),
    })),
  );
  return waiting.length;
}
