import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { reasonModal } from "../../views/deal-modal-view";
import { answerInteraction, identifyInteraction } from "../interaction";
import { publishHome } from "../publish-home";
import { dealIdFrom } from "./deal-action-value";

/** Approve, Reject and Ask for info on a registration in the approvals channel. */
export function registerApprovalActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.approveDeal,
    async ({ ack, body, action, client, respond, context }) => {
      await ack();
      await answerInteraction(deps, ACTIONS.approveDeal, { respond, client, userId: body.user.id }, async () => {
        const actor = await identifyInteraction(deps, body, context.teamId);
        const change = await deps.services.deals.decide(actor, dealIdFrom(action.value), "approve");
        await change.announce();
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
        const deal = await deps.services.deals.forDecision(actor, dealIdFrom(action.value));
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
