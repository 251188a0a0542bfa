import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  Datepicker,
  DividerBlock,
  HeaderBlock,
  InputBlock,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  PlainTextElement,
  PlainTextInput,
  PlainTextOption,
  SectionBlock,
  StaticSelect,
} from "@slack/types";

/**
 * The Block Kit pieces every view is built from. User text is safe by default: a `string` handed
 * to an mrkdwn builder is escaped, and only `Mrkdwn` (from `md` or `trusted`) goes in as markup.
 * Every builder cuts its text to Slack's limit, because Slack rejects the whole message otherwise.
 */

/** Slack's length limits, in characters (UTF-16 code units, as Slack counts). */
export const LIMITS = {
  sectionText: 3000,
  field: 2000,
  fields: 10,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  options: 100,
  modalTitle: 24,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  contextElements: 10,
  actionsElements: 25,
  messageText: 40_000,
} as const;

/** mrkdwn the app wrote: put into text objects as it is. Made only by the builders in this file. */
export class Mrkdwn {
  constructor(readonly text: string) {}
}

/**
 * Slack has no escape for its formatting markers, and a zero-width character next to one is
 * parsed differently by each client (and a literal `*` inside the app's own `*bold*` ends it), so
 * markers in user text become look-alike characters that no mrkdwn parser treats as markup.
 */
const LOOKALIKE: Record<string, string> = { "*": "\u2217", _: "\u02cd", "~": "\u223c", "`": "\u02cb" };
/** `*` and `` ` `` pair up anywhere; `_` and `~` only at a word's edge, so `foo_bar.com` stays as typed. */
const MARKERS = /[*`]|(?<![\p{L}\p{N}])[_~]|[_~](?![\p{L}\p{N}])/gu;
/** A `>` opening a line starts a quote; a zero-width space in front keeps it an ordinary character. */
const LINE_START_QUOTE = /(^|\n)&gt;/g;

/**
 * User text as mrkdwn that shows it literally: no mention, link, date, formatting or quote.
 * Emoji shortcodes stay: people type `:tada:` to get the emoji.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(MARKERS, (marker) => LOOKALIKE[marker] ?? marker)
    .replace(LINE_START_QUOTE, "$1\u200b&gt;");
}

/** A piece of mrkdwn: user text (escaped), a number, or mrkdwn the app already built. */
export type MdValue = string | number | Mrkdwn;

function mdPiece(value: MdValue): string {
  if (value instanceof Mrkdwn) return value.text;
  return typeof value === "number" ? String(value) : escapeMrkdwn(value);
}

/** App-written mrkdwn with user text in it: md`*${customerName}* · ${trustedPart}`. */
export function md(strings: TemplateStringsArray, ...values: MdValue[]): Mrkdwn {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += mdPiece(value) + (strings[i + 1] ?? "");
  });
  return new Mrkdwn(out);
}

/** A user or channel mention; anything that is not a Slack id is shown as text, never as markup. */
export function mention(id: string, kind: "@" | "#" = "@"): Mrkdwn {
  return /^[A-Z0-9]+$/.test(id) ? new Mrkdwn(`<${kind}${id}>`) : new Mrkdwn(escapeMrkdwn(`${kind}${id}`));
}

/** mrkdwn the app wrote in full (help lines, fixed notices): taken as markup without escaping. */
export function trusted(text: string): Mrkdwn {
  return new Mrkdwn(text);
}

/** A user or channel mention by id, the only `<...>` an app sentence keeps. */
const ID_MENTION = /<[@#][A-Z0-9]+(?:\|[^<>]*)?>/g;

function escapeKeepingMentions(text: string): string {
  const mentions = text.match(ID_MENTION) ?? [];
  return text
    .split(ID_MENTION)
    .map((part) => part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"))
    .reduce((out, part, i) => out + part + (mentions[i] ?? ""), "");
}

/**
 * A sentence the app wrote that may quote what the person typed (a refusal, a usage hint): the
 * app's `code`, *bold* and mentions of people and channels by id are kept, no broadcast or link
 * fires, and the parts in “curly quotes”, where the services put typed text, show literally.
 */
export function mentionSafe(text: string): Mrkdwn {
  return new Mrkdwn(
    text
      .split(/(“[^”]*”)/)
      .map((part) => (part.startsWith("“") ? escapeMrkdwn(part) : escapeKeepingMentions(part)))
      .join(""),
  );
}

/** A link: the URL keeps its characters (only Slack's three entities), the label is user text. */
export function link(url: string, label: string): Mrkdwn {
  const href = url.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "%7C");
  return new Mrkdwn(`<${href}|${escapeMrkdwn(label)}>`);
}

export function joinMd(pieces: MdValue[], separator: string): Mrkdwn {
  return new Mrkdwn(pieces.map(mdPiece).join(separator));
}

export function toMrkdwn(value: MdValue): Mrkdwn {
  return value instanceof Mrkdwn ? value : new Mrkdwn(mdPiece(value));
}

const ELLIPSIS = "…";

/** Plain text cut to `max` with an ellipsis, never between the two halves of a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

/** mrkdwn cut to `max`, never inside an entity (`&amp;`) or a `<...>` mention or link. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = truncate(text, max).slice(0, -ELLIPSIS.length);
  const openAngle = cut.lastIndexOf("<");
  if (openAngle > cut.lastIndexOf(">")) cut = cut.slice(0, openAngle);
  const amp = cut.lastIndexOf("&");
  if (amp >= 0 && !cut.slice(amp).includes(";")) cut = cut.slice(0, amp);
  return cut + ELLIPSIS;
}

/** A plain_text object: shown as typed by every client, so user text needs no escaping, only a cut. */
export function text(value: string, max: number = LIMITS.sectionText): PlainTextElement {
  return { type: "plain_text", text: truncate(value, max), emoji: true };
}

/** An mrkdwn text object; a `string` is user text and is escaped. */
export function mrkdwn(value: MdValue, max: number = LIMITS.sectionText): MrkdwnElement {
  return { type: "mrkdwn", text: truncateMrkdwn(toMrkdwn(value).text, max) };
}

export function section(value: MdValue, blockId?: string): SectionBlock {
  return { type: "section", text: mrkdwn(value), ...(blockId && { block_id: blockId }) };
}

/** A section of up to ten two-column fields, each "*label*\nvalue". */
export function fields(entries: [label: string, value: MdValue][]): SectionBlock {
  return {
    type: "section",
    fields: entries.slice(0, LIMITS.fields).map(([label, value]) => mrkdwn(md`*${label}*\n${value}`, LIMITS.field)),
  };
}

export function context(...values: MdValue[]): ContextBlock {
  return { type: "context", elements: values.slice(0, LIMITS.contextElements).map((value) => mrkdwn(value)) };
}

/** Headers are plain_text: user text in one shows literally and never needs escaping. */
export function header(value: string): HeaderBlock {
  return { type: "header", text: text(value, LIMITS.header) };
}

export function divider(): DividerBlock {
  return { type: "divider" };
}

export function actions(elements: ActionsBlockElement[], blockId?: string): ActionsBlock {
  return {
    type: "actions",
    elements: elements.slice(0, LIMITS.actionsElements),
    ...(blockId && { block_id: blockId }),
  };
}

export function button(actionId: string, label: string, value?: string, style?: "primary" | "danger"): Button {
  return {
    type: "button",
    action_id: actionId,
    text: text(label, LIMITS.buttonText),
    ...(value !== undefined && { value: value.slice(0, LIMITS.buttonValue) }),
    ...(style && { style }),
  };
}

/** A select option; its value is an id the app wrote, so it is never cut (that would change it). */
export function option(value: string, label: string): PlainTextOption {
  return { text: text(label, LIMITS.optionText), value };
}

export function input(
  blockId: string,
  label: string,
  element: InputBlock["element"],
  options: { optional?: boolean; hint?: string | undefined; dispatchAction?: boolean } = {},
): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    label: text(label, LIMITS.label),
    optional: options.optional ?? false,
    ...(options.dispatchAction && { dispatch_action: true }),
    ...(options.hint && { hint: text(options.hint, LIMITS.hint) }),
    element,
  };
}

export function plainTextInput(
  actionId: string,
  options: {
    placeholder?: string | undefined;
    initial?: string | null | undefined;
    multiline?: boolean;
    max?: number | undefined;
    /** Report every keystroke, for live feedback under the field. */
    live?: boolean;
  } = {},
): PlainTextInput {
  return {
    type: "plain_text_input",
    action_id: actionId,
    multiline: options.multiline ?? false,
    ...(options.placeholder && { placeholder: text(options.placeholder, LIMITS.placeholder) }),
    ...(options.initial && { initial_value: options.max ? options.initial.slice(0, options.max) : options.initial }),
    ...(options.max && { max_length: options.max }),
    ...(options.live && { dispatch_action_config: { trigger_actions_on: ["on_character_entered"] } }),
  };
}

export function staticSelect(
  actionId: string,
  choices: PlainTextOption[],
  options: { placeholder?: string; initial?: PlainTextOption | undefined } = {},
): StaticSelect {
  return {
    type: "static_select",
    action_id: actionId,
    options: choices.slice(0, LIMITS.options),
    ...(options.placeholder && { placeholder: text(options.placeholder, LIMITS.placeholder) }),
    ...(options.initial && { initial_option: options.initial }),
  };
}

export function datepicker(
  actionId: string,
  options: { placeholder?: string; initial?: string | undefined } = {},
): Datepicker {
  return {
    type: "datepicker",
    action_id: actionId,
    ...(options.placeholder && { placeholder: text(options.placeholder, LIMITS.placeholder) }),
    ...(options.initial && { initial_date: options.initial }),
  };
}

/** A modal; title, submit and close are cut to Slack's 24 characters. */
export function modal(view: {
  title: string;
  close: string;
  submit?: string;
  callbackId?: string;
  privateMetadata?: string;
  blocks: KnownBlock[];
}): ModalView {
  return {
    type: "modal",
    ...(view.callbackId && { callback_id: view.callbackId }),
    ...(view.privateMetadata !== undefined && { private_metadata: view.privateMetadata }),
    title: text(view.title, LIMITS.modalTitle),
    ...(view.submit && { submit: text(view.submit, LIMITS.modalTitle) }),
    close: text(view.close, LIMITS.modalTitle),
    blocks: view.blocks,
  };
}
