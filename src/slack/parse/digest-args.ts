import { parseTimezone } from "../../domain/partners/program-settings";
import { DomainError } from "../../domain/shared/domain-error";
import { parseArgs, type Token } from "./command-text";

/** When a digest goes out; a part left out keeps the service's default (Monday, 09:00, the program's zone). */
export interface DigestSchedule {
  /** 0 Sunday … 6 Saturday. */
  weekday?: number;
  hour?: number;
  minute?: number;
  timezone?: string;
}

export type DigestCommand =
  | { kind: "status" }
  | { kind: "here"; schedule: DigestSchedule }
  | { kind: "off" }
  | { kind: "preview" }
  | { kind: "me"; schedule: DigestSchedule }
  | { kind: "me-off" };

export const DIGEST_USAGE =
  "Usage: `/hub digest here [monday] [09:00] [tz:Europe/Berlin]` posts the weekly digest in this channel, `/hub digest off` stops it, `/hub digest preview` shows it now (only to you), `/hub digest me [friday] [16:30]` sends you a weekly DM of what waits for you (`/hub digest me off` stops it)";

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** Every spelling people use for a day, full or short, singular or plural ("mondays"). */
const DAY_WORDS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  weds: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

/** A day name as typed, or null when the word is not one. */
export function parseWeekday(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, "");
  return DAY_WORDS[key] ?? DAY_WORDS[key.replace(/s$/, "")] ?? null;
}

/** "09:00", "9:00", "17:30" (24 h); null when the word is not a time of day. */
export function parseTimeOfDay(word: string): { hour: number; minute: number } | null {
  const match = /^(\d{1,2})[:.h](\d{2})$/.exec(word);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** Typed text quoted in a refusal: cut so a 3,000-character word can't crowd out the usage line. */
function shown(word: string): string {
  const cut = word.length > 40 ? `${word.slice(0, 40)}…` : word;
  return `“${cut.replace(/”/g, '"')}”`;
}

function refuse(problem: string): never {
  throw new DomainError("usage", { text: `${problem} ${DIGEST_USAGE}` });
}

/** The day, time and zone after `here` or `me`, in any order, each at most once. */
function parseSchedule(tokens: Token[]): DigestSchedule {
  const args = parseArgs(tokens, ["tz", "timezone"]);
  if (args.users.length > 0 || args.channels.length > 0) {
    refuse("The digest goes to this channel (or to you with `me`): don't name people or channels.");
  }
  const schedule: DigestSchedule = {};
  for (const word of args.words) {
    const weekday = parseWeekday(word);
    const time = weekday === null ? parseTimeOfDay(word) : null;
    if (weekday !== null) {
      if (schedule.weekday !== undefined) refuse("Give one day.");
      schedule.weekday = weekday;
    } else if (time !== null) {
      if (schedule.hour !== undefined) refuse("Give one time.");
      schedule.hour = time.hour;
      schedule.minute = time.minute;
    } else if (/^\d/.test(word)) {
      refuse(`${shown(word)} is not a time: write it as 09:00 or 17:30 (24 h).`);
    } else {
      refuse(`${shown(word)} is not a day or a time.`);
    }
  }
  if ("tz" in args.options && "timezone" in args.options) refuse("Give the time zone once.");
  const zone = args.options.tz ?? args.options.timezone;
  if (zone !== undefined) schedule.timezone = parseTimezone(zone.slice(0, 100));
  return schedule;
}

function expectNothing(tokens: Token[], after: string): void {
  const extra = tokens[0];
  if (extra !== undefined) refuse(`\`${after}\` takes nothing after it, not ${shown(extra.raw)}.`);
}

/** `/hub digest …` as typed after `digest`. */
export function parseDigestArgs(tokens: Token[]): DigestCommand {
  const [first, ...rest] = tokens;
  if (first === undefined) return { kind: "status" };
  const sub = first.kind === "word" ? first.value.toLowerCase() : "";
  switch (sub) {
    case "here":
      return { kind: "here", schedule: parseSchedule(rest) };
    case "off":
      expectNothing(rest, "/hub digest off");
      return { kind: "off" };
    case "preview":
      expectNothing(rest, "/hub digest preview");
      return { kind: "preview" };
    case "me": {
      const next = rest[0];
      if (next?.kind === "word" && next.value.toLowerCase() === "off") {
        expectNothing(rest.slice(1), "/hub digest me off");
        return { kind: "me-off" };
      }
      return { kind: "me", schedule: parseSchedule(rest) };
    }
    case "status":
      expectNothing(rest, "/hub digest status");
      return { kind: "status" };
    default:
      return refuse(`I don't know ${shown(first.raw)} here.`);
  }
}

/** "Mondays at 09:00 (Europe/Berlin)". */
export function scheduleText(schedule: { weekday: number; hour: number; minute: number; timezone: string }): string {
  const day = WEEKDAY_NAMES[schedule.weekday] ?? "Monday";
  const time = `${String(schedule.hour).padStart(2, "0")}:${String(schedule.minute).padStart(2, "0")}`;
  return `${day}s at ${time} (${schedule.timezone})`;
}
