/**
 * Local calendar days and the instants they begin, in an IANA time zone. Pure: instants are passed in.
 * Days are YYYY-MM-DD strings so calendar arithmetic never meets a clock change.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at `instantMs`, in ms (whole seconds). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** The local calendar day of an instant. */
export function dayOf(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * The first instant of a local day. Usually local midnight; where a clock change skips midnight
 * (Santiago, formerly São Paulo) the day begins at the change itself. Candidates come from the
 * offsets a day before and after, and the earliest that lies on `day` with its previous
 * millisecond on an earlier day wins.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const offsets = new Set([
    zoneOffsetMs(midnightUtc - 86_400_000, timeZone),
    zoneOffsetMs(midnightUtc, timeZone),
    zoneOffsetMs(midnightUtc + 86_400_000, timeZone),
  ]);
  let best: number | null = null;
  for (const offset of offsets) {
    const candidate = midnightUtc - offset;
    const starts = dayOf(new Date(candidate), timeZone) === day && dayOf(new Date(candidate - 1), timeZone) < day;
    if (starts && (best === null || candidate < best)) best = candidate;
  }
  return new Date(best ?? midnightUtc - zoneOffsetMs(midnightUtc, timeZone));
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first day of the month `months` after the month of `day` (negative: before). */
export function addMonths(day: string, months: number): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** Whole days from `from` to `to`. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === text;
}
