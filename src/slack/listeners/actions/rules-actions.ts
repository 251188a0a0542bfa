import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { editRulesModal, rulesMessage, rulesModal } from "../../views/rules-view";
import { registerAction } from "./action-runner";

/**
 * Program rules on the launcher (Slack Connect guests have no `/hub rules`), Program rules in the
 * Register a deal modal (pushed over it, so the form keeps what was typed), and the admins' Edit.
 */
export function registerRulesActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.showRules, async ({ actor, tell }) => {
    await tell(rulesMessage(deps.services.rules.show(actor)));
  });

  registerAction(app, deps, ACTIONS.pushRules, async ({ actor, body, client }) => {
    await client.views.push({ trigger_id: body.trigger_id, view: rulesModal(deps.services.rules.show(actor)) });
  });

  registerAction(app, deps, ACTIONS.editRules, async ({ actor, body, client }) => {
    const { text } = deps.services.rules.editForm(actor);
    await client.views.open({ trigger_id: body.trigger_id, view: editRulesModal(text) });
  });
}
