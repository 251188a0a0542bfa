import type { App, BlockAction } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { answerInteraction, identifyInteraction } from "../interaction";
import { openRegisterModal } from "../open-register-modal";

/** "Register a deal" on the launcher message or the App Home. */
export function registerRegisterDealButton(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(ACTIONS.registerDeal, async ({ ack, body, client, respond, context }) => {
    await ack();
    await answerInteraction(
      deps,
      ACTIONS.registerDeal,
      { respond: body.response_url ? respond : undefined, client, userId: body.user.id },
      async () => {
        const actor = await identifyInteraction(deps, body, context.teamId);
        await openRegisterModal(deps, client, actor, body.trigger_id, body.channel?.id ?? null);
      },
    );
  });
}
