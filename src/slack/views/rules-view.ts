import type { KnownBlock, ModalView } from "@slack/types";
import { MAX_RULES_LENGTH, type ProgramRules } from "../../services/rules";
import { ACTIONS, RULES_BLOCKS, VIEWS } from "../ids";
import {
  actions,
  button,
  context,
  divider,
  escapeMrkdwn,
  header,
  input,
  joinMd,
  LIMITS,
  type Mrkdwn,
  md,
  modal,
  plainTextInput,
  section,
  trusted,
} from "./block-kit";
import { type Message, message } from "./message";

const TITLE = "Program rules";
const ADMIN_HEADING = "*:pushpin: From the program's admins*";

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** The rules the app enforces, written from the live settings so they never say otherwise. */
function defaultSections(rules: ProgramRules): Mrkdwn[] {
  const reminder =
    rules.approvalReminderDays > 0
      ? ` Registrations waiting more than ${plural(rules.approvalReminderDays, "working day", "working days")} are brought to the managers' attention.`
      : "";
  const values = rules.companyValues.length > 0 ? joinMd(rules.companyValues, ", ") : null;
  const celebrated = [
    rules.celebrateFirstWin ? "a partner's first won deal" : null,
    rules.celebrateRecordMonth ? "a record month" : null,
  ].filter((entry): entry is string => entry !== null);
  return [
    trusted(
      `*:memo: Deal registration*\nRegister each deal before you work on it, with the *Register a deal* button (or \`/deal\`), and give the customer's website or email domain: that is how other registrations of the same customer are found. A manager approves or rejects it with a reason, or asks you a question first.${reminder}`,
    ),
    trusted(
      `*:shield: Protection period*\nAn approved registration protects its customer for *${plural(rules.protectionDays, "day", "days")}*: meanwhile no other partner's registration of that customer is approved. A won deal keeps its protection; a lost one gives the customer back. Before it ends, ask for more time with *Request extension* on the deal.`,
    ),
    trusted(
      "*:crossed_swords: Conflicts*\nA customer is the same when its domain or its name matches. A registration of a customer another partner holds (its registration is being decided, or protected) is marked as a conflict: a manager compares both side by side and decides which one is protected, with a reason both partners see. Registering a customer your own company holds already brings you to that registration instead.",
    ),
    md`*:clap: Recognition*\nShout-outs recognize people and partners for the company values${values ? md`: ${values}` : md``}. Each person may recognize up to ${plural(rules.shoutoutAllowance, "recipient", "recipients")} a day, renewed at midnight in their own time zone; never themselves.${celebrated.length > 0 ? ` The program celebrates ${celebrated.join(" and ")}.` : ""}`,
  ];
}

/**
 * The admins' text as sections that show it literally: escaping can make it longer than one
 * section holds (`&` becomes `&amp;`), so it is packed by lines, and a line too long on its own is cut.
 */
export function customSections(text: string): Mrkdwn[] {
  const budget = LIMITS.sectionText;
  const pieces: string[] = [];
  for (const line of text.split("\n")) {
    let rest = line;
    while (escapeMrkdwn(rest).length > budget) {
      // Most characters escape to at most five (`&amp;`): start there and grow while it fits.
      let cut = Math.floor(budget / 5);
      while (cut < rest.length && escapeMrkdwn(rest.slice(0, cut + 1)).length <= budget) cut += 1;
      const space = rest.lastIndexOf(" ", cut);
      if (space > cut / 2) cut = space + 1;
      else if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
      pieces.push(escapeMrkdwn(rest.slice(0, cut)));
      rest = rest.slice(cut);
    }
    pieces.push(escapeMrkdwn(rest));
  }
  const sections: string[] = [ADMIN_HEADING];
  for (const piece of pieces) {
    const last = sections.length - 1;
    const joined = `${sections[last]}\n${piece}`;
    if (joined.length <= budget) sections[last] = joined;
    // A blank line where a section ends anyway shows as nothing: not a section of its own.
    else if (piece !== "") sections.push(piece);
  }
  return sections.map(trusted);
}

function rulesBlocks(rules: ProgramRules): KnownBlock[] {
  const blocks: KnownBlock[] = defaultSections(rules).map((text) => section(text));
  if (rules.custom !== null) blocks.push(divider(), ...customSections(rules.custom).map((text) => section(text)));
  return blocks;
}

/**
 * `/hub rules` and the launcher's Program rules: the rules built from the settings, the admins'
 * own text under them, and for admins how to change it.
 */
export function rulesMessage(rules: ProgramRules, note?: string): Message {
  const blocks: KnownBlock[] = [];
  if (note) blocks.push(section(trusted(note)));
  blocks.push(header(TITLE), ...rulesBlocks(rules));
  if (rules.canEdit) {
    blocks.push(
      context(
        trusted(
          "Admins: *Edit* adds your own rules below these (or `/hub rules edit`); `/hub rules reset` removes them. The rest follows the settings (`/hub settings`).",
        ),
      ),
      actions([button(ACTIONS.editRules, "Edit")]),
    );
  }
  return message(trusted(note ? `${note} ${TITLE}` : TITLE), blocks);
}

/** The rules over the registration modal (views.push), or after a save: read only. */
export function rulesModal(rules: ProgramRules, options: { note?: string; close?: string } = {}): ModalView {
  const blocks: KnownBlock[] = [];
  if (options.note) blocks.push(section(trusted(options.note)));
  blocks.push(...rulesBlocks(rules));
  return modal({ callbackId: VIEWS.rules, title: TITLE, close: options.close ?? "Back", blocks });
}

/** Admins write the program's own rules; an empty text leaves only those built from the settings. */
export function editRulesModal(current: string | null): ModalView {
  return modal({
    callbackId: VIEWS.editRules,
    title: "Edit program rules",
    submit: "Save",
    close: "Cancel",
    blocks: [
      context(
        trusted(
          "Shown to everyone under the rules built from the settings (registration, protection period, conflicts, recognition), which change with `/hub settings`.",
        ),
      ),
      input(
        RULES_BLOCKS.text,
        "Your program's rules",
        plainTextInput(ACTIONS.input, {
          multiline: true,
          initial: current,
          max: MAX_RULES_LENGTH,
          placeholder: "e.g. Register within 5 working days of the first meeting. Joint deals: talk to your manager.",
        }),
        {
          optional: true,
          hint: `Up to ${MAX_RULES_LENGTH.toLocaleString("en-US")} characters, shown as typed. Leave it empty to remove your rules.`,
        },
      ),
    ],
  });
}
