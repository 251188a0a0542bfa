import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { openRegisterModal } from "../open-register-modal";
import { registerAction } from "./action-runner";

/** "Register a deal" on the launcher message or the App Home. */
export function registerRegisterDealButton(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.registerDeal, async ({ actor, body, client }) => {
    await openRegisterModal(deps, client, actor, body.trigger_id, body.channel?.id ?? null);
  });
}
