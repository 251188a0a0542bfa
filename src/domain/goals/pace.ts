import { addDays, dayOf, daysFrom } from "../shared/zoned-time";

export type GoalStatus = "reached" | "on_pace" | "at_risk" | "missed";

/** How far behind the linear pace a goal may fall, as a share of its target, before it is at risk. */
export const AT_RISK_SHARE = 0.1;

export interface GoalProgressInput {
  target: number;
  actual: number;
  start: Date;
  /** Exclusive. */
  end: Date;
  now: Date;
  /** Days left are counted in this zone's calendar (default UTC), so a DST day still counts as one. */
  timeZone?: string;
  /**
   * False for a ratio such as the win rate, which does not build up over the period: it has no
   * pace: it is expected at its target all along (at risk when more than 10 % of it below).
   */
  cumulative?: boolean;
}

export interface GoalProgress {
  /** Whole percent of the target reached, rounded down (99.6 % is not yet 100 %), not capped. */
  percent: number;
  /** What a linear pace over the period would have reached by now. */
  expectedByNow: number;
  /** What is still missing, spread over the days left (today included); 0 when reached; null when no day is left. */
  neededPerDay: number | null;
  /** Local days left including today; 0 once the period has ended. */
  daysLeft: number;
  status: GoalStatus;
}

/**
 * The rule, in order:
 * 1. reached: actual >= target (at any time, also after the end);
 * 2. missed: the period has ended (now >= end) below target;
 * 3. at_risk: expectedByNow - actual > AT_RISK_SHARE × target, i.e. behind the straight line from
 *    0 at `start` to `target` at `end` by MORE than 10 % of the target (exactly 10 % is on pace);
 *    before the period starts nothing is expected, so nothing is at risk;
 * 4. on_pace otherwise.
 * A non-cumulative goal (win rate) is expected at its target from the start.
 */
export function goalProgress(input: GoalProgressInput): GoalProgress {
  const { target, actual, start, end, now } = input;
  const timeZone = input.timeZone ?? "UTC";
  const cumulative = input.cumulative ?? true;
  const span = end.getTime() - start.getTime();
  const elapsed = Math.min(1, Math.max(0, (now.getTime() - start.getTime()) / span));
  const expectedByNow = cumulative ? target * elapsed : now < start ? 0 : target;
  const percent = target > 0 ? Math.floor((actual * 100) / target + 1e-9) : 100;

  let daysLeft = 0;
  if (now < end) {
    const from = now < start ? dayOf(start, timeZone) : dayOf(now, timeZone);
    daysLeft = daysFrom(from, addDays(dayOf(new Date(end.getTime() - 1), timeZone), 1));
  }
  const missing = Math.max(0, target - actual);
  const neededPerDay = missing === 0 ? 0 : daysLeft > 0 && cumulative ? missing / daysLeft : null;

  let status: GoalStatus;
  if (actual >= target) status = "reached";
  else if (now >= end) status = "missed";
  else if (expectedByNow - actual > AT_RISK_SHARE * target) status = "at_risk";
  else status = "on_pace";
  return { percent, expectedByNow, neededPerDay, daysLeft, status };
}
