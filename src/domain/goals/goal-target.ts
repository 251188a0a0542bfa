import { parseAmount } from "../deals/currency";
import { isMoneyMetric, type Metric } from "../leaderboard/metrics";
import type { Problem } from "../shared/error-codes";

/** The largest count a goal may target: beyond it is a typo, not an ambition. */
export const MAX_COUNT_TARGET = 1_000_000;

/**
 * Reads a goal's target as a manager types it: an amount in the reporting currency (minor units)
 * for revenue and pipeline, a whole number for counts, a percentage for the win rate (stored in
 * basis points: "42.5 %" is 4250).
 */
export function parseGoalTarget(
  metric: Metric,
  text: string,
  currency: string,
): { ok: true; target: number } | { ok: false; problem: Problem } {
  const typed = text.trim();
  if (isMoneyMetric(metric)) {
    const parsed = parseAmount(typed, currency);
    return parsed.ok
      ? { ok: true, target: parsed.minor }
      : { ok: false, problem: { code: "goal_target_invalid", params: { text: typed, kind: "amount", currency } } };
  }
  if (metric === "winrate") {
    const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(typed);
    const basisPoints = match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : Number.NaN;
    return basisPoints > 0 && basisPoints <= 10_000
      ? { ok: true, target: basisPoints }
      : { ok: false, problem: { code: "goal_target_invalid", params: { text: typed, kind: "percent", currency } } };
  }
  const cleaned = typed.replace(/[,\s]/g, "");
  const count = /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
  return count > 0 && count <= MAX_COUNT_TARGET
    ? { ok: true, target: count }
    : { ok: false, problem: { code: "goal_target_invalid", params: { text: typed, kind: "count", currency } } };
}

/** A stored target in the unit leaderboard values use: win rate as a fraction 0..1, everything else as stored. */
export function targetInValueUnit(metric: Metric, target: number): number {
  return metric === "winrate" ? target / 10_000 : target;
}
