import { localDate } from "../shared/calendar";
import { zoneOffsetMs } from "../shared/zoned-time";

export const PRACTICE_PERIODS = ["week", "month", "quarter", "all"] as const;
export type PracticePeriod = (typeof PRACTICE_PERIODS)[number];

export function isPracticePeriod(value: string): value is PracticePeriod {
  return (PRACTICE_PERIODS as readonly string[]).includes(value);
}

/**
 * The instant the current week, month or quarter began in the workspace's time zone (null: all
 * time). Weeks start on `weekStartsOn` (0 = Sunday … 6 = Saturday; workspaces default to Monday).
 */
export function periodStart(period: PracticePeriod, now: Date, timeZone: string, weekStartsOn: number): Date | null {
  if (period === "all") return null;
  const today = localDate(now, timeZone);
  const [year, month] = today.split("-").map(Number) as [number, number];
  let first: string;
  if (period === "week") {
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    first = addDays(today, -((weekday - weekStartsOn + 7) % 7));
  } else if (period === "month") {
    first = `${today.slice(0, 7)}-01`;
  } else {
    const quarterMonth = Math.floor((month - 1) / 3) * 3 + 1;
    first = `${year}-${String(quarterMonth).padStart(2, "0")}-01`;
  }
  return startOfLocalDay(first, timeZone);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant a local calendar day (YYYY-MM-DD) begins in `timeZone`. The zone's offset is read
 * at a first guess and again at the result, because the two differ when a DST change falls in between.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const guess = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  return new Date(midnightUtc - zoneOffsetMs(guess, timeZone));
}
