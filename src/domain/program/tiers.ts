import { TIERS, type Tier } from "../partners/partner-rules";
import { addDays, dayOf, startOfDay } from "../shared/zoned-time";
import type { TierChange, TierFigures, TierProgress, TierProgressPart, TierRule } from "./program-types";

const DAY_MS = 86_400_000;

/** 0 for the entry tier, rising with each tier. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** The same calendar day `months` earlier, clamped to the month's last day (2028-02-29 → 2027-02-28). */
function monthsBefore(day: string, months: number): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDate = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(date, lastDate), 2)}`;
}

/**
 * The trailing 12 months tiers are judged on: whole local days in the program's zone, today
 * included. It starts at local midnight of the day after "today a year ago" (clamped: on
 * 2028-02-29 it starts 2027-03-01) and ends (exclusive) at local midnight of tomorrow, so a deal
 * won late today counts, and the window is the same all day whatever the hour of the run.
 */
export function trailingTwelveMonths(now: Date, timeZone: string): { start: Date; end: Date } {
  const today = dayOf(now, timeZone);
  return {
    start: startOfDay(addDays(monthsBefore(today, 12), 1), timeZone),
    end: startOfDay(addDays(today, 1), timeZone),
  };
}

function trainedFor(figures: TierFigures, tier: Tier): number {
  return figures.peopleTrained[tier] ?? 0;
}

/**
 * Every part of the rule is met. Thresholds are inclusive. A required win rate is met only when
 * there are enough closed deals for a win rate at all (figures.winRate is null below that).
 */
export function meetsRule(figures: TierFigures, rule: TierRule): boolean {
  return (
    figures.wonRevenueMinor >= rule.wonRevenueMinor &&
    figures.dealsWon >= rule.dealsWon &&
    trainedFor(figures, rule.tier) >= rule.peopleTrained &&
    (rule.winRate <= 0 || (figures.winRate !== null && figures.winRate >= rule.winRate))
  );
}

/** The highest tier whose every criterion is met; the entry tier always qualifies. */
export function qualifyingTier(figures: TierFigures, rules: readonly TierRule[]): Tier {
  let best: Tier = TIERS[0];
  for (const rule of rules) {
    if (tierRank(rule.tier) > tierRank(best) && meetsRule(figures, rule)) best = rule.tier;
  }
  return best;
}

/** What the figures mean for a partner at `current`: promotions apply at once, demotions go to review. */
export function tierChange(current: Tier, qualifying: Tier): TierChange {
  const diff = tierRank(qualifying) - tierRank(current);
  if (diff > 0) return { kind: "promote", to: qualifying };
  if (diff < 0) return { kind: "demote", to: qualifying };
  return { kind: "none" };
}

/** How far the partner is from the tier above its current one, on the parts that tier asks for. */
export function tierProgress(figures: TierFigures, rules: readonly TierRule[], current: Tier): TierProgress {
  const next = TIERS[tierRank(current) + 1] ?? null;
  const rule = next === null ? undefined : rules.find((candidate) => candidate.tier === next);
  if (next === null || rule === undefined) return { current, next, parts: [] };
  const parts: TierProgressPart[] = [];
  const add = (criterion: TierProgressPart["criterion"], have: number, need: number, met = have >= need) => {
    if (need > 0) parts.push({ criterion, have, need, met });
  };
  add("revenue", figures.wonRevenueMinor, rule.wonRevenueMinor);
  add("won", figures.dealsWon, rule.dealsWon);
  add("trained", trainedFor(figures, next), rule.peopleTrained);
  // Too few closed deals: no win rate yet, shown as 0 and not met.
  add("winrate", figures.winRate ?? 0, rule.winRate, figures.winRate !== null && figures.winRate >= rule.winRate);
  return { current, next, parts };
}

/** When a demotion review's grace period ends: whole days of 24 hours after it opened. */
export function graceEndsAt(openedAt: Date, days: number): Date {
  return new Date(openedAt.getTime() + days * DAY_MS);
}

/** A demotion may be decided only once the grace period is over (the partner may recover before). */
export function canDemote(graceEnds: Date, now: Date): boolean {
  return now.getTime() >= graceEnds.getTime();
}
