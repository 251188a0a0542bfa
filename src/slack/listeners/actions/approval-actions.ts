import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { reasonModal } from "../../views/deal-modal-view";
import { publishHome } from "../publish-home";
import { registerAction } from "./action-runner";
import { dealIdFrom } from "./deal-action-value";

/** Approve, Reject and Ask for info on a registration in the approvals channel or the App Home. */
export function registerApprovalActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.approveDeal, async ({ actor, action, client, fromHome }) => {
    await deps.services.deals.decide(actor, dealIdFrom(action.value), "approve");
    if (fromHome) await publishHome(deps, client, actor);
  });

  for (const [actionId, kind] of [
    [ACTIONS.rejectDeal, "reject"],
    [ACTIONS.askInfo, "info"],
  ] as const) {
    registerAction(app, deps, actionId, async ({ actor, action, body, client, fromHome }) => {
      const deal = await deps.services.deals.forDecision(actor, dealIdFrom(action.value));
      await client.views.open({
        trigger_id: body.trigger_id,
        view: reasonModal(kind, deal, { dealId: deal.id, channel: body.channel?.id, ts: body.message?.ts, fromHome }),
      });
    });
  }
}
