import type { KnownBlock, ModalView, MultiStaticSelect } from "@slack/types";
import type { PracticeRecord } from "../../services/practices/practice-store";
import type { ShareForm } from "../../services/practices/share-practice";
import { ACTIONS, PRACTICE_BLOCKS, VIEWS } from "../ids";
import { context, input, LIMITS, link, md, mention, modal, option, plainTextInput, section, text } from "./block-kit";

/** What the share modal carries between Slack round-trips. */
export interface ShareModalMetadata {
  channelId: string | null;
  creditedUserId: string | null;
  sourcePermalink: string | null;
  fromHome: boolean;
}

export interface EditModalMetadata {
  practiceId: number;
}

/** What the modal opens with: a saved message's text, or the practice being edited. */
export interface PracticeInitial {
  title?: string | null;
  body?: string | null;
  tags?: string[];
  region?: string | null;
  link?: string | null;
}

/** Slack's own ceiling for a plain_text_input; the service's limits are shorter and show inline. */
const INPUT_MAX = 3000;

function textBlock(
  blockId: string,
  label: string,
  options: {
    initial?: string | null | undefined;
    optional?: boolean;
    multiline?: boolean;
    hint?: string;
    placeholder?: string;
  },
): KnownBlock {
  return input(
    blockId,
    label,
    plainTextInput(ACTIONS.input, {
      initial: options.initial,
      multiline: options.multiline ?? false,
      placeholder: options.placeholder,
      max: INPUT_MAX,
    }),
    { optional: options.optional ?? false, hint: options.hint },
  );
}

/** Existing tags to pick from; absent when there are none yet (Slack rejects a select without options). */
function tagPicker(knownTags: string[], picked: string[]): KnownBlock[] {
  const offered = knownTags.slice(0, LIMITS.options);
  if (offered.length === 0) return [];
  const choices = offered.map((tag) => option(tag, tag));
  const initial = offered.filter((tag) => picked.includes(tag)).map((tag) => option(tag, tag));
  const element: MultiStaticSelect = {
    type: "multi_static_select",
    action_id: ACTIONS.input,
    options: choices,
    placeholder: text("Pick tags people use", LIMITS.placeholder),
    ...(initial.length > 0 && { initial_options: initial }),
  };
  return [input(PRACTICE_BLOCKS.tags, "Tags", element, { optional: true })];
}

function practiceBlocks(form: ShareForm, initial: PracticeInitial): KnownBlock[] {
  const tags = initial.tags ?? [];
  const offered = new Set(form.knownTags.slice(0, LIMITS.options));
  const typedTags = tags.filter((tag) => !offered.has(tag));
  return [
    textBlock(PRACTICE_BLOCKS.title, "Title", {
      initial: initial.title,
      placeholder: "e.g. Answering “too expensive” with a 3-year TCO",
    }),
    textBlock(PRACTICE_BLOCKS.body, "The practice", {
      initial: initial.body,
      multiline: true,
      placeholder: "What you did, for whom, and what came of it",
    }),
    ...tagPicker(form.knownTags, tags),
    textBlock(PRACTICE_BLOCKS.newTags, form.knownTags.length > 0 ? "New tags" : "Tags", {
      initial: typedTags.length > 0 ? typedTags.join(", ") : null,
      optional: true,
      hint: "Comma-separated, e.g. pricing, objections",
    }),
    textBlock(PRACTICE_BLOCKS.region, "Region or market", {
      initial: initial.region ?? form.defaultRegion,
      optional: true,
      placeholder: "e.g. DACH, EMEA, US public sector",
    }),
    textBlock(PRACTICE_BLOCKS.link, "Link", {
      initial: initial.link,
      optional: true,
      placeholder: "https://…",
      hint: "A deck, a recording or a write-up",
    }),
  ];
}

/** The Share a practice modal: empty, or prefilled from a message saved with the shortcut. */
export function sharePracticeModal(
  form: ShareForm,
  metadata: ShareModalMetadata,
  initial: PracticeInitial = {},
): ModalView {
  const credit: KnownBlock[] = metadata.sourcePermalink
    ? [
        context(
          metadata.creditedUserId
            ? md`Saved from ${link(metadata.sourcePermalink, "a message")} by ${mention(metadata.creditedUserId)}: they are credited on the card.`
            : md`Saved from ${link(metadata.sourcePermalink, "a message")}.`,
        ),
      ]
    : [];
  return modal({
    title: "Share a practice",
    submit: "Share",
    close: "Cancel",
    callbackId: VIEWS.sharePractice,
    privateMetadata: JSON.stringify(metadata),
    blocks: [...credit, ...practiceBlocks(form, initial)],
  });
}

export function editPracticeModal(form: ShareForm, practice: PracticeRecord): ModalView {
  const metadata: EditModalMetadata = { practiceId: practice.id };
  return modal({
    title: "Edit practice",
    submit: "Save",
    close: "Cancel",
    callbackId: VIEWS.editPractice,
    privateMetadata: JSON.stringify(metadata),
    blocks: practiceBlocks(form, practice),
  });
}

/** The modal once a practice is shared or saved: where its card is. */
export function practiceDoneModal(practice: PracticeRecord, verb: "shared" | "saved"): ModalView {
  // A card asked for in a DM goes to the author's DM: a channel mention would not name it.
  const inChannel = practice.channelId !== null && /^[CG]/.test(practice.channelId);
  const where = inChannel ? md` Its card is in ${mention(practice.channelId ?? "", "#")}.` : md``;
  return modal({
    title: verb === "shared" ? "Practice shared" : "Practice saved",
    close: "Done",
    blocks: [section(md`:white_check_mark: “${practice.title}” is ${verb}.${where}`)],
  });
}
