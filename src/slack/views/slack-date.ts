import { localDate } from "../../domain/shared/calendar";
import { Mrkdwn } from "./block-kit";

/**
 * Dates in messages that many people read (channel posts, threads, DMs sent by the outbox): Slack
 * renders a date token in each reader's own time zone, so the app never picks one zone for all.
 * The fallback (shown by clients and notifications that do not render tokens) is the instant in
 * `fallbackTimeZone`, normally the workspace's, in the same form the app writes elsewhere.
 * For answers to one person (ephemeral replies, modals, Home) use `localDateTime` with that
 * person's own zone instead: a token there would work too, but plain text reads the same everywhere.
 */

export type SlackDateFormat = "date" | "datetime";

/** "2026-11-27 11:00 CET": an instant in `timeZone`, with the zone's short name. */
export function localDateTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}

/** The text a reader sees without token support: "2026-11-27" or "2026-11-27 11:00 CET". */
export function slackDateFallback(instant: Date, format: SlackDateFormat, fallbackTimeZone: string): string {
  return format === "date" ? localDate(instant, fallbackTimeZone) : localDateTime(instant, fallbackTimeZone);
}

const TOKEN_FORMATS: Record<SlackDateFormat, string> = { date: "{date}", datetime: "{date} {time}" };

/**
 * `<!date^1795859200^{date}|2026-11-27>`: trusted mrkdwn, built only from a number and app text.
 * The fallback cannot hold `|` or `>` (it would end the token); zone names never do, and the
 * three entities are escaped anyway so the token stays well-formed whatever Intl returns.
 */
export function slackDate(instant: Date, format: SlackDateFormat, fallbackTimeZone: string): Mrkdwn {
  const unix = Math.floor(instant.getTime() / 1000);
  const fallback = slackDateFallback(instant, format, fallbackTimeZone)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "/");
  return new Mrkdwn(`<!date^${unix}^${TOKEN_FORMATS[format]}|${fallback}>`);
}

/** The contract's name for the same helper. */
export const localTime = slackDate;

/** A date token anywhere in mrkdwn: what a reader without token support sees is its fallback. */
export const SLACK_DATE_TOKEN = /<!date\^\d+\^[^|>^]*(?:\^[^|>]*)?\|([^>]*)>/g;

/** mrkdwn with every date token replaced by its fallback (for plain-text renderings and tests). */
export function withDateFallbacks(text: string): string {
  return text.replace(SLACK_DATE_TOKEN, (_token, fallback: string) => fallback);
}

/** The zone for an answer to one person: theirs when Slack told it, else the program's. */
export function readerTimeZone(reader: {
  member: { timezone: string | null };
  workspace: { timezone: string };
}): string {
  return reader.member.timezone ?? reader.workspace.timezone;
}
