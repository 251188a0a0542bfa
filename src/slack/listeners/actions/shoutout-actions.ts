import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { buttonShoutoutId } from "../../parse/shoutout-text";
import { openShoutoutModal } from "../open-shoutout-modal";
import { registerAction } from "./action-runner";

/**
 * The Give a shout-out button (launcher, App Home: Slack Connect guests have no slash commands)
 * and the +1 on a post. A +1 redraws the post through the outbox, so the clicker is told nothing.
 */
export function registerShoutoutActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.giveShoutout, async ({ actor, body, client, fromHome }) => {
    const channelId = fromHome ? null : (body.channel?.id ?? null);
    await openShoutoutModal(deps, client, actor, body.trigger_id, { channelId, fromHome });
  });

  registerAction(app, deps, ACTIONS.shoutoutPlusOne, async ({ actor, action }) => {
    await deps.services.recognition.plusOne(actor, buttonShoutoutId(action.value));
  });
}
