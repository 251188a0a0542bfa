/**
 * When a weekly digest is due, in the subscription's own IANA time zone. Pure: `now` is passed in.
 * A schedule is a local weekday and time; each week's occurrence is named by its local date
 * (the period key), so a run is claimed once per subscription and week whatever the UTC offset.
 */

import { isValidTimeZone } from "../shared/calendar";
import type { Problem } from "../shared/error-codes";
import { addDays, dayOf, startOfDay, weekdayOf, zoneOffsetMs } from "../shared/zoned-time";

export interface DigestSchedule {
  timezone: string;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  hour: number;
  minute: number;
}

/** Monday 09:00 unless the subscription says otherwise. */
export const DEFAULT_DIGEST_WEEKDAY = 1;
export const DEFAULT_DIGEST_HOUR = 9;

/** One week's run: the local date it is scheduled on (its period key) and the instant it runs. */
export interface Occurrence {
  /** YYYY-MM-DD in the schedule's zone. */
  date: string;
  at: Date;
}

/** A week reported on: [start, end) as instants, from local midnight to local midnight. */
export interface ReportedWeek {
  start: Date;
  end: Date;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The instant a local wall time happens. Where the clock jumps over it (spring forward) it is the
 * first instant after the gap; where it happens twice (fall back) the first of the two.
 */
export function instantOfLocalTime(day: string, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000 + minute * MINUTE_MS;
  const offsets = new Set([
    zoneOffsetMs(wall - DAY_MS, timeZone),
    zoneOffsetMs(wall, timeZone),
    zoneOffsetMs(wall + DAY_MS, timeZone),
  ]);
  const candidates = [...offsets].map((offset) => wall - offset);
  const exact = candidates.filter((at) => at + zoneOffsetMs(at, timeZone) === wall);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // A gap: the wall time lies between the offset before the change and the one after it. The
  // change itself is found by bisection between the two readings (changes fall on whole seconds).
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  const before = zoneOffsetMs(low, timeZone);
  while (high - low > 1_000) {
    const middle = Math.floor((low + high) / 2_000) * 1_000;
    if (middle <= low) break;
    if (zoneOffsetMs(middle, timeZone) === before) low = middle;
    else high = middle;
  }
  return new Date(high);
}

/** This schedule's occurrence on `day` (any weekday: the caller picks the day). */
export function occurrenceOn(schedule: DigestSchedule, day: string): Occurrence {
  return { date: day, at: instantOfLocalTime(day, schedule.hour, schedule.minute, schedule.timezone) };
}

/** The latest occurrence at or before `now`. */
export function latestOccurrence(schedule: DigestSchedule, now: Date): Occurrence {
  const today = dayOf(now, schedule.timezone);
  // Eight days back covers a week even when this week's occurrence is later today, or was
  // pushed past midnight by a gap.
  for (let back = 0; back <= 8; back++) {
    const day = addDays(today, -back);
    if (weekdayOf(day) !== schedule.weekday) continue;
    const occurrence = occurrenceOn(schedule, day);
    if (occurrence.at.getTime() <= now.getTime()) return occurrence;
  }
  throw new Error(`no occurrence of ${JSON.stringify(schedule)} in the week before ${now.toISOString()}`);
}

/** The first occurrence strictly after `now` (what `/hub digest` shows as the next post). */
export function nextOccurrence(schedule: DigestSchedule, now: Date): Occurrence {
  const today = dayOf(now, schedule.timezone);
  for (let ahead = -1; ahead <= 8; ahead++) {
    const day = addDays(today, ahead);
    if (weekdayOf(day) !== schedule.weekday) continue;
    const occurrence = occurrenceOn(schedule, day);
    if (occurrence.at.getTime() > now.getTime()) return occurrence;
  }
  throw new Error(`no occurrence of ${JSON.stringify(schedule)} in the week after ${now.toISOString()}`);
}

/**
 * The occurrence to post at `now`, if any: the latest one, while `now` is still on the local day
 * it ran on. A run missed while no instance was up is caught up later that day, never the next.
 * Whether it was posted already is the database's to say (a DigestRun for `periodKey`).
 */
export function dueOccurrence(schedule: DigestSchedule, now: Date): Occurrence | null {
  const latest = latestOccurrence(schedule, now);
  return dayOf(latest.at, schedule.timezone) === dayOf(now, schedule.timezone) ? latest : null;
}

/** The key of a scheduled run: its local date ("2026-11-30"). */
export function periodKey(occurrence: Occurrence): string {
  return occurrence.date;
}

/** The key of a run asked for by hand (CLI --now, the sandbox's button): one per local day. */
export function manualPeriodKey(now: Date, timeZone: string): string {
  return `manual:${dayOf(now, timeZone)}`;
}

/** The week a scheduled digest reports: the 7 local days before its date. */
export function reportedWeek(date: string, timeZone: string): ReportedWeek {
  return { start: startOfDay(addDays(date, -7), timeZone), end: startOfDay(date, timeZone) };
}

/** The last 7 days as of `now` (preview and runs by hand): the 6 local days before today, and today so far. */
export function weekSoFar(now: Date, timeZone: string): ReportedWeek {
  return { start: startOfDay(addDays(dayOf(now, timeZone), -6), timeZone), end: now };
}

/** A schedule as asked for, checked: the first problem, or null. */
export function scheduleProblem(schedule: DigestSchedule): Problem | null {
  if (!isValidTimeZone(schedule.timezone)) return { code: "timezone_invalid", params: { text: schedule.timezone } };
  const whole = (value: number, max: number) => Number.isInteger(value) && value >= 0 && value <= max;
  if (!whole(schedule.weekday, 6) || !whole(schedule.hour, 23) || !whole(schedule.minute, 59)) {
    return { code: "digest_schedule_invalid" };
  }
  return null;
}
