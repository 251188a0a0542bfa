import { calendarPeriod, type GoalPeriod, goalPeriod, type ResolvedPeriod } from "../../src/domain/leaderboard/periods";
import { dayOf } from "../../src/domain/shared/zoned-time";
import type { NewGoal } from "../../src/services/leaderboard/leaderboard-store";
import type { WorkspaceRecord } from "../../src/services/records";
import type { Store } from "../../src/services/store";

/**
 * The demo's goals, set by Max Manager for the period running now: the leading partner on pace,
 * Acme (the sandbox's partner personas) on pace when it won deals in the period (at risk when not),
 * two partners at risk, one goal for every Gold partner
 * (some of them ahead, some behind) and a program-wide deal count. Targets are derived from what
 * the demo's deals add up to so far, so the statuses hold whatever day the sandbox starts on.
 * Goals are only added to a workspace that has none: one changed or removed by a person stays so.
 */

const MANAGER = "U0MANAGER";
const ACME = "Acme Solutions";
const TIER = "gold";

/** The share of a period behind the linear pace that makes a goal at risk (domain/goals/pace.ts: 10 %). */
const AT_RISK_SHARE = 0.1;

/**
 * The period the goals are for: the quarter, unless too little or too much of it has passed for
 * "at risk" and "on pace" to be told apart (nothing is at risk in its first tenth); then the month
 * or the year, whichever is further along without being nearly over.
 */
export function demoGoalPeriod(now: Date, workspace: WorkspaceRecord): ResolvedPeriod {
  const candidate = (unit: GoalPeriod) => {
    const first = calendarPeriod(unit, dayOf(now, workspace.timezone), workspace.weekStartsOn).first;
    const period = goalPeriod(unit, first, workspace.timezone, workspace.weekStartsOn);
    const start = (period.start as Date).getTime();
    return { period, elapsed: (now.getTime() - start) / (period.end.getTime() - start) };
  };
  const quarter = candidate("quarter");
  const candidates = [quarter, candidate("month"), candidate("year")];
  const fitting = candidates.find(({ elapsed }) => elapsed >= 0.25 && elapsed <= 0.9);
  if (fitting) return fitting.period;
  let best = quarter;
  for (const entry of candidates)
    if (entry.elapsed <= 0.95 && (best.elapsed > 0.95 || entry.elapsed > best.elapsed)) best = entry;
  return best.period;
}

/**
 * Rounded up to three significant digits of the major unit, as a person would set a target; at
 * most 1 % more, which the margins below allow for.
 */
function roundTarget(value: number, minorPerMajor: number): number {
  const major = Math.max(1, value / minorPerMajor);
  const step = 10 ** Math.max(0, Math.floor(Math.log10(major)) - 2);
  return Math.ceil(major / step) * step * minorPerMajor;
}

export async function seedGoals(
  tx: Store,
  workspace: WorkspaceRecord,
  partnerIds: Map<string, number>,
  now: Date,
): Promise<number> {
  if ((await tx.goals.list({ workspaceId: workspace.id })).length > 0) return 0;
  const period = demoGoalPeriod(now, workspace);
  const start = period.start as Date;
  const elapsed = (now.getTime() - start.getTime()) / (period.end.getTime() - start.getTime());
  const query = {
    workspaceId: workspace.id,
    scope: "partners" as const,
    start,
    end: period.end,
    timeZone: workspace.timezone,
    reportingCurrency: workspace.reportingCurrency,
    now,
  };
  const revenue = await tx.leaderboard.scores({ ...query, metric: "revenue" });
  const deals = await tx.leaderboard.scores({ ...query, metric: "deals" });
  const actual = (partnerId: number) => revenue.entries.find((entry) => entry.partnerId === partnerId)?.value ?? 0;
  const cents = 100;
  const floor = 5_000 * cents;

  const goal = (owner: Pick<NewGoal, "partnerId" | "tier">, metric: "revenue" | "deals", target: number): NewGoal => ({
    workspaceId: workspace.id,
    ...owner,
    metric,
    period: period.key.split(":")[0] as GoalPeriod,
    periodStart: period.firstDay as string,
    target,
    currency: metric === "revenue" ? workspace.reportingCurrency : null,
    createdBy: MANAGER,
  });
  // Behind the straight line to the target by 5 % of it (on pace up to 10 %), and not there yet.
  const onPace = (value: number) => roundTarget(value / Math.max(elapsed - 0.05, 0.05), cents);
  // Behind the straight line by well over the 10 % that makes a goal at risk.
  const atRisk = (value: number) =>
    roundTarget((1.6 * Math.max(value, floor)) / Math.max(elapsed - AT_RISK_SHARE, 0.05), cents);

  const partners = (await tx.partners.list(workspace.id)).filter(
    (partner) => partner.status !== "inactive" && partnerIds.get(partner.name) === partner.id,
  );
  const ranked = partners
    .map(({ name, id }) => ({ name, id, value: actual(id) }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const acme = ranked.find((partner) => partner.name === ACME);
  const leader = ranked.find((partner) => partner.name !== ACME && partner.value > 0);
  const trailing = ranked.filter((partner) => partner !== acme && partner !== leader).slice(-4, -2);

  const goals: NewGoal[] = [];
  if (acme)
    goals.push(goal({ partnerId: acme.id, tier: null }, "revenue", acme.value > 0 ? onPace(acme.value) : atRisk(0)));
  if (leader) goals.push(goal({ partnerId: leader.id, tier: null }, "revenue", onPace(leader.value)));
  for (const partner of trailing)
    goals.push(goal({ partnerId: partner.id, tier: null }, "revenue", atRisk(partner.value)));

  // One target for each Gold partner: between what the best and the weakest of them need to be on pace.
  const gold = partners.filter((partner) => partner.tier === TIER);
  const goldValues = gold.map((partner) => actual(partner.id)).sort((a, b) => a - b);
  const weakest = goldValues[0] ?? 0;
  const best = goldValues.at(-1) ?? 0;
  const tierTarget = (weakest + best) / 2 / Math.max(elapsed - AT_RISK_SHARE, 0.05);
  goals.push(goal({ partnerId: null, tier: TIER }, "revenue", roundTarget(best > 0 ? tierTarget : floor, cents)));

  // The program: a few more won deals than the pace so far, so it is on pace but not done.
  const won = deals.total ?? 0;
  goals.push(
    goal({ partnerId: null, tier: null }, "deals", Math.max(10, Math.ceil((won / Math.max(elapsed, 0.05)) * 1.05))),
  );

  for (const entry of goals) await tx.goals.save(entry);
  return goals.length;
}
