import type { App } from "@slack/bolt";
import { formatAmountNumber } from "../../../domain/deals/currency";
import { isStage } from "../../../domain/deals/stages";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS, BLOCKS } from "../../ids";
import { reasonModal, wonModal } from "../../views/deal-modal-view";
import { plain } from "../../views/message";
import { openEditDealModal } from "../open-edit-deal-modal";
import { registerAction } from "./action-runner";
import { dealIdFrom } from "./deal-action-value";

/** The buttons on a deal's own message: advance the stage, won, lost, request an extension, edit. */
export function registerDealCardActions(app: App, deps: SlackDeps): void {
  const deals = deps.services.deals;

  registerAction(app, deps, ACTIONS.advanceStage, async ({ actor, action }) => {
    const stage = action.value?.split(":")[1] ?? "";
    if (!isStage(stage)) throw new DomainError("bad_button");
    await deals.changeStage(actor, dealIdFrom(action.value), stage);
  });

  registerAction(app, deps, ACTIONS.markWon, async ({ actor, action, body, client }) => {
    const deal = await deals.get(actor, dealIdFrom(action.value));
    const amount = formatAmountNumber(deal.amountMinor, deal.currency);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: wonModal(deal, { dealId: deal.id, channel: body.channel?.id, ts: body.message?.ts }, amount),
    });
  });

  registerAction(app, deps, ACTIONS.markLost, async ({ actor, action, body, client }) => {
    const deal = await deals.get(actor, dealIdFrom(action.value));
    await client.views.open({
      trigger_id: body.trigger_id,
      view: reasonModal("lost", deal, { dealId: deal.id, channel: body.channel?.id, ts: body.message?.ts }),
    });
  });

  registerAction(app, deps, ACTIONS.editDeal, async ({ actor, action, body, client, fromHome }) => {
    await openEditDealModal(deps, client, actor, body.trigger_id, dealIdFrom(action.value), { fromHome });
  });

  registerAction(app, deps, ACTIONS.requestExtension, async ({ actor, action, body, respond, tell }) => {
    const deal = await deals.requestExtension(actor, dealIdFrom(action.value));
    const done = plain(`:hourglass_flowing_sand: Extension requested for deal #${deal.id}: a manager will decide.`);
    // A reminder's button is spent once used; the deal's own message is redrawn through the outbox.
    const onCard = action.block_id === BLOCKS.dealCard(deal.id);
    if (body.message && !onCard) await respond({ replace_original: true, ...done });
    else await tell(done);
  });
}
