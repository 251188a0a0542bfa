import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { canManageProgram } from "../../../domain/partners/roles";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { reasonModal } from "../../views/deal-modal-view";
import { answerInteraction, identifyInteraction } from "../interaction";
import { publishHome } from "../publish-home";
import { dealIdFrom } from "./deal-action-value";

const ONLY_MANAGERS = "Only managers can approve deals.";

/** Approve, Reject and Ask for info on a registration in the approvals channel. */
export function registerApprovalActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.approveDeal,
    async ({ ack, body, action, client, respond, context }) => {
      await ack();
      await answerInteraction(deps, ACTIONS.approveDeal, { respond, client, userId: body.user.id }, async () => {
        const actor = await identifyInteraction(deps, body, context.teamId);
        await deps.services.deals.decide(actor, dealIdFrom(action.value), "approve");
        if (body.view?.type === "home") await publishHome(deps, client, actor);
      });
    },
  );

  for (const [actionId, kind] of [
    [ACTIONS.rejectDeal, "reject"],
    [ACTIONS.askInfo, "info"],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond, context }) => {
      await ack();
      await answerInteraction(deps, actionId, { respond, client, userId: body.user.id }, async () => {
        const actor = await identifyInteraction(deps, body, context.teamId);
        if (!canManageProgram(actor.role)) throw new DomainError("forbidden", ONLY_MANAGERS);
        const deal = await deps.services.deals.get(actor, dealIdFrom(action.value));
        await client.views.open({
          trigger_id: body.trigger_id,
          view: reasonModal(kind, deal, {
            dealId: deal.id,
            channel: body.channel?.id,
            ts: body.message?.ts,
            fromHome: body.view?.type === "home",
          }),
        });
      });
    });
  }
}
