import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import { isDomainError, type Problem } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { RESOURCE_BLOCKS, VIEWS } from "../../ids";
import { errorSentence } from "../../views/error-sentences";
import { resourceAddedModal } from "../../views/resource-modal";
import { identifyInteraction } from "../interaction";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { inputValue, ZViewStateValues } from "./view-state";

type ResourceField = keyof typeof RESOURCE_BLOCKS;

function problemsAnswer(problems: Partial<Record<ResourceField, Problem>>): ViewResponseAction {
  const errors: Record<string, string> = {};
  for (const [field, problem] of Object.entries(problems) as [ResourceField, Problem | undefined][]) {
    if (problem) errors[RESOURCE_BLOCKS[field]] = errorSentence(problem);
  }
  return { response_action: "errors", errors };
}

/** Add a resource's Add: problems stay under their field; an added resource replaces the form with what was added. */
export function registerResourceSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.resourceAdd, async ({ ack, body, view, client, context }) => {
    const decide = async (): Promise<ViewResponseAction> => {
      try {
        const who = await identifyInteraction(deps, body, context.teamId);
        const values = ZViewStateValues.parse(view.state.values);
        const field = (block: string) => inputValue(values, block);
        const result = await deps.services.resources.add(who, {
          title: field(RESOURCE_BLOCKS.title),
          url: field(RESOURCE_BLOCKS.url),
          kind: field(RESOURCE_BLOCKS.kind),
          tags: field(RESOURCE_BLOCKS.tags),
          minTier: field(RESOURCE_BLOCKS.minTier),
          requiredFor: field(RESOURCE_BLOCKS.requiredFor),
        });
        if (!result.ok) return problemsAnswer(result.errors);
        return { response_action: "update", view: resourceAddedModal(result.resource) };
      } catch (error) {
        const message = isDomainError(error)
          ? errorSentence(error)
          : (await replyToError(error, deps, VIEWS.resourceAdd)).text;
        return { response_action: "errors", errors: { [RESOURCE_BLOCKS.title]: message } };
      }
    };
    await answerInTime(deps, { ack, client, view }, "Adding the resource…", decide());
  });
}
