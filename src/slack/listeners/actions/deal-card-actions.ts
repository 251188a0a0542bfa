import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { formatAmountNumber } from "../../../domain/deals/currency";
import { isStage } from "../../../domain/deals/stages";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { reasonModal, wonModal } from "../../views/deal-modal-view";
import { plain } from "../../views/message";
import { answerInteraction, identifyInteraction, tellUser } from "../interaction";
import { dealIdFrom } from "./deal-action-value";

/** The buttons on a deal's own message: advance the stage, won, lost, request an extension. */
export function registerDealCardActions(app: App, deps: SlackDeps): void {
  const deals = deps.services.deals;

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.advanceStage,
    async ({ ack, body, action, client, respond, context }) => {
      await ack();
      await answerInteraction(deps, ACTIONS.advanceStage, { respond, client, userId: body.user.id }, async () => {
        const actor = await identifyInteraction(deps, body, context.teamId);
        const stage = action.value?.split(":")[1] ?? "";
        if (!isStage(stage)) throw new DomainError("bad_button", "That button is out of date: look at the deal again.");
        const change = await deals.changeStage(actor, dealIdFrom(action.value), stage);
        await change.announce();
      });
    },
  );

  app.action<BlockAction<ButtonAction>>(ACTIONS.markWon, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    await answerInteraction(deps, ACTIONS.markWon, { respond, client, userId: body.user.id }, async () => {
      const actor = await identifyInteraction(deps, body, context.teamId);
      const deal = await deals.get(actor, dealIdFrom(action.value));
      const amount = formatAmountNumber(deal.amountMinor, deal.currency);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: wonModal(deal, { dealId: deal.id, channel: body.channel?.id, ts: body.message?.ts }, amount),
      });
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.markLost, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    await answerInteraction(deps, ACTIONS.markLost, { respond, client, userId: body.user.id }, async () => {
      const actor = await identifyInteraction(deps, body, context.teamId);
      const deal = await deals.get(actor, dealIdFrom(action.value));
      await client.views.open({
        trigger_id: body.trigger_id,
        view: reasonModal("lost", deal, { dealId: deal.id, channel: body.channel?.id, ts: body.message?.ts }),
      });
    });
  });

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.requestExtension,
    async ({ ack, body, action, client, respond, context }) => {
      await ack();
      const to = { respond, client, userId: body.user.id };
      await answerInteraction(deps, ACTIONS.requestExtension, to, async () => {
        const actor = await identifyInteraction(deps, body, context.teamId);
        const { deal, announce } = await deals.requestExtension(actor, dealIdFrom(action.value));
        const done = plain(`:hourglass_flowing_sand: Extension requested for deal #${deal.id}: a manager will decide.`);
        // A reminder's button is spent once used; the deal's own message is updated by announce().
        if (body.message && body.message.ts !== deal.messageTs) await respond({ replace_original: true, ...done });
        else await tellUser(to, done);
        await announce();
      });
    },
  );
}
