import type { Actor } from "../access-service";
import { decideTierReview, type TierReviewDecision } from "./decide-tier-review";
import { listTierReviews, tierReviewForMessage } from "./list-tier-reviews";
import { recalculateTiers } from "./recalculate-tiers";
import { showPartnerCard } from "./show-partner-card";
import type { TierContext } from "./tier-context";

export type { TierReviewDecision } from "./decide-tier-review";
export type { TierReviewLine } from "./list-tier-reviews";
export type { TierRunReport } from "./recalculate-tiers";
export type { PartnerCard } from "./show-partner-card";
export type { TierContext } from "./tier-context";
export { emptyTierFigures, tierFigures } from "./tier-figures";
export { TIER_MESSAGE_KINDS } from "./tier-messages";

/** Tiers: the daily recalculation, the partner card and the managers' demotion reviews. */
export function createTierUseCases(context: TierContext) {
  return {
    recalculate: (options: { force?: boolean } = {}) => recalculateTiers(context, options),
    card: (actor: Actor, partnerName?: string, partnerId?: number) =>
      showPartnerCard(context, actor, partnerName, partnerId),
    reviews: (actor: Actor) => listTierReviews(context, actor),
    decideReview: (actor: Actor, id: number, decision: TierReviewDecision, note: string | null) =>
      decideTierReview(context, actor, id, decision, note),
    reviewForMessage: (workspaceId: number, id: number) => tierReviewForMessage(context, workspaceId, id),
  };
}

export type TierUseCases = ReturnType<typeof createTierUseCases>;
