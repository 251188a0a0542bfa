import { EMOJI } from "./emoji";
import { decodeSlackEntities, escapeHtml, safeUrl } from "./html";
import type { RenderContext } from "./render-context";

/**
 * Slack's mrkdwn as HTML: *bold*, _italic_, ~strike~, `code`, ```preformatted```, > quotes,
 * <links|labels>, <@user> and <#channel> mentions, <!here>, <!date^...> and :emoji: shortcodes.
 * Pure: string in, escaped HTML out, so it is tested without a browser.
 */

type Json = Record<string, unknown>;

/** Private-use characters: they cannot occur in Slack text, so they delimit placeholders safely. */
const OPEN = "\uE000";
const CLOSE = "\uE001";
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

class Placeholders {
  private readonly parts: string[] = [];

  hold(html: string): string {
    this.parts.push(html);
    return `${OPEN}${this.parts.length - 1}${CLOSE}`;
  }

  restore(text: string): string {
    let result = text;
    while (PLACEHOLDER.test(result)) {
      result = result.replace(PLACEHOLDER, (_match, index: string) => this.parts[Number(index)] ?? "");
    }
    return result;
  }
}

/** An emoji shortcode as its character, or as its text when Slack would not know it either. */
export function renderEmoji(name: string): string {
  const glyph = EMOJI[name.toLowerCase()];
  return glyph
    ? `<span class="emoji" title=":${escapeHtml(name)}:">${glyph}</span>`
    : `<span class="emoji-code">:${escapeHtml(name)}:</span>`;
}

const EMOJI_CODE = /:([a-z0-9_+'-]+):/gi;

/** plain_text objects: escaped, newlines kept, shortcodes as emoji when `emoji` is not false. */
export function renderPlainText(text: string, emoji = true): string {
  const escaped = escapeHtml(text);
  const withEmoji = emoji ? escaped.replace(EMOJI_CODE, (_match, name: string) => renderEmoji(name)) : escaped;
  return withEmoji.replace(/\n/g, "<br>");
}

function userLabel(id: string, label: string | undefined, context: RenderContext): string {
  const known = context.users[id];
  return known?.name ?? label?.replace(/^@/, "") ?? id;
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[day % 10] ?? "th"}`;
}

/** The local calendar day of an instant in `timeZone`, as a day number that can be compared. */
function dayNumber(date: Date, timeZone?: string): number {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(date)
    .split("-")
    .map(Number);
  return Date.UTC(parts[0] ?? 1970, (parts[1] ?? 1) - 1, parts[2] ?? 1) / 86_400_000;
}

/** Slack's {ago}: "just now", "5 minutes ago", "3 hours ago", "2 days ago", or "in 2 days" for the future. */
function ago(date: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  const size = Math.abs(seconds);
  if (size < 60) return "just now";
  const [count, unit] =
    size < 3_600
      ? [Math.floor(size / 60), "minute"]
      : size < 86_400
        ? [Math.floor(size / 3_600), "hour"]
        : size < 30 * 86_400
          ? [Math.floor(size / 86_400), "day"]
          : size < 365 * 86_400
            ? [Math.floor(size / (30 * 86_400)), "month"]
            : [Math.floor(size / (365 * 86_400)), "year"];
  const amount = `${count} ${unit}${count === 1 ? "" : "s"}`;
  return seconds >= 0 ? `${amount} ago` : `in ${amount}`;
}

/**
 * `<!date^1700000000^{date_short} at {time}|fallback>` in the reader's time zone, as Slack shows it.
 * Undefined when the format names a token Slack does not know: Slack then shows the fallback.
 * `now` decides "today"/"yesterday"/"tomorrow" of the _pretty tokens and {ago}.
 */
export function formatSlackDate(
  seconds: number,
  format: string,
  timeZone?: string,
  now = new Date(),
): string | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return undefined;
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("en-US", { timeZone, ...options }).format(date);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(date);
  const pick = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  const day = Number(pick("day"));
  const month = part({ month: "long" });
  const year = pick("year");
  const full = `${month} ${ordinal(day)}, ${year}`;
  const short = `${part({ month: "short" })} ${day}, ${year}`;
  const long = `${part({ weekday: "long" })}, ${full}`;
  const relative = { [-1]: "yesterday", 0: "today", 1: "tomorrow" }[
    dayNumber(date, timeZone) - dayNumber(now, timeZone)
  ];
  const tokens: Record<string, string> = {
    date_num: `${year}-${pick("month")}-${pick("day")}`,
    date: full,
    date_short: short,
    date_long: long,
    date_pretty: relative ?? full,
    date_short_pretty: relative ?? short,
    date_long_pretty: relative ?? long,
    time: part({ hour: "numeric", minute: "2-digit" }),
    time_secs: part({ hour: "numeric", minute: "2-digit", second: "2-digit" }),
    day_divider_pretty: relative ?? `${part({ weekday: "long" })}, ${month} ${ordinal(day)}`,
    ago: ago(date, now),
  };
  let unknown = false;
  const text = format.replace(/\{(\w+)\}/g, (match, token: string) => {
    const value = tokens[token];
    if (value === undefined) unknown = true;
    return value ?? match;
  });
  return unknown ? undefined : text;
}

/** The inside of `<...>`: a link, a mention, a special mention or a date. */
function renderAngle(inner: string, context: RenderContext): string {
  const bar = inner.indexOf("|");
  const ref = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decodeSlackEntities(inner.slice(bar + 1));
  if (/^@[UW][A-Z0-9]+$/.test(ref)) {
    const id = ref.slice(1);
    const mine = id === context.me ? " mention-me" : "";
    return `<span class="mention${mine}" data-user="${escapeHtml(id)}">@${escapeHtml(userLabel(id, label, context))}</span>`;
  }
  if (/^#[CGD][A-Z0-9]+$/.test(ref)) {
    const id = ref.slice(1);
    const name = context.channels[id] ?? label ?? id;
    return `<span class="channel-link" data-channel="${escapeHtml(id)}">#${escapeHtml(name)}</span>`;
  }
  if (ref.startsWith("!")) {
    const [special = "", ...rest] = ref.slice(1).split("^");
    if (special === "here" || special === "channel" || special === "everyone") {
      return `<span class="mention mention-broadcast">@${special}</span>`;
    }
    if (special === "subteam") return `<span class="mention">${escapeHtml(label ?? "@group")}</span>`;
    if (special === "date") {
      // Slack wants whole seconds; anything else, or a format it can't read, shows the fallback.
      const seconds = /^\d+$/.test(rest[0] ?? "") ? Number(rest[0]) : Number.NaN;
      const format = rest[1] ?? "{date}";
      const text = formatSlackDate(seconds, format, context.timeZone, context.now) ?? label ?? "";
      const link = rest[2] ? safeUrl(decodeSlackEntities(rest[2])) : undefined;
      const shown = escapeHtml(text);
      return link
        ? `<a href="${escapeHtml(link)}" target="_blank" rel="noopener noreferrer">${shown}</a>`
        : `<span class="date">${shown}</span>`;
    }
    return escapeHtml(label ?? `@${special}`);
  }
  const url = safeUrl(decodeSlackEntities(ref));
  if (url) {
    const shown = label ?? url.replace(/^mailto:/i, "");
    return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(shown)}</a>`;
  }
  return escapeHtml(label ?? `<${decodeSlackEntities(inner)}>`);
}

/** Slack's formatting markers only count at word edges: `*bold*` formats, `2*3*4` does not. */
function styleRun(marker: string): RegExp {
  const m = marker === "*" ? "\\*" : marker;
  return new RegExp(`(^|[^\\p{L}\\p{N}${m}])${m}(?!\\s)([^${m}\\n]*?[^\\s${m}])${m}(?![\\p{L}\\p{N}${m}])`, "gu");
}

const STYLES: [RegExp, string][] = [
  [styleRun("*"), "b"],
  [styleRun("_"), "i"],
  [styleRun("~"), "s"],
];

function renderLine(line: string, context: RenderContext, held: Placeholders): string {
  let text = line.replace(/`([^`\n]+)`/g, (_match, code: string) =>
    held.hold(`<code>${escapeHtml(decodeSlackEntities(code))}</code>`),
  );
  text = text.replace(/<([^<>\n]+)>/g, (_match, inner: string) => held.hold(renderAngle(inner, context)));
  text = text.replace(EMOJI_CODE, (_match, name: string) => held.hold(renderEmoji(name)));
  text = escapeHtml(decodeSlackEntities(text));
  for (const [pattern, tag] of STYLES) {
    text = text.replace(pattern, (_match, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`);
  }
  return text;
}

const QUOTE = /^(>|&gt;)\s?/;

/** mrkdwn text as HTML. */
export function renderMrkdwn(text: string, context: RenderContext): string {
  const held = new Placeholders();
  const withoutFences = text.replace(/```\n?([\s\S]*?)```\n?/g, (_match, code: string) =>
    held.hold(`<pre class="pre">${escapeHtml(decodeSlackEntities(code.replace(/\n$/, "")))}</pre>`),
  );
  const out: string[] = [];
  let quote: string[] = [];
  const flushQuote = () => {
    if (quote.length > 0) out.push(`<blockquote>${quote.join("<br>")}</blockquote>`);
    quote = [];
  };
  const lines = withoutFences.split("\n");
  const rendered: string[] = [];
  for (const line of lines) {
    if (QUOTE.test(line)) {
      if (rendered.length > 0) {
        out.push(rendered.join("<br>"));
        rendered.length = 0;
      }
      quote.push(renderLine(line.replace(QUOTE, ""), context, held));
    } else {
      flushQuote();
      rendered.push(renderLine(line, context, held));
    }
  }
  flushQuote();
  if (rendered.length > 0) out.push(rendered.join("<br>"));
  return held.restore(out.join(""));
}

/** A text object ({ type: "mrkdwn" | "plain_text", text }) as HTML. */
export function renderText(object: unknown, context: RenderContext): string {
  if (typeof object !== "object" || object === null) return "";
  const text = object as Json;
  const value = typeof text.text === "string" ? text.text : "";
  if (text.type === "mrkdwn") return renderMrkdwn(value, context);
  return renderPlainText(value, text.emoji !== false);
}
