import { monthLabel } from "../shared/calendar";
import { DomainError } from "../shared/domain-error";
import { addDays, addMonths, dayOf, daysFrom, isCalendarDay, startOfDay, weekdayOf } from "../shared/zoned-time";

export const PERIOD_WORDS = ["week", "last-week", "month", "last-month", "quarter", "year", "all"] as const;
export type PeriodWord = (typeof PERIOD_WORDS)[number];

/** A period as typed: a named one or an inclusive range of local days. */
export type PeriodSpec = { kind: PeriodWord } | { kind: "range"; first: string; last: string };

/** Longer ranges are almost certainly typos, and `all` says it better. */
export const MAX_RANGE_DAYS = 3660;

const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/**
 * Reads a period word. Null when the word is not a period at all (the caller tries other parts);
 * a word shaped like a range that is not a valid one throws, so the person is told what is wrong.
 */
export function parsePeriod(word: string): PeriodSpec | null {
  const lower = word.trim().toLowerCase().replace(/_/g, "-");
  if ((PERIOD_WORDS as readonly string[]).includes(lower)) return { kind: lower as PeriodWord };
  if (lower === "lastweek") return { kind: "last-week" };
  if (lower === "lastmonth") return { kind: "last-month" };
  if (!/^\d{4}-\d\d?-\d\d?\.\./.test(lower)) return null;
  const match = RANGE.exec(lower);
  const [, first = "", last = ""] = match ?? [];
  if (match === null || !isCalendarDay(first) || !isCalendarDay(last)) {
    throw new DomainError("leaderboard_range_invalid", { text: word.trim() });
  }
  if (last < first) throw new DomainError("leaderboard_range_reversed", { first, last });
  if (daysFrom(first, last) + 1 > MAX_RANGE_DAYS) {
    throw new DomainError("leaderboard_range_too_long", { maxDays: MAX_RANGE_DAYS });
  }
  return { kind: "range", first, last };
}

export interface PeriodBounds {
  start: Date;
  /** Exclusive. */
  end: Date;
}

export interface ResolvedPeriod {
  /** Stable identity: week:2026-11-23, month:2026-11, quarter:2026-Q4, year:2026, range:a..b, all. */
  key: string;
  label: string;
  /** First instant, in UTC; null for all time. */
  start: Date | null;
  /** Exclusive; for all time, the end of today. */
  end: Date;
  /** The same bounds as local days (end exclusive), for calendar-date columns such as expectedCloseOn. */
  firstDay: string | null;
  endDay: string;
  /** The previous equal period, to show movement against; null for all time. */
  previous: PeriodBounds | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "Nov 23, 2026": fixed English, the same in every workspace. */
export function dayLabel(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${date}, ${year}`;
}

type CalendarUnit = "week" | "month" | "quarter" | "year";

/** The local days [first, end) of the week, month, quarter or year containing `day`. */
export function calendarPeriod(unit: CalendarUnit, day: string, weekStartsOn: number): { first: string; end: string } {
  if (unit === "week") {
    const first = addDays(day, -((weekdayOf(day) - (weekStartsOn % 7) + 7) % 7));
    return { first, end: addDays(first, 7) };
  }
  const month = Number(day.slice(5, 7));
  const monthsBack = unit === "month" ? 0 : unit === "quarter" ? (month - 1) % 3 : month - 1;
  const first = addMonths(day, -monthsBack);
  return { first, end: addMonths(first, unit === "month" ? 1 : unit === "quarter" ? 3 : 12) };
}

function keyAndLabel(unit: CalendarUnit, first: string, end: string): { key: string; label: string } {
  const year = first.slice(0, 4);
  const month = Number(first.slice(5, 7));
  switch (unit) {
    case "week":
      return { key: `week:${first}`, label: `Week of ${dayLabel(first)}` };
    case "month":
      return { key: `month:${first.slice(0, 7)}`, label: monthLabel(first.slice(0, 7)) };
    case "quarter": {
      const quarter = Math.floor((month - 1) / 3) + 1;
      return { key: `quarter:${year}-Q${quarter}`, label: `Q${quarter} ${year}` };
    }
    case "year":
      return { key: `year:${year}`, label: year };
  }
  return { key: `${first}..${end}`, label: first };
}

/**
 * The instants a period covers in the workspace's zone. Bounds are local midnights, so a week
 * holding a DST change lasts 167 or 169 hours. `end` is the period's end even when it is still
 * running (this month ends on the 1st of next month); the previous period is the whole one before.
 */
export function resolvePeriod(spec: PeriodSpec, now: Date, timeZone: string, weekStartsOn: number): ResolvedPeriod {
  const today = dayOf(now, timeZone);
  const at = (day: string) => startOfDay(day, timeZone);
  if (spec.kind === "all") {
    const endDay = addDays(today, 1);
    return { key: "all", label: "All time", start: null, end: at(endDay), firstDay: null, endDay, previous: null };
  }
  if (spec.kind === "range") {
    const endDay = addDays(spec.last, 1);
    const length = daysFrom(spec.first, endDay);
    const label = spec.first === spec.last ? dayLabel(spec.first) : `${dayLabel(spec.first)} – ${dayLabel(spec.last)}`;
    return {
      key: `range:${spec.first}..${spec.last}`,
      label,
      start: at(spec.first),
      end: at(endDay),
      firstDay: spec.first,
      endDay,
      previous: { start: at(addDays(spec.first, -length)), end: at(spec.first) },
    };
  }
  const unit: CalendarUnit =
    spec.kind === "last-week" ? "week" : spec.kind === "last-month" ? "month" : (spec.kind as CalendarUnit);
  let current = calendarPeriod(unit, today, weekStartsOn);
  if (spec.kind === "last-week" || spec.kind === "last-month") {
    current = calendarPeriod(unit, addDays(current.first, -1), weekStartsOn);
  }
  return goalPeriod(unit, current.first, timeZone, weekStartsOn);
}

/** The period a goal covers: the calendar unit holding `firstDay` (goals store their period and its first day). */
export function goalPeriod(
  unit: CalendarUnit,
  firstDay: string,
  timeZone: string,
  weekStartsOn: number,
): ResolvedPeriod {
  const current = calendarPeriod(unit, firstDay, weekStartsOn);
  const before = calendarPeriod(unit, addDays(current.first, -1), weekStartsOn);
  const at = (day: string) => startOfDay(day, timeZone);
  return {
    ...keyAndLabel(unit, current.first, current.end),
    start: at(current.first),
    end: at(current.end),
    firstDay: current.first,
    endDay: current.end,
    previous: { start: at(before.first), end: at(before.end) },
  };
}

export const GOAL_PERIODS = ["week", "month", "quarter", "year"] as const;
export type GoalPeriod = (typeof GOAL_PERIODS)[number];
export function isGoalPeriod(value: string): value is GoalPeriod {
  return (GOAL_PERIODS as readonly string[]).includes(value);
}
