import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { statusMessage } from "../../views/status-view";
import { registerAction } from "./action-runner";

/** Retry under a failed message in /hub status: back in the queue, and the status redrawn. */
export function registerRetryOutboxAction(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.retryOutbox, async ({ actor, action, respond }) => {
    await deps.services.status.retryMessage(actor, Number(action.value));
    const status = await deps.services.status.status(actor);
    await respond({ replace_original: true, ...statusMessage(status, deps.outboxLastSweepAt?.() ?? null) });
  });
}
