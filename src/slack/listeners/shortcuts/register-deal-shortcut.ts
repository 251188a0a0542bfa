import type { App, GlobalShortcut } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { SHORTCUTS } from "../../ids";
import { answerInteraction, identifyInteraction } from "../interaction";
import { openRegisterModal } from "../open-register-modal";

/** The global shortcut: works everywhere, including Slack Connect channels where commands don't. */
export function registerRegisterDealShortcut(app: App, deps: SlackDeps): void {
  app.shortcut<GlobalShortcut>(SHORTCUTS.registerDeal, async ({ ack, body, client, context }) => {
    await ack();
    await answerInteraction(deps, SHORTCUTS.registerDeal, { client, userId: body.user.id }, async () => {
      const actor = await identifyInteraction(deps, body, context.teamId);
      await openRegisterModal(deps, client, actor, body.trigger_id, null);
    });
  });
}
