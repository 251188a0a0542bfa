import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { extensionDecidedNotice } from "../../views/deal-message-view";
import { registerAction } from "./action-runner";
import { dealIdFrom } from "./deal-action-value";

/** Extend / Decline on a partner's request to extend protection. */
export function registerExtensionActions(app: App, deps: SlackDeps): void {
  for (const [actionId, approve] of [
    [ACTIONS.approveExtension, true],
    [ACTIONS.declineExtension, false],
  ] as const) {
    registerAction(app, deps, actionId, async ({ actor, action, respond }) => {
      const deal = await deps.services.deals.decideExtension(actor, dealIdFrom(action.value), approve);
      // The request message loses its buttons and says who decided.
      await respond({ replace_original: true, ...extensionDecidedNotice(deal, approve, actor.userId) });
    });
  }
}
