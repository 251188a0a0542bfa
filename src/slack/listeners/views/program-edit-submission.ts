import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { PROGRAM_BLOCKS, VIEWS } from "../../ids";
import { errorSentence } from "../../views/error-sentences";
import type { ProgramEditMetadata } from "../../views/program-edit-modal";
import { PROGRAM_SECTIONS, programSavedModal } from "../../views/program-views";
import { identifyInteraction, readMetadata } from "../interaction";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { inputValue, ZViewStateValues } from "./view-state";

/**
 * Save in an admin's edit of one program list: a line that does not read (with its number) stays
 * in the modal under the text; a saved list replaces the form with the list as everyone reads it.
 */
export function registerProgramEditSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.programEdit, async ({ ack, body, view, client, context }) => {
    const decide = async (): Promise<ViewResponseAction> => {
      try {
        const metadata = readMetadata<ProgramEditMetadata>(view.private_metadata);
        const section = PROGRAM_SECTIONS.find((candidate) => candidate === metadata.section);
        const actor = await identifyInteraction(deps, body, context.teamId);
        if (section === undefined) throw new Error(`program edit modal without a section: ${view.private_metadata}`);
        const typed = inputValue(ZViewStateValues.parse(view.state.values), PROGRAM_BLOCKS.text) ?? "";
        const config = await deps.services.programConfig.saveSection(actor, section, typed);
        return {
          response_action: "update",
          view: programSavedModal(section, config, actor.workspace.reportingCurrency),
        };
      } catch (error) {
        const sentence = isDomainError(error)
          ? errorSentence(error)
          : (await replyToError(error, deps, VIEWS.programEdit)).text;
        return { response_action: "errors", errors: { [PROGRAM_BLOCKS.text]: sentence } };
      }
    };
    await answerInTime(deps, { ack, client, view }, "Saving…", decide());
  });
}
