import { calendarPeriod, type GoalPeriod } from "../leaderboard/periods";
import { dayOf } from "../shared/zoned-time";

/** The periods a goal can be set for, as the modal offers them. */
export const GOAL_PERIOD_CHOICES = [
  "this-week",
  "next-week",
  "this-month",
  "next-month",
  "this-quarter",
  "next-quarter",
  "this-year",
  "next-year",
] as const;
export type GoalPeriodChoice = (typeof GOAL_PERIOD_CHOICES)[number];

export function isGoalPeriodChoice(value: string): value is GoalPeriodChoice {
  return (GOAL_PERIOD_CHOICES as readonly string[]).includes(value);
}

/** The calendar period a choice names at `now` in the program's zone: its unit and first local day. */
export function goalPeriodOf(
  choice: GoalPeriodChoice,
  now: Date,
  timeZone: string,
  weekStartsOn: number,
): { period: GoalPeriod; periodStart: string } {
  const [which, unit] = choice.split("-") as ["this" | "next", GoalPeriod];
  const current = calendarPeriod(unit, dayOf(now, timeZone), weekStartsOn);
  const periodStart = which === "this" ? current.first : calendarPeriod(unit, current.end, weekStartsOn).first;
  return { period: unit, periodStart };
}
