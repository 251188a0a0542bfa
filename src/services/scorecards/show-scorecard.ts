import { canManageProgram } from "../../domain/partners/roles";
import type { Quarter } from "../../domain/program/program-types";
import { lastQuarters, previousQuarter, quarterOf } from "../../domain/program/scorecard";
import type { Actor } from "../access-service";
import type { ScorecardReviewRecord } from "../program/program-store";
import type { PartnerRecord } from "../records";
import { viewedPartner } from "../tiers/tier-context";
import type { ScorecardContext } from "./scorecard-context";
import { quarterFigures, type ScorecardFigures } from "./scorecard-figures";

/** TREND_QUARTERS quarters, oldest first, this one last. */
export const TREND_QUARTERS = 4;

export interface Scorecard {
  partner: PartnerRecord;
  quarter: Quarter;
  previousQuarter: Quarter;
  current: ScorecardFigures;
  previous: ScorecardFigures;
  /** The last TREND_QUARTERS quarters, oldest first: the previous one and this one are the last two. */
  trend: { quarter: Quarter; figures: ScorecardFigures }[];
  /** The managers' review of this quarter and of the previous one (shared with the partner). */
  review: ScorecardReviewRecord | null;
  previousReview: ScorecardReviewRecord | null;
  canReview: boolean;
  reportingCurrency: string;
}

/**
 * `/partner scorecard`: this quarter against the previous one, in the program's zone, and the last
 * four quarters' trend. A member sees only their own company's, review included.
 */
export async function showScorecard(
  context: ScorecardContext,
  actor: Actor,
  partnerName?: string,
  partnerId?: number,
): Promise<Scorecard> {
  const { store } = context;
  const { workspace } = actor;
  const now = context.clock();
  const partner = await viewedPartner(store, actor, { partnerName, partnerId });
  const quarter = quarterOf(now, workspace.timezone);
  const previous = previousQuarter(quarter, workspace.timezone);
  const quarters = lastQuarters(now, workspace.timezone, TREND_QUARTERS);
  const subject = { store, workspace, partner, now };
  const [trend, reviews] = await Promise.all([
    Promise.all(quarters.map(async (each) => ({ quarter: each, figures: await quarterFigures(subject, each) }))),
    store.scorecardReviews.forQuarters(partner.id, [quarter.key, previous.key]),
  ]);
  const figuresOf = async (wanted: Quarter) =>
    trend.find((each) => each.quarter.key === wanted.key)?.figures ?? quarterFigures(subject, wanted);
  const [current, before] = await Promise.all([figuresOf(quarter), figuresOf(previous)]);
  return {
    partner,
    quarter,
    previousQuarter: previous,
    current,
    previous: before,
    trend,
    review: reviews.find((review) => review.quarter === quarter.key) ?? null,
    previousReview: reviews.find((review) => review.quarter === previous.key) ?? null,
    canReview: canManageProgram(actor.role),
    reportingCurrency: workspace.reportingCurrency,
  };
}
