import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { extensionDecidedNotice } from "../../views/deal-message-view";
import { answerInteraction, identifyInteraction } from "../interaction";
import { dealIdFrom } from "./deal-action-value";

/** Extend / Decline on a partner's request to extend protection. */
export function registerExtensionActions(app: App, deps: SlackDeps): void {
  for (const [actionId, approve] of [
    [ACTIONS.approveExtension, true],
    [ACTIONS.declineExtension, false],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond, context }) => {
      await ack();
      await answerInteraction(deps, actionId, { respond, client, userId: body.user.id }, async () => {
        const actor = await identifyInteraction(deps, body, context.teamId);
        const { deal, announce } = await deps.services.deals.decideExtension(actor, dealIdFrom(action.value), approve);
        // The request message loses its buttons and says who decided.
        await respond({ replace_original: true, ...extensionDecidedNotice(deal, approve, actor.userId) });
        await announce();
      });
    });
  }
}
