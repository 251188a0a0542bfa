import { requireManager } from "../../domain/partners/roles";
import type { Actor } from "../access-service";
import type { TierReviewRecord } from "../program/program-store";
import type { TierContext } from "./tier-context";

export interface TierReviewLine {
  review: TierReviewRecord;
  partnerName: string;
}

/** Demotion reviews waiting for managers, oldest first (the Home, `/partner tiers`). */
export async function listTierReviews(context: TierContext, actor: Actor): Promise<TierReviewLine[]> {
  requireManager(actor.role, "decide_tier_reviews");
  const { store } = context;
  const [reviews, partners] = await Promise.all([
    store.tierReviews.pending(actor.workspace.id),
    store.partners.list(actor.workspace.id),
  ]);
  const names = new Map(partners.map((partner) => [partner.id, partner.name]));
  return reviews.map((review) => ({ review, partnerName: names.get(review.partnerId) ?? "" }));
}

/** The review as its card shows it at delivery; null when it is not the workspace's. */
export async function tierReviewForMessage(
  context: TierContext,
  workspaceId: number,
  id: number,
): Promise<(TierReviewLine & { reportingCurrency: string; timezone: string }) | null> {
  const review = await context.store.tierReviews.findById(workspaceId, id);
  if (review === null) return null;
  const [partner, workspace] = await Promise.all([
    context.store.partners.findById(workspaceId, review.partnerId),
    context.store.workspaces.findById(workspaceId),
  ]);
  // The card reads the figures in the program's currency and its dates in the program's zone.
  return {
    review,
    partnerName: partner?.name ?? "",
    reportingCurrency: workspace?.reportingCurrency ?? "USD",
    timezone: workspace?.timezone ?? "UTC",
  };
}
