import { targetInValueUnit } from "../../domain/goals/goal-target";
import type { RateBook } from "../../domain/leaderboard/conversion";
import { isMoneyMetric, type Metric } from "../../domain/leaderboard/metrics";
import type { ResolvedPeriod } from "../../domain/leaderboard/periods";
import type { WorkspaceRecord } from "../records";
import type { Store } from "../store";
import type { GoalRecord } from "./leaderboard-store";

/** "gold" → "Gold". */
export function tierLabel(tier: string): string {
  return tier.charAt(0).toUpperCase() + tier.slice(1);
}

/**
 * A goal's target in the leaderboard's unit: reporting-currency minor units (converted at today's
 * rate when the reporting currency changed since it was set; null without a rate), a count, or a
 * win rate fraction.
 */
export function goalTargetValue(
  goal: GoalRecord,
  reportingCurrency: string,
  book: RateBook | null,
  now: Date,
): number | null {
  if (!isMoneyMetric(goal.metric) || goal.currency === null || goal.currency === reportingCurrency) {
    return targetInValueUnit(goal.metric, goal.target);
  }
  const converted = book?.convert(BigInt(goal.target), goal.currency, now) ?? null;
  return converted === null ? null : Number(converted);
}

/**
 * The goal lines a leaderboard chart draws: the program's and the tiers' goals for this metric
 * and calendar period, and those of `partners` (the ones the reader may see). Ranges and all time
 * have no goals.
 */
export async function goalLinesFor(
  store: Store,
  workspace: WorkspaceRecord,
  input: {
    metric: Metric;
    period: ResolvedPeriod;
    tier: string | null;
    partners: readonly { id: number; name: string }[];
    book: () => Promise<RateBook>;
    now: Date;
  },
): Promise<{ label: string; value: number }[]> {
  const [unit] = input.period.key.split(":");
  if (input.period.firstDay === null || !["week", "month", "quarter", "year"].includes(unit ?? "")) return [];
  const goals = (await store.goals.list({ workspaceId: workspace.id, since: input.period.firstDay })).filter(
    (goal) => goal.metric === input.metric && goal.period === unit && goal.periodStart === input.period.firstDay,
  );
  if (goals.length === 0) return [];
  const names = new Map(input.partners.map((partner) => [partner.id, partner.name]));
  const book = goals.some((goal) => goal.currency !== null && goal.currency !== workspace.reportingCurrency)
    ? await input.book()
    : null;
  const lines: { label: string; value: number; order: number }[] = [];
  for (const goal of goals) {
    let label: string | null = null;
    let order = 0;
    if (goal.partnerId === null && goal.tier === null) label = "Program goal";
    else if (goal.partnerId === null && goal.tier !== null) {
      if (input.tier === null || input.tier.toLowerCase() === goal.tier.toLowerCase()) {
        label = `${tierLabel(goal.tier)} goal`;
        order = 1;
      }
    } else if (goal.partnerId !== null && names.has(goal.partnerId)) {
      label = `${names.get(goal.partnerId)} goal`;
      order = 2;
    }
    const value = label === null ? null : goalTargetValue(goal, workspace.reportingCurrency, book, input.now);
    if (label !== null && value !== null) lines.push({ label, value, order });
  }
  lines.sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
  return lines.map(({ label, value }) => ({ label, value }));
}
