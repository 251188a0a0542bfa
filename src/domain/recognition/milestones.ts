import { localDate } from "../shared/calendar";

/**
 * Milestones celebrated without anyone remembering to; admins can switch first wins and record
 * months off. A tier promotion (the daily tier recalculation) is always announced.
 */
export const MILESTONE_KINDS = {
  firstWin: "first_win",
  recordMonth: "record_month",
  tierPromotion: "tier_promotion",
} as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[keyof typeof MILESTONE_KINDS];

/** The only first win there is: its key makes a second claim a no-op. */
export const FIRST_WIN_KEY = "1";

/** How many earlier months with wins a record needs: a partner's second month is no record yet. */
export const RECORD_MONTH_HISTORY = 2;

/** YYYY-MM of `instant` in the program's time zone. */
export function monthKey(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/**
 * A record month: this month's won deals outnumber those of every earlier month, and the partner
 * has won deals in at least two earlier months. `wonByMonth` counts the partner's won deals per
 * YYYY-MM, this one included; later months (a clock set back) are not "earlier".
 */
export function isRecordMonth(wonByMonth: ReadonlyMap<string, number>, month: string): boolean {
  const current = wonByMonth.get(month) ?? 0;
  const earlier = [...wonByMonth].filter(([key, count]) => key < month && count > 0).map(([, count]) => count);
  return earlier.length >= RECORD_MONTH_HISTORY && earlier.every((count) => current > count);
}

/** Won deals per month, from the instants they closed. */
export function countByMonth(closedAt: readonly Date[], timeZone: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const instant of closedAt) {
    const key = monthKey(instant, timeZone);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
