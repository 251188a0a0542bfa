import type { App } from "@slack/bolt";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { isRecordId } from "../../parse/record-id";
import type { TierDecision } from "../../views/tier-decision-modal";
import { openTierDecision } from "../commands/partner-tiers";
import { registerAction } from "./action-runner";

/** `${reviewId}:demote` or `${reviewId}:keep`, as tierDecisionButtons writes it. */
export function readDecisionValue(value: string | undefined): { reviewId: number; decision: TierDecision } {
  const match = /^(\d+):(demote|keep)$/.exec(value ?? "");
  const id = Number(match?.[1]);
  if (!match || !isRecordId(id)) throw new DomainError("tier_review_not_found", { id: value ?? "" });
  return { reviewId: id, decision: match[2] as TierDecision };
}

/** Demote and Keep on a tier review card (approvals channel, partner card, App Home): each opens its modal. */
export function registerTierActions(app: App, deps: SlackDeps): void {
  const decide = new RegExp(`^${ACTIONS.tierReviewDecide}:(demote|keep)$`);
  registerAction(app, deps, decide, async ({ actor, action, body, client, fromHome }) => {
    const target = readDecisionValue(action.value);
    await openTierDecision(deps, client, actor, body.trigger_id, { ...target, fromHome });
  });
}
