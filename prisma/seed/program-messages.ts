import { MILESTONE_KINDS } from "../../src/domain/recognition/milestones";
import { textKey } from "../../src/domain/shared/text-key";
import { submittedMessages } from "../../src/services/applications/application-messages";
import type { OutboxDraft } from "../../src/services/outbox/outbox-message";
import { celebrationMessage } from "../../src/services/recognition/shoutout-messages";
import type { WorkspaceRecord } from "../../src/services/records";
import type { Store } from "../../src/services/store";
import { tierReviewMessage } from "../../src/services/tiers/tier-messages";
import { RECENTLY_PROMOTED } from "./demo-program";
import { promotionKey } from "./program";

/**
 * What the program's demo owes the sandbox's channels on a first start, as the app would have
 * posted it: the pending applications' cards in the approvals channel (Initech's, with its Review
 * button) and their applicants' receipts, the pending tier review's card, and Globex's move up to
 * Platinum in #partner-globex. Queued through the outbox (dedupe keys: writing again adds nothing).
 */
export async function queueDemoProgramMessages(store: Store, workspace: WorkspaceRecord): Promise<number> {
  const channel = workspace.approvalsChannel;
  const drafts: OutboxDraft[] = [];
  const pending = await store.applications.list(workspace.id, { status: "pending", limit: 50 });
  for (const application of pending.reverse()) drafts.push(...submittedMessages(application, channel));
  if (channel !== null) {
    for (const review of await store.tierReviews.pending(workspace.id)) drafts.push(tierReviewMessage(review, channel));
  }
  const promoted = await store.partners.findByKey(workspace.id, textKey(RECENTLY_PROMOTED));
  if (promoted?.homeChannel && promoted.tier === "platinum") {
    const key = await promotionKey(store, workspace, promoted.id, new Date());
    const milestone = { workspaceId: workspace.id, partnerId: promoted.id, kind: MILESTONE_KINDS.tierPromotion, key };
    drafts.push(celebrationMessage(milestone, promoted.homeChannel));
  }
  await store.outbox.enqueue(drafts);
  return drafts.length;
}
