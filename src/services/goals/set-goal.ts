import { goalPeriodOf, isGoalPeriodChoice } from "../../domain/goals/goal-period";
import { parseGoalTarget } from "../../domain/goals/goal-target";
import { isMoneyMetric, METRICS, type Metric } from "../../domain/leaderboard/metrics";
import { TIERS, type Tier } from "../../domain/partners/partner-rules";
import { requireManager } from "../../domain/partners/roles";
import type { Problem } from "../../domain/shared/error-codes";
import type { Actor } from "../access-service";
import type { GoalRecord } from "../leaderboard/leaderboard-store";
import type { GoalContext } from "./goal-form";

export type GoalField = "owner" | "metric" | "period" | "target";

export interface GoalInput {
  /** "partner:<id>", "tier:<name>" or "program". */
  owner: string;
  metric: string;
  /** A GOAL_PERIOD_CHOICES value ("this-month", "next-quarter"). */
  period: string;
  target: string;
}

export type SetGoalResult =
  | { kind: "invalid"; errors: Partial<Record<GoalField, Problem>> }
  | { kind: "saved"; goal: GoalRecord };

type Owner = { partnerId: number | null; tier: Tier | null };

async function readOwner(context: GoalContext, actor: Actor, owner: string): Promise<Owner | Problem> {
  const typed = owner.trim();
  if (typed === "program") return { partnerId: null, tier: null };
  const tier = /^tier:(.+)$/.exec(typed)?.[1]?.toLowerCase();
  if (tier !== undefined) {
    return (TIERS as readonly string[]).includes(tier)
      ? { partnerId: null, tier: tier as Tier }
      : { code: "goal_owner_invalid" };
  }
  const id = /^partner:(\d{1,9})$/.exec(typed)?.[1];
  if (id === undefined) return { code: "goal_owner_invalid" };
  const partner = await context.store.partners.findById(actor.workspace.id, Number(id));
  return partner === null ? { code: "partner_gone" } : { partnerId: partner.id, tier: null };
}

/**
 * Sets a goal from the modal: a target for a partner, every partner of a tier or the program, for
 * one metric over this or next calendar period. Setting the same owner, metric and period again
 * changes its target. Managers only; audited.
 */
export async function setGoal(context: GoalContext, actor: Actor, input: GoalInput): Promise<SetGoalResult> {
  requireManager(actor.role, "manage_goals");
  const { workspace } = actor;
  const errors: Partial<Record<GoalField, Problem>> = {};
  const owner = await readOwner(context, actor, input.owner);
  if ("code" in owner) errors.owner = owner;
  const metricText = input.metric.trim().toLowerCase();
  const metric = (METRICS as readonly string[]).includes(metricText) ? (metricText as Metric) : null;
  if (metric === null) errors.metric = { code: "goal_metric_invalid", params: { text: input.metric.trim() } };
  const periodText = input.period.trim().toLowerCase();
  if (!isGoalPeriodChoice(periodText)) {
    errors.period = { code: "goal_period_invalid", params: { text: input.period.trim() } };
  }
  let target: number | null = null;
  if (metric !== null) {
    const parsed = parseGoalTarget(metric, input.target, workspace.reportingCurrency);
    if (parsed.ok) target = parsed.target;
    else errors.target = parsed.problem;
  }
  if ("code" in owner || metric === null || target === null || !isGoalPeriodChoice(periodText)) {
    return { kind: "invalid", errors };
  }
  const { period, periodStart } = goalPeriodOf(periodText, context.clock(), workspace.timezone, workspace.weekStartsOn);
  const goal = await context.store.transaction(async (tx) => {
    const saved = await tx.goals.save({
      workspaceId: workspace.id,
      partnerId: owner.partnerId,
      tier: owner.tier,
      metric,
      period,
      periodStart,
      target,
      currency: isMoneyMetric(metric) ? workspace.reportingCurrency : null,
      createdBy: actor.userId,
    });
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: "goal.set",
      target: String(saved.id),
      data: { owner: input.owner.trim(), metric, period, periodStart, target, currency: saved.currency },
    });
    return saved;
  });
  return { kind: "saved", goal };
}
