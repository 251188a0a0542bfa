import { requireManager } from "../../domain/partners/roles";
import type { Quarter } from "../../domain/program/program-types";
import { quarterOf, validateReview } from "../../domain/program/scorecard";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { ScorecardReviewRecord } from "../program/program-store";
import type { PartnerRecord } from "../records";
import type { ScorecardContext } from "./scorecard-context";

export interface ScorecardReviewInput {
  ratings: Record<string, number | null>;
  notes: string | null;
}

async function reviewedPartner(context: ScorecardContext, actor: Actor, partnerId: number): Promise<PartnerRecord> {
  requireManager(actor.role, "review_scorecards");
  const partner = await context.store.partners.findById(actor.workspace.id, partnerId);
  if (partner === null) throw new DomainError("partner_gone");
  return partner;
}

/** The quarterly review modal: this quarter's review so far, to edit. Managers only. */
export async function scorecardReviewForm(
  context: ScorecardContext,
  actor: Actor,
  partnerId: number,
): Promise<{ partner: PartnerRecord; quarter: Quarter; review: ScorecardReviewRecord | null }> {
  const partner = await reviewedPartner(context, actor, partnerId);
  const quarter = quarterOf(context.clock(), actor.workspace.timezone);
  const [review] = await context.store.scorecardReviews.forQuarters(partner.id, [quarter.key]);
  return { partner, quarter, review: review ?? null };
}

/**
 * Saves the manager's review of the current quarter: one per partner and quarter, so saving again
 * replaces it. The partner's people see it on their scorecard. Audited.
 */
export async function saveScorecardReview(
  context: ScorecardContext,
  actor: Actor,
  partnerId: number,
  input: ScorecardReviewInput,
): Promise<ScorecardReviewRecord> {
  const partner = await reviewedPartner(context, actor, partnerId);
  const valid = validateReview(input);
  const quarter = quarterOf(context.clock(), actor.workspace.timezone);
  return context.store.transaction(async (tx) => {
    const saved = await tx.scorecardReviews.save({
      workspaceId: actor.workspace.id,
      partnerId: partner.id,
      quarter: quarter.key,
      ratings: valid.ratings,
      notes: valid.notes,
      reviewedBy: actor.userId,
    });
    await tx.audit.record({
      workspaceId: actor.workspace.id,
      actor: actor.userId,
      action: "scorecard.review",
      target: String(partner.id),
      data: { partner: partner.name, quarter: quarter.key, ratings: saved.ratings, notes: saved.notes !== null },
    });
    return saved;
  });
}
