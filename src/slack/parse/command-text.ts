import { DomainError } from "../../domain/shared/domain-error";
import { withoutNul } from "./typed-text";

/**
 * The one tokenizer for slash-command text. Slack sends people and channels as `<@U123|name>` or
 * `<@U123>` (should_escape on), escapes & < > in typed text, and Slack clients turn straight
 * quotes into curly ones, so all of those are understood here.
 */
export type Token =
  | { kind: "word"; value: string; raw: string }
  | { kind: "user"; id: string; label: string | undefined; raw: string }
  | { kind: "channel"; id: string; label: string | undefined; raw: string }
  | { kind: "option"; key: string; value: string; raw: string };

const OPEN_QUOTES = new Set(['"', "“", "„"]);
const CLOSE_QUOTE: Record<string, string> = { '"': '"', "“": "”", "„": "“" };

export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Reads a quoted run starting at `start` (an opening quote); returns its text and the index after it. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  const open = text.charAt(start);
  const closers = new Set([CLOSE_QUOTE[open] ?? open, '"']);
  let index = start + 1;
  while (index < text.length && !closers.has(text.charAt(index))) index++;
  if (index >= text.length) throw new DomainError("unclosed_quote");
  return { value: text.slice(start + 1, index), end: index + 1 };
}

function readAngle(text: string, start: number): { token: Token; end: number } {
  const close = text.indexOf(">", start);
  if (close < 0) {
    return { token: { kind: "word", value: text.slice(start), raw: text.slice(start) }, end: text.length };
  }
  const raw = text.slice(start, close + 1);
  const inner = raw.slice(1, -1);
  const [ref = "", label] = inner.split("|", 2);
  if (/^@[UW][A-Z0-9]+$/.test(ref)) return { token: { kind: "user", id: ref.slice(1), label, raw }, end: close + 1 };
  if (/^#[CGD][A-Z0-9]+$/.test(ref))
    return { token: { kind: "channel", id: ref.slice(1), label, raw }, end: close + 1 };
  return { token: { kind: "word", value: label ?? ref, raw }, end: close + 1 };
}

export function tokenize(typed: string): Token[] {
  const text = withoutNul(typed);
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (char === "<") {
      const { token, end } = readAngle(text, index);
      tokens.push(token);
      index = end;
      continue;
    }
    if (OPEN_QUOTES.has(char)) {
      const { value, end } = readQuoted(text, index);
      tokens.push({ kind: "word", value: unescapeSlack(value), raw: text.slice(index, end) });
      index = end;
      continue;
    }
    let end = index;
    const endsWord = (at: number) =>
      /\s/.test(text.charAt(at)) ||
      text.charAt(at) === "<" ||
      (OPEN_QUOTES.has(text.charAt(at)) && text.charAt(at - 1) === ":");
    while (end < text.length && !endsWord(end)) end++;
    let raw = text.slice(index, end);
    const option = /^([a-z][a-z_-]*):(.*)$/i.exec(raw);
    if (option) {
      const key = (option[1] ?? "").toLowerCase();
      let value = option[2] ?? "";
      if (value === "" && OPEN_QUOTES.has(text.charAt(end))) {
        const quoted = readQuoted(text, end);
        value = quoted.value;
        raw = text.slice(index, quoted.end);
        end = quoted.end;
      }
      tokens.push({ kind: "option", key, value: unescapeSlack(value), raw });
    } else {
      tokens.push({ kind: "word", value: unescapeSlack(raw), raw });
    }
    index = end;
  }
  return tokens;
}

export interface ParsedArgs {
  words: string[];
  users: { id: string; label: string | undefined }[];
  channels: { id: string; label: string | undefined }[];
  options: Record<string, string>;
}

/**
 * Sorts tokens into positional words, mentions and the options a command accepts. An option the
 * command does not know stays a word ("Acme:EMEA" can be part of a name); a repeated one is an error.
 */
export function parseArgs(tokens: Token[], optionKeys: readonly string[] = []): ParsedArgs {
  const parsed: ParsedArgs = { words: [], users: [], channels: [], options: {} };
  for (const token of tokens) {
    if (token.kind === "user") parsed.users.push({ id: token.id, label: token.label });
    else if (token.kind === "channel") parsed.channels.push({ id: token.id, label: token.label });
    else if (token.kind === "option" && optionKeys.includes(token.key)) {
      if (token.key in parsed.options) throw new DomainError("option_repeated", { key: token.key });
      parsed.options[token.key] = token.value.trim();
    } else if (token.kind === "option") parsed.words.push(unescapeSlack(token.raw));
    else parsed.words.push(token.value);
  }
  return parsed;
}

/** The words of a subcommand that takes no @mention or #channel: one given answers with `usage`. */
export function wordsOnly(tokens: Token[], usage: string): string[] {
  const args = parseArgs(tokens);
  if (args.users.length > 0 || args.channels.length > 0) throw new DomainError("usage", { text: usage });
  return args.words;
}

/** Splits off the subcommand (first word, lower-cased) from the rest of the tokens. */
export function splitSubcommand(text: string): { sub: string; rest: Token[] } {
  const tokens = tokenize(text.trim());
  const first = tokens[0];
  if (first?.kind !== "word") return { sub: "", rest: tokens };
  return { sub: first.value.toLowerCase(), rest: tokens.slice(1) };
}
