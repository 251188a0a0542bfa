import { daysBetween, localDate } from "./calendar";

/** Day of the week of a YYYY-MM-DD calendar date: 0 Sunday … 6 Saturday. */
function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function isWorkingDay(weekday: number): boolean {
  return weekday >= 1 && weekday <= 5;
}

/**
 * Monday-to-Friday dates d with localDate(from) < d <= localDate(to), both in `timeZone`: the
 * working days someone has been waiting since `from`. Counted on local calendar dates, so a
 * registration made late on Friday in Tokyo waits from that Friday, whatever the UTC date, and a
 * daylight-saving change never adds or loses a day. 0 when `to` is not after `from`.
 * Public holidays are not known here: they differ per country and per partner.
 */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
  const start = localDate(from, timeZone);
  const days = daysBetween(start, localDate(to, timeZone));
  if (days <= 0) return 0;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  const firstWeekday = weekdayOf(start);
  for (let offset = 1; offset <= days % 7; offset++) {
    if (isWorkingDay((firstWeekday + offset) % 7)) count++;
  }
  return count;
}

/**
 * Whether managers should be reminded of a registration waiting since `createdAt`: it has waited
 * more than `thresholdDays` working days, and today is a working day where the program runs (no
 * reminders on a Saturday). A threshold of 0 (or anything not a positive whole number) turns them off.
 */
export function approvalReminderDue(createdAt: Date, now: Date, timeZone: string, thresholdDays: number): boolean {
  if (!Number.isInteger(thresholdDays) || thresholdDays <= 0) return false;
  if (!isWorkingDay(weekdayOf(localDate(now, timeZone)))) return false;
  return workingDaysBetween(createdAt, now, timeZone) > thresholdDays;
}
