import type { App } from "@slack/bolt";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { trainingDoneMessage } from "../../views/resource-views";
import { completionsAnswer, openResourceModal, resourceIdOf, resourcesAnswer } from "../commands/partner-resources";
import { registerAction } from "./action-runner";

function idOf(value: string | undefined): number {
  const id = resourceIdOf(value);
  if (id === null) throw new DomainError("resource_not_found", { id: value ?? "" });
  return id;
}

/**
 * Resources on the launcher and the App Home, and the buttons of the library list: Mark done
 * (members), Remove and Add (managers), Confirm on the managers' training list. A click on a list
 * redraws that list in place, so what changed shows where it was clicked.
 */
export function registerResourceActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.resourcesShow, async ({ actor, tell }) => {
    await tell(await resourcesAnswer(deps, actor, null));
  });

  registerAction(app, deps, ACTIONS.resourceAdd, async ({ actor, body, client }) => {
    await openResourceModal(client, actor, body.trigger_id);
  });

  registerAction(app, deps, ACTIONS.resourceRemove, async ({ actor, action, respond, tell, fromHome }) => {
    await deps.services.resources.remove(actor, idOf(action.value));
    const list = await resourcesAnswer(deps, actor, null);
    if (fromHome) return tell(list);
    await respond({ response_type: "ephemeral", replace_original: true, ...list });
  });

  registerAction(app, deps, ACTIONS.trainingDone, async ({ actor, action, respond, tell, fromHome }) => {
    const { resource, first } = await deps.services.resources.markDone(actor, idOf(action.value));
    if (fromHome) return tell(trainingDoneMessage(resource, first));
    await respond({
      response_type: "ephemeral",
      replace_original: true,
      ...(await resourcesAnswer(deps, actor, null)),
    });
    await tell(trainingDoneMessage(resource, first));
  });

  registerAction(app, deps, ACTIONS.trainingConfirm, async ({ actor, action, respond, tell, fromHome }) => {
    const id = resourceIdOf(action.value);
    if (id === null) throw new DomainError("training_not_completed");
    await deps.services.resources.confirm(actor, id);
    const list = await completionsAnswer(deps, actor, undefined);
    if (fromHome) return tell(list);
    await respond({ response_type: "ephemeral", replace_original: true, ...list });
  });
}
