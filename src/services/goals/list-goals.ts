import { formatAmount } from "../../domain/deals/currency";
import { type GoalProgress, goalProgress } from "../../domain/goals/pace";
import { RateBook } from "../../domain/leaderboard/conversion";
import { isMoneyMetric, type Metric, partnerKey } from "../../domain/leaderboard/metrics";
import { goalPeriod, type ResolvedPeriod } from "../../domain/leaderboard/periods";
import { canManageProgram } from "../../domain/partners/roles";
import { addDays, dayOf } from "../../domain/shared/zoned-time";
import type { Actor } from "../access-service";
import { goalTargetValue, tierLabel } from "../leaderboard/leaderboard-goal-lines";
import type { GoalRecord, LeaderboardScores } from "../leaderboard/leaderboard-store";
import { partnerScores } from "../leaderboard/partner-scores";
import type { PartnerRecord, WorkspaceRecord } from "../records";
import type { GoalContext } from "./goal-form";

export interface GoalLine {
  goal: GoalRecord;
  /** "Acme", "All Gold partners" or "Program". */
  ownerLabel: string;
  /** The partner this line measures (a tier goal has one line per partner); null for the program's. */
  partnerName: string | null;
  periodLabel: string;
  /** In the leaderboard's unit: reporting-currency minor units, a count, or a win rate fraction. */
  actual: number;
  progress: GoalProgress;
  /** Deals counted but not priced (no rate): the actual leaves them out. */
  unpriced: number;
  display: { actual: string; target: string };
}

/** A manager's overview stays readable in one message. */
export const MAX_GOAL_LINES = 40;

/** The oldest first day a goal running today can have: a week that began in last year's last days. */
function earliestCurrentStart(now: Date, timeZone: string): string {
  return addDays(`${dayOf(now, timeZone).slice(0, 4)}-01-01`, -7);
}

/**
 * Goal progress. Members: their company's goals (its own, its tier's, the program's). Managers:
 * every goal, a tier goal once per partner of the tier, or with `partnerId` one partner's as its
 * members see them. Goals whose period has not ended yet, soonest first.
 */
export async function goalProgressLines(
  context: GoalContext,
  actor: Actor,
  options?: { partnerId?: number },
): Promise<GoalLine[]> {
  const { store } = context;
  const { workspace } = actor;
  const now = context.clock();
  const manager = canManageProgram(actor.role);
  const partnerId = manager ? (options?.partnerId ?? null) : actor.member.partnerId;
  if (!manager && partnerId === null) return [];
  const partner = partnerId === null ? null : await store.partners.findById(workspace.id, partnerId);
  if (partnerId !== null && partner === null) return [];
  const since = earliestCurrentStart(now, workspace.timezone);
  const listed = await store.goals.list({
    workspaceId: workspace.id,
    since,
    ...(partner !== null && { partnerId: partner.id, tier: partner.tier }),
  });
  const open = listed
    .map((goal) => ({
      goal,
      period: goalPeriod(goal.period, goal.periodStart, workspace.timezone, workspace.weekStartsOn),
    }))
    .filter(({ period }) => period.end > now)
    .sort(
      (a, b) =>
        a.goal.periodStart.localeCompare(b.goal.periodStart) ||
        ownerOrder(a.goal) - ownerOrder(b.goal) ||
        a.goal.id - b.goal.id,
    );

  const partners = new Map<number, PartnerRecord>();
  if (partner !== null) partners.set(partner.id, partner);
  else for (const known of await store.partners.list(workspace.id)) partners.set(known.id, known);

  const measure = scoresCache(context, workspace, now);
  const book = open.some(({ goal }) => goal.currency !== null && goal.currency !== workspace.reportingCurrency)
    ? new RateBook(workspace.reportingCurrency, await store.leaderboard.rates(workspace.id), workspace.timezone)
    : null;
  const lines: GoalLine[] = [];
  for (const { goal, period } of open) {
    const target = goalTargetValue(goal, workspace.reportingCurrency, book, now);
    if (target === null) continue;
    const scores = await measure(goal.metric, period);
    const measured: (PartnerRecord | null)[] =
      goal.partnerId !== null
        ? [partners.get(goal.partnerId) ?? null].filter((known) => known !== null)
        : goal.tier !== null
          ? partner !== null
            ? [partner]
            : [...partners.values()].filter((known) => known.tier === goal.tier && known.status !== "inactive")
          : [null];
    for (const who of measured) {
      if (lines.length >= MAX_GOAL_LINES) return lines;
      const { actual, unpriced } =
        who === null ? programActual(goal.metric, scores) : partnerActual(goal.metric, scores, who.id);
      const progress = goalProgress({
        target,
        actual,
        start: period.start as Date,
        end: period.end,
        now,
        timeZone: workspace.timezone,
        // A win rate or an open pipeline is a level, not a sum that builds up over the period.
        cumulative: goal.metric !== "winrate" && goal.metric !== "pipeline",
      });
      lines.push({
        goal,
        ownerLabel:
          goal.partnerId !== null
            ? (who?.name ?? "")
            : goal.tier !== null
              ? `All ${tierLabel(goal.tier)} partners`
              : "Program",
        partnerName: who?.name ?? null,
        periodLabel: period.label,
        actual,
        progress,
        unpriced,
        display: { actual: display(goal.metric, actual, workspace), target: display(goal.metric, target, workspace) },
      });
    }
  }
  return lines;
}

function ownerOrder(goal: GoalRecord): number {
  return goal.partnerId !== null ? 0 : goal.tier !== null ? 1 : 2;
}

/** One aggregate per metric and period, shared by every goal over it. */
function scoresCache(context: GoalContext, workspace: WorkspaceRecord, now: Date) {
  const cache = new Map<string, Promise<LeaderboardScores>>();
  return (metric: Metric, period: ResolvedPeriod): Promise<LeaderboardScores> => {
    const key = `${metric}:${period.key}`;
    let scores = cache.get(key);
    if (scores === undefined) {
      scores = partnerScores(context.store, workspace, metric, period, now);
      cache.set(key, scores);
    }
    return scores;
  };
}

/** The win rate as a fraction even below the ranking minimum: a goal is measured from the first closed deal. */
function partnerActual(
  metric: Metric,
  scores: LeaderboardScores,
  partnerId: number,
): { actual: number; unpriced: number } {
  const entry = scores.entries.find((known) => known.key === partnerKey(partnerId));
  if (entry === undefined) return { actual: 0, unpriced: 0 };
  const actual = metric === "winrate" ? (entry.count > 0 ? entry.won / entry.count : 0) : (entry.value ?? 0);
  return { actual, unpriced: entry.unpriced };
}

function programActual(metric: Metric, scores: LeaderboardScores): { actual: number; unpriced: number } {
  if (metric !== "winrate") return { actual: scores.total ?? 0, unpriced: scores.unpriced };
  const closed = scores.entries.reduce((sum, entry) => sum + entry.count, 0);
  const won = scores.entries.reduce((sum, entry) => sum + entry.won, 0);
  return { actual: closed > 0 ? won / closed : 0, unpriced: 0 };
}

function display(metric: Metric, value: number, workspace: WorkspaceRecord): string {
  if (isMoneyMetric(metric)) return formatAmount(Math.round(value), workspace.reportingCurrency);
  if (metric === "winrate") return `${Math.round(value * 1000) / 10} %`;
  return value.toLocaleString("en-US");
}
