import type { OutboxDraft } from "../outbox/outbox-message";
import type { TierReviewRecord } from "../program/program-store";

/**
 * Which Slack messages tier reviews owe, as outbox drafts. Demotions are never public: the review
 * card goes to the approvals channel only. The Slack layer draws it from the review as it is at
 * delivery (src/slack/outbox/tier-renderers.ts), so an update only names the card to redraw.
 */
export const TIER_MESSAGE_KINDS = {
  /** A partner fell below its tier: "Demote to X" / "Keep X" for managers. */
  review: "tier.review",
  /** Redraws the card once the review is closed (demoted, kept, recovered). */
  reviewUpdate: "tier.review_update",
} as const;

export const tierReviewKey = (reviewId: number) => `tier-review:${reviewId}`;

export function tierReviewMessage(review: TierReviewRecord, approvalsChannel: string): OutboxDraft {
  return {
    workspaceId: review.workspaceId,
    dedupeKey: tierReviewKey(review.id),
    kind: TIER_MESSAGE_KINDS.review,
    subject: { reviewId: review.id },
    action: "post",
    channelId: approvalsChannel,
    messageKey: tierReviewKey(review.id),
  };
}

/** One update per way the review closed: a review closes once, so this is owed once. */
export function tierReviewUpdate(review: TierReviewRecord): OutboxDraft {
  return {
    workspaceId: review.workspaceId,
    dedupeKey: `${tierReviewKey(review.id)}:update:${review.status}`,
    kind: TIER_MESSAGE_KINDS.reviewUpdate,
    subject: { reviewId: review.id },
    action: "update",
    messageKey: tierReviewKey(review.id),
  };
}
