import { isValidTimeZone, localDate } from "../shared/calendar";
import { DomainError } from "../shared/domain-error";
import { zoneOffsetMs } from "../shared/zoned-time";

/** The daily allowance: how many recipients one person may recognize per day, and its bounds. */
export const DEFAULT_SHOUTOUT_ALLOWANCE = 5;
export const MIN_SHOUTOUT_ALLOWANCE = 1;
export const MAX_SHOUTOUT_ALLOWANCE = 50;

/** The giver's own zone when Slack told us a valid one, else the program's. */
export function giverTimeZone(memberZone: string | null | undefined, workspaceZone: string): string {
  return memberZone && isValidTimeZone(memberZone) ? memberZone : workspaceZone;
}

/** The giver's current day: from their local midnight (`since`) to the next one (`resetsAt`). */
export function allowanceDay(now: Date, timeZone: string): { since: Date; resetsAt: Date } {
  const today = localDate(now, timeZone);
  return { since: startOfLocalDay(today, timeZone), resetsAt: startOfLocalDay(nextDate(today), timeZone) };
}

/**
 * Refuses a shout-out that would take the giver past `limit` recipients today. All or nothing:
 * three recipients with two left is refused whole, and the person is told what is left and when it resets.
 */
export function checkAllowance(input: {
  limit: number;
  used: number;
  wanted: number;
  resetsAt: Date;
  timeZone: string;
}): void {
  const left = Math.max(0, input.limit - input.used);
  if (input.wanted > left) {
    throw new DomainError("shoutout_allowance_exhausted", {
      left,
      resetsAt: input.resetsAt.toISOString(),
      timezone: input.timeZone,
    });
  }
}

export function allowanceLeft(limit: number, used: number): number {
  return Math.max(0, limit - used);
}

/** Validates an admin's new allowance (a whole number of recipients per day). */
export function parseAllowance(n: number): number {
  if (!Number.isInteger(n) || n < MIN_SHOUTOUT_ALLOWANCE || n > MAX_SHOUTOUT_ALLOWANCE) {
    throw new DomainError("shoutout_allowance_invalid", { min: MIN_SHOUTOUT_ALLOWANCE, max: MAX_SHOUTOUT_ALLOWANCE });
  }
  return n;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The first instant of `date` (YYYY-MM-DD) in `timeZone`. Local midnight read with the offset just
 * before and just after a DST change gives two candidates; the earliest that falls on `date` is it
 * (where clocks skip midnight, the day starts at the first minute that exists).
 */
function startOfLocalDay(date: string, timeZone: string): Date {
  const wallMidnight = Date.parse(`${date}T00:00:00Z`);
  const first = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  const second = wallMidnight - zoneOffsetMs(first, timeZone);
  const onDate = [first, second].filter((instant) => localDate(new Date(instant), timeZone) === date);
  return new Date(Math.min(...(onDate.length > 0 ? onDate : [first, second])));
}
