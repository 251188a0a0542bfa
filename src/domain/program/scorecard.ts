import { calendarPeriod } from "../leaderboard/periods";
import { DomainError } from "../shared/domain-error";
import { addDays, dayOf, startOfDay } from "../shared/zoned-time";
import { type Quarter, REVIEW_DIMENSIONS, type ReviewDimension, type ReviewRatings } from "./program-types";

export const MAX_REVIEW_NOTES = 1000;
export const MIN_RATING = 1;
export const MAX_RATING = 5;
const DAY_MS = 86_400_000;

/** The quarter holding a local day, bounded by local midnights in the program's zone. */
function quarterOfDay(day: string, timeZone: string): Quarter {
  // weekStartsOn only matters for weeks; quarters ignore it.
  const { first, end } = calendarPeriod("quarter", day, 1);
  const year = first.slice(0, 4);
  const number = Math.floor((Number(first.slice(5, 7)) - 1) / 3) + 1;
  return {
    key: `${year}-Q${number}`,
    label: `Q${number} ${year}`,
    start: startOfDay(first, timeZone),
    end: startOfDay(end, timeZone),
  };
}

/** The calendar quarter `instant` falls in, in the program's zone: key "2026-Q4", label "Q4 2026". */
export function quarterOf(instant: Date, timeZone: string): Quarter {
  return quarterOfDay(dayOf(instant, timeZone), timeZone);
}

export function previousQuarter(quarter: Quarter, timeZone: string): Quarter {
  return quarterOfDay(addDays(dayOf(quarter.start, timeZone), -1), timeZone);
}

/** The `n` quarters up to and including the current one, oldest first (the scorecard's trend). */
export function lastQuarters(instant: Date, timeZone: string, n: number): Quarter[] {
  const quarters: Quarter[] = [];
  let quarter = quarterOf(instant, timeZone);
  for (let i = 0; i < n; i++) {
    quarters.unshift(quarter);
    quarter = previousQuarter(quarter, timeZone);
  }
  return quarters;
}

/** The middle value (mean of the two middle ones for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Elapsed days from `from` to `to` (fractional: a deal won 36 hours after it was registered took 1.5 days). */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

/** Median days from registration to win, one decimal; null when no deal was won. */
export function medianDaysToClose(deals: readonly { createdAt: Date; closedAt: Date }[]): number | null {
  const middle = median(deals.map((deal) => daysBetween(deal.createdAt, deal.closedAt)));
  return middle === null ? null : Math.round(middle * 10) / 10;
}

export type ChangeDirection = "up" | "down" | "same" | "new";

/**
 * How a figure moved against the previous quarter. "new": there was nothing to compare with (no
 * win rate last quarter); when the current figure is missing there is no movement to show either.
 */
export function change(
  current: number | null,
  previous: number | null,
): { delta: number | null; direction: ChangeDirection } {
  if (current === null) return { delta: null, direction: "same" };
  if (previous === null) return { delta: null, direction: "new" };
  // Rounded so 0.3 − 0.1 reads as 0.2 and equal rates compare as "same".
  const delta = Math.round((current - previous) * 1e9) / 1e9;
  return { delta, direction: delta > 0 ? "up" : delta < 0 ? "down" : "same" };
}

/**
 * Mean attainment over the goals, each capped at 100 % so one overshoot can't hide a missed goal;
 * null when there are no goals with a target. Goals without a positive target are skipped.
 */
export function goalAttainment(list: readonly { actual: number; target: number }[]): number | null {
  const counted = list.filter((goal) => goal.target > 0);
  if (counted.length === 0) return null;
  const sum = counted.reduce((total, goal) => total + Math.min(Math.max(goal.actual, 0) / goal.target, 1), 0);
  return sum / counted.length;
}

export interface ValidReview {
  ratings: ReviewRatings;
  notes: string | null;
}

/**
 * A manager's quarterly review as submitted: each dimension rated 1–5 or left out, notes optional
 * up to MAX_REVIEW_NOTES. Keys other than REVIEW_DIMENSIONS are dropped (a form from an older version).
 */
export function validateReview(input: {
  ratings: Readonly<Record<string, number | null | undefined>>;
  notes: string | null;
}): ValidReview {
  const ratings: ReviewRatings = {};
  for (const dimension of REVIEW_DIMENSIONS) {
    const rating = input.ratings[dimension as ReviewDimension];
    if (rating === null || rating === undefined) continue;
    if (!Number.isInteger(rating) || rating < MIN_RATING || rating > MAX_RATING) {
      throw new DomainError("review_rating_invalid", { min: MIN_RATING, max: MAX_RATING });
    }
    ratings[dimension] = rating;
  }
  const notes = input.notes?.trim() || null;
  if (notes !== null && notes.length > MAX_REVIEW_NOTES) {
    throw new DomainError("review_notes_too_long", { max: MAX_REVIEW_NOTES });
  }
  return { ratings, notes };
}
