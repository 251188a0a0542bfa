import type { Actor } from "../access-service";
import { type ScorecardReviewInput, saveScorecardReview, scorecardReviewForm } from "./save-scorecard-review";
import type { ScorecardContext } from "./scorecard-context";
import { showScorecard } from "./show-scorecard";

export type { ScorecardReviewInput } from "./save-scorecard-review";
export type { ScorecardContext } from "./scorecard-context";
export type { ScorecardFigures } from "./scorecard-figures";
export type { Scorecard } from "./show-scorecard";
export { TREND_QUARTERS } from "./show-scorecard";

/** Partner scorecards: the quarter's figures and trend, and the managers' quarterly review. */
export function createScorecardUseCases(context: ScorecardContext) {
  return {
    show: (actor: Actor, partnerName?: string, partnerId?: number) =>
      showScorecard(context, actor, partnerName, partnerId),
    reviewForm: (actor: Actor, partnerId: number) => scorecardReviewForm(context, actor, partnerId),
    saveReview: (actor: Actor, partnerId: number, input: ScorecardReviewInput) =>
      saveScorecardReview(context, actor, partnerId, input),
  };
}

export type ScorecardUseCases = ReturnType<typeof createScorecardUseCases>;
