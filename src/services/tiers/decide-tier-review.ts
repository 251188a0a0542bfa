import { requireManager } from "../../domain/partners/roles";
import { canDemote, graceEndsAt } from "../../domain/program/tiers";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { TierReviewRecord } from "../program/program-store";
import type { Store } from "../store";
import { updateReviewCard } from "./recalculate-tiers";
import type { TierContext } from "./tier-context";

export type TierReviewDecision = "demote" | "keep";

/**
 * A manager decides a demotion review. Keeping the tier is allowed at any time and holds it for
 * another grace period (no new review opens before it ends). Demoting waits for the grace period:
 * the partner may still recover on its own. Audited; the review card is redrawn.
 */
export async function decideTierReview(
  context: TierContext,
  actor: Actor,
  id: number,
  decision: TierReviewDecision,
  note: string | null,
): Promise<TierReviewRecord> {
  requireManager(actor.role, "decide_tier_reviews");
  const { workspace } = actor;
  const now = context.clock();
  const said = note?.trim() || null;
  return context.store.transaction(async (tx) => {
    await tx.workspaces.lock(workspace.id);
    const review = await tx.tierReviews.findById(workspace.id, id);
    if (review === null) throw new DomainError("tier_review_not_found", { id });
    if (review.status !== "pending") throw new DomainError("tier_review_decided", { status: review.status });
    const partner = await tx.partners.findById(workspace.id, review.partnerId);
    if (partner === null) throw new DomainError("partner_gone");
    if (decision === "keep") {
      const config = await tx.programConfig.get(workspace.id);
      const until = graceEndsAt(now, config.demotionGraceDays);
      await tx.partners.holdTier(partner.id, until);
      return close(
        tx,
        actor,
        review,
        { status: "kept", note: said, at: now },
        {
          action: "tier.keep",
          data: { partner: partner.name, tier: partner.tier, heldUntil: until },
        },
      );
    }
    if (!canDemote(review.graceEndsAt, now)) {
      throw new DomainError("tier_review_in_grace", { until: review.graceEndsAt.toISOString() });
    }
    // The review was opened for the tier the partner had then; if that changed, the review is moot.
    const moved = await tx.partners.setTier(partner.id, review.fromTier, review.toTier);
    if (moved === null) throw new DomainError("tier_review_decided", { status: partner.tier });
    return close(
      tx,
      actor,
      review,
      { status: "demoted", note: said, at: now },
      {
        action: "tier.demote",
        data: { partner: partner.name, from: review.fromTier, to: review.toTier },
      },
    );
  });
}

/** Closes the pending review with the decision, audits it (with the note) and redraws the review card. */
async function close(
  tx: Store,
  actor: Actor,
  review: TierReviewRecord,
  outcome: { status: "kept" | "demoted"; note: string | null; at: Date },
  audit: { action: string; data: object },
): Promise<TierReviewRecord> {
  const { status, note, at } = outcome;
  const closed = await tx.tierReviews.close(review.id, { status, by: actor.userId, note, at });
  // The workspace lock is held and the review was pending a moment ago: only a bug gets here.
  if (closed === null) throw new DomainError("tier_review_decided", { status });
  await tx.audit.record({
    workspaceId: actor.workspace.id,
    actor: actor.userId,
    action: audit.action,
    target: String(review.partnerId),
    data: { reviewId: review.id, ...audit.data, note },
  });
  await updateReviewCard(tx, closed);
  return closed;
}
