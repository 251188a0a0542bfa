import type { WebClient } from "@slack/web-api";
import { canDemote } from "../../../domain/program/tiers";
import { DomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import type { Token } from "../../parse/command-text";
import type { Message } from "../../views/message";
import { type TierDecision, tierDecisionModal } from "../../views/tier-decision-modal";
import { tierReviewsMessage } from "../../views/tier-views";
import type { CommandInvocation } from "./command-runner";

const TIERS_USAGE = "Usage: `/partner tiers` lists the tier reviews waiting for a decision.";

/** The pending tier reviews with their buttons (managers). */
export async function tierReviewsAnswer(deps: SlackDeps, actor: Actor): Promise<Message> {
  const rows = await deps.services.tiers.reviews(actor);
  return tierReviewsMessage(rows, actor.workspace.reportingCurrency, actor.workspace.timezone);
}

/** `/partner tiers`. */
export async function partnerTiers(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message | null> {
  if (rest.length > 0) throw new DomainError("usage", { text: TIERS_USAGE });
  return tierReviewsAnswer(deps, invocation.actor);
}

/**
 * Demote or Keep on a review: the modal opens only for a manager and a review still pending
 * (reviews() refuses members); the service checks everything again at submit, where a refusal
 * shows in the modal.
 */
export async function openTierDecision(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  triggerId: string,
  target: { reviewId: number; decision: TierDecision; fromHome: boolean },
): Promise<void> {
  const pending = await deps.services.tiers.reviews(actor);
  const row = pending.find((entry) => entry.review.id === target.reviewId);
  if (!row) {
    const found = await deps.services.tiers.reviewForMessage(actor.workspace.id, target.reviewId);
    if (!found) throw new DomainError("tier_review_not_found", { id: target.reviewId });
    throw new DomainError("tier_review_decided", { status: found.review.status });
  }
  // Refused at the click rather than after a note is typed: the partner may still recover.
  if (target.decision === "demote" && !canDemote(row.review.graceEndsAt, deps.services.clock())) {
    throw new DomainError("tier_review_in_grace", { until: row.review.graceEndsAt.toISOString() });
  }
  const view = { ...row, reportingCurrency: actor.workspace.reportingCurrency, timezone: actor.workspace.timezone };
  await client.views.open({
    trigger_id: triggerId,
    view: tierDecisionModal(view, { ...target, partnerName: row.partnerName }),
  });
}
