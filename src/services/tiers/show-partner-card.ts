import { canManageProgram } from "../../domain/partners/roles";
import type { TierFigures, TierProgress, TierRule } from "../../domain/program/program-types";
import { tierProgress, trailingTwelveMonths } from "../../domain/program/tiers";
import type { Actor } from "../access-service";
import type { TierReviewRecord } from "../program/program-store";
import type { PartnerRecord } from "../records";
import { type TierContext, viewedPartner } from "./tier-context";
import { emptyTierFigures, tierFigures } from "./tier-figures";

/** `/partner show`, "Our partnership": where a partner stands in the program. */
export interface PartnerCard {
  partner: PartnerRecord;
  memberCount: number;
  figures: TierFigures;
  /** Towards the next tier (none at the top). */
  progress: TierProgress;
  rules: TierRule[];
  /** The trailing 12 months the figures cover: [start, end). */
  window: { start: Date; end: Date };
  /** While the partner is onboarding: steps done of all. */
  onboarding: { total: number; done: number } | null;
  /** Managers only: a demotion waiting for their decision is not the partner's to see. */
  pendingReview: TierReviewRecord | null;
  reportingCurrency: string;
}

export async function showPartnerCard(
  context: TierContext,
  actor: Actor,
  partnerName?: string,
  partnerId?: number,
): Promise<PartnerCard> {
  const { store } = context;
  const { workspace } = actor;
  const now = context.clock();
  const partner = await viewedPartner(store, actor, { partnerName, partnerId });
  const config = await store.programConfig.get(workspace.id);
  const [figures, members, steps, pendingReview] = await Promise.all([
    tierFigures(store, workspace, config, now, partner.id),
    store.members.listByPartner(partner.id),
    partner.status === "onboarding" ? store.onboarding.steps(partner.id) : Promise.resolve([]),
    canManageProgram(actor.role) ? store.tierReviews.pendingFor(partner.id) : Promise.resolve(null),
  ]);
  const own = figures.get(partner.id) ?? emptyTierFigures();
  return {
    partner,
    memberCount: members.length,
    figures: own,
    progress: tierProgress(own, config.tierRules, partner.tier),
    rules: config.tierRules,
    window: trailingTwelveMonths(now, workspace.timezone),
    onboarding:
      steps.length === 0 ? null : { total: steps.length, done: steps.filter((step) => step.doneAt !== null).length },
    pendingReview,
    reportingCurrency: workspace.reportingCurrency,
  };
}
