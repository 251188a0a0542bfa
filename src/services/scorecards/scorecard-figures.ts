import { RateBook } from "../../domain/leaderboard/conversion";
import { type Metric, partnerKey } from "../../domain/leaderboard/metrics";
import { goalPeriod } from "../../domain/leaderboard/periods";
import type { Quarter } from "../../domain/program/program-types";
import { requiredTrainings } from "../../domain/program/resources";
import { goalAttainment, medianDaysToClose } from "../../domain/program/scorecard";
import { dayOf } from "../../domain/shared/zoned-time";
import { goalTargetValue } from "../leaderboard/leaderboard-goal-lines";
import type { LeaderboardScores } from "../leaderboard/leaderboard-store";
import { partnerScores } from "../leaderboard/partner-scores";
import type { PartnerRecord, WorkspaceRecord } from "../records";
import type { Store } from "../store";

/** One quarter of a partner's scorecard, in the reporting currency's minor units where money. */
export interface ScorecardFigures {
  revenueMinor: number;
  /** Open deals expected to close in the quarter. */
  pipelineMinor: number;
  /** Null below the leaderboard's minimum of closed deals. */
  winRate: number | null;
  dealsWon: number;
  registrations: number;
  /** Won deals closed in the quarter: days from registration to close, one decimal. */
  medianDaysToClose: number | null;
  /** Mean of min(actual / target, 1) over the partner's own and tier goals of the quarter; null: none. */
  goalAttainment: number | null;
  /** Share of the partner's people who completed every training its tier requires; null: none required. */
  trainingCompletion: number | null;
  /** Shout-outs the partner or its people received. */
  kudos: number;
  /** Won or open deals with no rate for their currency: counted, not in the amounts. */
  unpriced: number;
}

/** More won deals than a partner closes in a quarter: the median must see them all. */
const ALL_WON = 100_000;

export interface Subject {
  store: Store;
  workspace: WorkspaceRecord;
  partner: PartnerRecord;
  now: Date;
}

function entryOf(scores: LeaderboardScores, partnerId: number) {
  return scores.entries.find((entry) => entry.key === partnerKey(partnerId));
}

/**
 * Every figure of one quarter for one partner: the leaderboard's aggregates filtered to it in the
 * database, its won deals of the quarter (median days to close), its goals and its training.
 */
export async function quarterFigures(subject: Subject, quarter: Quarter): Promise<ScorecardFigures> {
  const { store, workspace, partner, now } = subject;
  const score = (metric: Metric) => partnerScores(store, workspace, metric, quarter, now, partner.id);
  const [revenue, dealsWon, winrate, registrations, pipeline, kudos, won, attainment, training] = await Promise.all([
    score("revenue"),
    score("deals"),
    score("winrate"),
    score("registrations"),
    score("pipeline"),
    score("kudos"),
    store.deals.list(
      {
        workspaceId: workspace.id,
        partnerId: partner.id,
        stages: ["won"],
        closedFrom: quarter.start,
        closedBefore: quarter.end,
      },
      { offset: 0, limit: ALL_WON },
    ),
    goalsOfQuarter(subject, quarter),
    trainingCompletion(subject, quarter),
  ]);
  return {
    revenueMinor: entryOf(revenue, partner.id)?.value ?? 0,
    pipelineMinor: entryOf(pipeline, partner.id)?.value ?? 0,
    winRate: entryOf(winrate, partner.id)?.value ?? null,
    dealsWon: entryOf(dealsWon, partner.id)?.count ?? 0,
    registrations: entryOf(registrations, partner.id)?.count ?? 0,
    medianDaysToClose: medianDaysToClose(
      won.deals.flatMap((deal) =>
        deal.closedAt === null ? [] : [{ createdAt: deal.createdAt, closedAt: deal.closedAt }],
      ),
    ),
    goalAttainment: attainment,
    trainingCompletion: training,
    kudos: entryOf(kudos, partner.id)?.count ?? 0,
    unpriced: (entryOf(revenue, partner.id)?.unpriced ?? 0) + (entryOf(pipeline, partner.id)?.unpriced ?? 0),
  };
}

/** Goals of the partner itself and of its tier whose whole period lies in the quarter. */
async function goalsOfQuarter(subject: Subject, quarter: Quarter): Promise<number | null> {
  const { store, workspace, partner, now } = subject;
  const listed = await store.goals.list({
    workspaceId: workspace.id,
    partnerId: partner.id,
    tier: partner.tier,
    since: dayOf(quarter.start, workspace.timezone),
  });
  const goals = listed
    .filter((goal) => goal.partnerId === partner.id || (goal.partnerId === null && goal.tier === partner.tier))
    .map((goal) => ({
      goal,
      period: goalPeriod(goal.period, goal.periodStart, workspace.timezone, workspace.weekStartsOn),
    }))
    .filter(({ period }) => period.start !== null && period.start >= quarter.start && period.end <= quarter.end);
  if (goals.length === 0) return null;
  const foreign = goals.some(({ goal }) => goal.currency !== null && goal.currency !== workspace.reportingCurrency);
  const book = foreign
    ? new RateBook(workspace.reportingCurrency, await store.leaderboard.rates(workspace.id), workspace.timezone)
    : null;
  const measured: { actual: number; target: number }[] = [];
  for (const { goal, period } of goals) {
    const target = goalTargetValue(goal, workspace.reportingCurrency, book, now);
    if (target === null) continue;
    const entry = entryOf(await partnerScores(store, workspace, goal.metric, period, now, partner.id), partner.id);
    // A goal's win rate counts from the first closed deal, as the goal lines measure it.
    const actual =
      goal.metric === "winrate"
        ? entry !== undefined && entry.count > 0
          ? entry.won / entry.count
          : 0
        : (entry?.value ?? 0);
    measured.push({ actual, target });
  }
  return goalAttainment(measured);
}

/** Completions up to the quarter's end: a past quarter shows how far its people were then. */
async function trainingCompletion(subject: Subject, quarter: Quarter): Promise<number | null> {
  const { store, workspace, partner } = subject;
  const [resources, members, completions] = await Promise.all([
    store.resources.list(workspace.id),
    store.members.listByPartner(partner.id),
    store.resources.completions({ workspaceId: workspace.id, partnerId: partner.id }),
  ]);
  const required = requiredTrainings(resources, partner.tier).map((resource) => resource.id);
  if (required.length === 0 || members.length === 0) return null;
  const done = new Map<string, Set<number>>();
  for (const completion of completions) {
    if (completion.completedAt >= quarter.end) continue;
    const finished = done.get(completion.slackUserId) ?? new Set<number>();
    finished.add(completion.resourceId);
    done.set(completion.slackUserId, finished);
  }
  const trained = members.filter((member) => {
    const finished = done.get(member.slackUserId);
    return finished !== undefined && required.every((id) => finished.has(id));
  });
  return trained.length / members.length;
}
