import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { conflictResolutionModal } from "../../views/conflict-resolution-modal";
import { reasonModal } from "../../views/deal-modal-view";
import { publishHome } from "../publish-home";
import { type ActionHandler, registerAction } from "./action-runner";
import { dealIdFrom } from "./deal-action-value";

/**
 * Approve, Resolve conflict, Reject and Ask for info on a registration in the approvals channel or
 * the App Home. Approve while another partner holds or claims the customer opens the side-by-side
 * conflict view instead: approving then would protect two partners for one customer.
 */
export function registerApprovalActions(app: App, deps: SlackDeps): void {
  const deals = deps.services.deals;

  const approveOrResolve: ActionHandler = async ({ actor, action, body, client, fromHome }) => {
    const { deal, rivals } = await deals.conflictOf(actor, dealIdFrom(action.value));
    if (rivals.length > 0) {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: conflictResolutionModal(deal, rivals, {
          dealId: deal.id,
          rivalIds: rivals.map((rival) => rival.id),
          ...(fromHome && { fromHome: true }),
        }),
      });
      return;
    }
    // The conflict was decided or went away meanwhile: what the manager wants is this deal approved.
    await deals.decide(actor, deal.id, "approve");
    if (fromHome) await publishHome(deps, client, actor);
  };
  registerAction(app, deps, ACTIONS.approveDeal, approveOrResolve);
  registerAction(app, deps, ACTIONS.resolveConflict, approveOrResolve);

  for (const [actionId, kind] of [
    [ACTIONS.rejectDeal, "reject"],
    [ACTIONS.askInfo, "info"],
  ] as const) {
    registerAction(app, deps, actionId, async ({ actor, action, body, client, fromHome }) => {
      const deal = await deals.forDecision(actor, dealIdFrom(action.value));
      await client.views.open({
        trigger_id: body.trigger_id,
        view: reasonModal(kind, deal, { dealId: deal.id, channel: body.channel?.id, ts: body.message?.ts, fromHome }),
      });
    });
  }
}
