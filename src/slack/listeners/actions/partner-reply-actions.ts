import type { App } from "@slack/bolt";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { answerModal } from "../../views/answer-modal";
import { resubmitModal } from "../../views/resubmit-modal";
import { registerAction } from "./action-runner";
import { dealIdFrom } from "./deal-action-value";

/**
 * The partner's side of a decision: Answer a manager's question (DM, the card's thread, the App
 * Home) and Correct and resubmit a rejected registration (the rejection notice, the card, the Home).
 */
export function registerPartnerReplyActions(app: App, deps: SlackDeps): void {
  const deals = deps.services.deals;

  registerAction(app, deps, ACTIONS.answerInfo, async ({ actor, action, body, client, fromHome }) => {
    const deal = await deals.get(actor, dealIdFrom(action.value));
    // Answered already (by a colleague, or from another copy of the question): say so at once.
    if (deal.status !== "info_requested") throw new DomainError("not_waiting_for_answer", { status: deal.status });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: answerModal(deal, { dealId: deal.id, ...(fromHome && { fromHome: true }) }),
    });
  });

  registerAction(app, deps, ACTIONS.resubmitDeal, async ({ actor, action, body, client, fromHome }) => {
    const dealId = dealIdFrom(action.value);
    const [{ form, draft }, deal] = await Promise.all([deals.resubmitForm(actor, dealId), deals.get(actor, dealId)]);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: resubmitModal(form, draft, deal.id, deal.decisionNote, fromHome ? { fromHome: true } : {}),
    });
  });
}
