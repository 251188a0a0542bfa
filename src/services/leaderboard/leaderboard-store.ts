import type { DatedRate } from "../../domain/leaderboard/conversion";
import type { Metric, Scope } from "../../domain/leaderboard/metrics";

/** One leaderboard question: what to add up, for whom, over which instants. */
export interface LeaderboardQuery {
  workspaceId: number;
  metric: Metric;
  scope: Scope;
  /** Inclusive; null for all time. Period bounds are local midnights (resolvePeriod). */
  start: Date | null;
  /** Exclusive. */
  end: Date;
  /** The workspace's zone: rates change at local midnight, and pipeline compares local days. */
  timeZone: string;
  reportingCurrency: string;
  /** Pipeline converts at the rate valid now. */
  now: Date;
  /** Case-insensitive filters on the deal's partner (kudos: the recipient's partner). */
  region?: string;
  tier?: string;
  /** Only this partner's rows (goal progress, a partner's own figures). */
  partnerId?: number;
}

/**
 * One row of a leaderboard. `key` is partnerKey(id) or personKey(userId) (domain/leaderboard/metrics).
 * `value`: revenue and pipeline in reporting-currency minor units (priced deals only), deals,
 * registrations and kudos as counts, winrate as a fraction 0..1, or null below WINRATE_MIN_CLOSED.
 */
export interface LeaderboardEntry {
  key: string;
  name: string;
  partnerId: number | null;
  /** Set for people rows. */
  userId: string | null;
  value: number | null;
  /** Deals (or shout-outs) the value is made of; winrate: won + lost. */
  count: number;
  /** Winrate: the won ones among `count`. */
  won: number;
  /** Deals counted but not priced (no rate for their currency on their day). */
  unpriced: number;
  /** Their currencies, sorted. */
  unpricedCurrencies: string[];
}

export interface LeaderboardScores {
  entries: LeaderboardEntry[];
  /** The sum over every entry (winrate: won / closed over all of them, null below the minimum). */
  total: number | null;
  unpriced: number;
  unpricedCurrencies: string[];
}

export interface LeaderboardRepository {
  /** Aggregated in the database (GROUP BY), converted with the workspace's dated rates. */
  scores(query: LeaderboardQuery): Promise<LeaderboardScores>;
  /** The workspace's rates, every currency and date, oldest first. */
  rates(workspaceId: number): Promise<DatedRate[]>;
}

/** A target for a metric over a calendar period: for one partner, every partner of a tier, or the program. */
export interface GoalRecord {
  id: number;
  workspaceId: number;
  partnerId: number | null;
  tier: string | null;
  metric: Metric;
  period: "week" | "month" | "quarter" | "year";
  /** The period's first local day (YYYY-MM-DD). */
  periodStart: string;
  /** Minor units of `currency` for money metrics; a count; winrate in basis points (5000 = 50 %). */
  target: number;
  currency: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewGoal = Omit<GoalRecord, "id" | "createdAt" | "updatedAt">;

export interface GoalRepository {
  /** Sets the target of the goal with the same owner, metric and period, or creates it. */
  save(goal: NewGoal): Promise<GoalRecord>;
  /**
   * Goals of the workspace, newest period first. With `partnerId`: the partner's own goals, those
   * of its `tier` and program-wide ones (no partner, no tier). `since`: periods starting on or after that day.
   */
  list(filter: { workspaceId: number; partnerId?: number; tier?: string; since?: string }): Promise<GoalRecord[]>;
  findById(workspaceId: number, id: number): Promise<GoalRecord | null>;
  remove(workspaceId: number, id: number): Promise<boolean>;
}
