import type { ModalView } from "@slack/types";
import { ONBOARDING_EVENTS } from "../../domain/program/program-types";
import type { ProgramSection } from "../../domain/shared/error-codes";
import { ACTIONS, PROGRAM_BLOCKS, VIEWS } from "../ids";
import { context, input, modal, plainTextInput, trusted } from "./block-kit";
import { SECTION_TITLES } from "./program-views";

export interface ProgramEditMetadata {
  section: ProgramSection;
}

/** How each list is written, one item per line: parse and format in domain/program are exact inverses. */
function lineFormat(section: ProgramSection, currency: string): string {
  switch (section) {
    case "criteria":
      return "One criterion per line: a label, a colon, a weight from 0 to 10, like `Reputation: 2`. At most 10 lines.";
    case "dueDiligence":
      return "One check per line, like `References checked`: at most 80 characters each, 15 lines.";
    case "onboarding":
      return `One step per line, like \`Kickoff call held\`; add \`[auto: deal_registered]\` to a step that ticks itself (${ONBOARDING_EVENTS.join(", ")}). At most 15 lines.`;
    case "tiers":
      return `One line for each of silver, gold and platinum, like \`silver: revenue 20000, won 2, trained 1, winrate 0%\`: won revenue in ${currency} over the trailing 12 months, deals won, people trained, win rate. A higher tier can't ask for less than the one below.`;
  }
}

/** Within Slack's 24 characters for a modal title. */
const EDIT_TITLES: Record<ProgramSection, string> = {
  criteria: "Edit selection criteria",
  dueDiligence: "Edit due diligence",
  onboarding: "Edit onboarding steps",
  tiers: "Edit tier criteria",
};

/** Admins: one list of the program as text, one item per line; a refusal shows under the text. */
export function programEditModal(section: ProgramSection, text: string, currency: string): ModalView {
  const metadata: ProgramEditMetadata = { section };
  return modal({
    title: EDIT_TITLES[section],
    submit: "Save",
    close: "Cancel",
    callbackId: VIEWS.programEdit,
    privateMetadata: JSON.stringify(metadata),
    blocks: [
      context(trusted(lineFormat(section, currency))),
      input(
        PROGRAM_BLOCKS.text,
        SECTION_TITLES[section],
        plainTextInput(ACTIONS.input, { multiline: true, initial: text }),
      ),
    ],
  });
}
