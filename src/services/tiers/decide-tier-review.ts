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
      const closed = await close(tx, review.id, "kept", actor.userId, said, now);
      await tx.audit.record({
        workspaceId: workspace.id,
        actor: actor.userId,
        action: "tier.keep",
        target: String(partner.id),
        data: { reviewId: review.id, partner: partner.name, tier: partner.tier, heldUntil: until, note: said },
      });
      await updateReviewCard(tx, closed);
      return closed;
    }
    if (!canDemote(review.graceEndsAt, now)) {
      throw new DomainError("tier_review_in_grace", { until: review.graceEndsAt.toISOString() });
    }
    // The review was opened for the tier the partner had then; if that changed, the review is moot.
    const moved = await tx.partners.setTier(partner.id, review.fromTier, review.toTier);
    if (moved === null) throw new DomainError("tier_review_decided", { status: partner.tier });
    const closed = await close(tx, review.id, "demoted", actor.userId, said, now);
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: "tier.demote",
      target: String(partner.id),
      data: { reviewId: review.id, partner: partner.name, from: review.fromTier, to: review.toTier, note: said },
    });
    await updateReviewCard(tx, closed);
    return closed;
  });
}

async function close(
  tx: Store,
  id: number,
  status: "kept" | "demoted",
  by: string,
  note: string | null,
  at: Date,
): Promise<TierReviewRecord> {
  const closed = await tx.tierReviews.close(id, { status, by, note, at });
  // The workspace lock is held and the review was pending a moment ago: only a bug gets here.
  if (closed === null) throw new DomainError("tier_review_decided", { status });
  return closed;
}
