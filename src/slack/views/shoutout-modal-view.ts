import type { Checkboxes, KnownBlock, ModalView, MultiUsersSelect } from "@slack/types";
import type { ShoutoutRecord } from "../../services/recognition/recognition-store";
import { ACTIONS, SHOUTOUT_BLOCKS, VIEWS } from "../ids";
import {
  context,
  input,
  LIMITS,
  md,
  mention,
  modal,
  option,
  plainTextInput,
  section,
  staticSelect,
  text,
  trusted,
} from "./block-kit";
import { recipientList } from "./shoutout-message-view";

/** What the shout-out modal carries between Slack round-trips. */
export interface ShoutoutModalMetadata {
  channelId: string | null;
  fromHome: boolean;
}

/** What the service tells the form: the program's values, whether awards are offered, the allowance. */
export interface ShoutoutFormFacts {
  values: string[];
  canAward: boolean;
  allowanceLeft: number;
  resetsAt: Date;
}

export const ANNOUNCE_OPTION = "announce";
const MAX_RECIPIENTS = 20;

function announceBox(): Checkboxes {
  const announce = option(ANNOUNCE_OPTION, "Announce publicly in the channel");
  return { type: "checkboxes", action_id: ACTIONS.input, options: [announce], initial_options: [announce] };
}

function valueBlocks(values: string[]): KnownBlock[] {
  if (values.length === 0) return [];
  const choices = values.slice(0, LIMITS.options).map((value) => option(value, value));
  return [
    input(SHOUTOUT_BLOCKS.value, "Company value", staticSelect(ACTIONS.input, choices, { placeholder: "Pick one" }), {
      optional: true,
    }),
  ];
}

/** The Give a shout-out modal; the award field is shown to managers and admins only. */
export function shoutoutModal(form: ShoutoutFormFacts, metadata: ShoutoutModalMetadata): ModalView {
  const people: MultiUsersSelect = {
    type: "multi_users_select",
    action_id: ACTIONS.input,
    max_selected_items: MAX_RECIPIENTS,
    placeholder: text("Who do you want to recognize?", LIMITS.placeholder),
  };
  const award: KnownBlock[] = form.canAward
    ? [
        input(
          SHOUTOUT_BLOCKS.award,
          "Award (managers)",
          plainTextInput(ACTIONS.input, { placeholder: "e.g. Partner of the month", max: 100 }),
          { optional: true, hint: "Makes it a manager's award: a distinct badge, weighted more in kudos" },
        ),
      ]
    : [];
  return modal({
    title: "Give a shout-out",
    submit: "Send",
    close: "Cancel",
    callbackId: VIEWS.giveShoutout,
    privateMetadata: JSON.stringify(metadata),
    blocks: [
      context(md`You can recognize ${form.allowanceLeft} more today.`),
      input(SHOUTOUT_BLOCKS.recipients, "People", people, { optional: true }),
      input(
        SHOUTOUT_BLOCKS.partner,
        "Partner company",
        plainTextInput(ACTIONS.input, { placeholder: "e.g. Acme Resellers", max: 200 }),
        { optional: true, hint: "Recognize a whole partner company, with or without people" },
      ),
      ...valueBlocks(form.values),
      input(
        SHOUTOUT_BLOCKS.message,
        "Why?",
        plainTextInput(ACTIONS.input, { multiline: true, placeholder: "What did they do?", max: 3000 }),
      ),
      ...award,
      input(SHOUTOUT_BLOCKS.announce, "Where", announceBox(), { optional: true }),
    ],
  });
}

/** The modal once the shout-out is given: where it went. */
export function shoutoutDoneModal(shoutout: ShoutoutRecord): ModalView {
  const inChannel = shoutout.announce && shoutout.channelId !== null && /^[CG]/.test(shoutout.channelId);
  const where = inChannel
    ? md` It is posted in ${mention(shoutout.channelId ?? "", "#")}.`
    : trusted(" Recipients get it in a DM.");
  return modal({
    title: "Shout-out sent",
    close: "Done",
    blocks: [section(md`:tada: You recognized ${recipientList(shoutout)}.${where}`)],
  });
}
