import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { RULES_BLOCKS, VIEWS } from "../../ids";
import { errorSentence } from "../../views/error-sentences";
import { rulesModal } from "../../views/rules-view";
import { identifyInteraction } from "../interaction";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { inputValue, ZViewStateValues } from "./view-state";

/**
 * Save in Edit program rules: a refusal stays in the modal under the text; saved rules replace
 * the form with the rules as everyone now reads them.
 */
export function registerRulesSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.editRules, async ({ ack, body, view, client, context }) => {
    const decide = async (): Promise<ViewResponseAction> => {
      try {
        const actor = await identifyInteraction(deps, body, context.teamId);
        const typed = inputValue(ZViewStateValues.parse(view.state.values), RULES_BLOCKS.text) ?? "";
        const { rules, changed } = await deps.services.rules.save(actor, typed);
        const note =
          rules.custom === null
            ? ":white_check_mark: Saved: everyone sees the rules built from the settings, with no text of your own."
            : ":white_check_mark: Saved: everyone now sees your rules below the ones built from the settings.";
        const unchanged = "Nothing changed: these are the rules everyone sees.";
        return {
          response_action: "update",
          view: rulesModal(rules, { note: changed ? note : unchanged, close: "Done" }),
        };
      } catch (error) {
        const sentence = isDomainError(error)
          ? errorSentence(error)
          : (await replyToError(error, deps, VIEWS.editRules)).text;
        return { response_action: "errors", errors: { [RULES_BLOCKS.text]: sentence } };
      }
    };
    await answerInTime(deps, { ack, client, view }, "Saving the rules…", decide());
  });
}
