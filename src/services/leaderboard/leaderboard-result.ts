import { formatLeaderboardArgs } from "../../domain/leaderboard/args-text";
import { RateBook } from "../../domain/leaderboard/conversion";
import {
  isMoneyMetric,
  type LeaderboardArgs,
  type Metric,
  partnerKey,
  personKey,
  type Scope,
} from "../../domain/leaderboard/metrics";
import { type ResolvedPeriod, resolvePeriod } from "../../domain/leaderboard/periods";
import { leaderboardRows, type RankedRow } from "../../domain/leaderboard/ranking";
import { amountVisible, type LeaderboardAudience, seesEveryAmount } from "../../domain/leaderboard/visibility";
import type { WorkspaceRecord } from "../records";
import type { Store } from "../store";
import { goalLinesFor } from "./leaderboard-goal-lines";
import type { LeaderboardEntry, LeaderboardQuery } from "./leaderboard-store";

export type LeaderboardLine = RankedRow<LeaderboardEntry> & {
  /** False: this audience sees the row's rank, not its amount. */
  showAmount: boolean;
  /** The reader's own row (their partner, or themselves with scope people). */
  mine: boolean;
};

export interface LeaderboardResult {
  period: ResolvedPeriod;
  metric: Metric;
  scope: Scope;
  region: string | null;
  tier: string | null;
  chart: boolean;
  reportingCurrency: string;
  top: LeaderboardLine[];
  /** The reader's own row when it is outside the top. */
  caller: LeaderboardLine | null;
  /** Null when too little data (win rate) or when this audience may not see every amount. */
  total: number | null;
  unpriced: number;
  unpricedCurrencies: string[];
  /** Some rows show their rank only for this audience. */
  hiddenAmounts: boolean;
  /** Goals for this metric and period the audience may see, in the rows' unit. */
  goalLines: { label: string; value: number }[];
  /** The arguments written out in full ("month revenue people region:EMEA"). */
  argsText: string;
}

/** Who reads the answer and which partner (or person) is theirs. */
export interface LeaderboardReader {
  audience: LeaderboardAudience;
  ownPartnerId: number | null;
  /** Scope people: the reader's own Slack user id. */
  userId: string | null;
}

/** The leaderboard for `args` at `now`, as `reader` may see it. */
export async function buildLeaderboard(
  store: Store,
  workspace: WorkspaceRecord,
  args: LeaderboardArgs,
  reader: LeaderboardReader,
  now: Date,
): Promise<LeaderboardResult> {
  const period = resolvePeriod(args.period, now, workspace.timezone, workspace.weekStartsOn);
  const base: Omit<LeaderboardQuery, "start" | "end"> = {
    workspaceId: workspace.id,
    metric: args.metric,
    scope: args.scope,
    timeZone: workspace.timezone,
    reportingCurrency: workspace.reportingCurrency,
    now,
    ...(args.region !== undefined && { region: args.region }),
    ...(args.tier !== undefined && { tier: args.tier }),
  };
  const [current, previous] = await Promise.all([
    store.leaderboard.scores({ ...base, start: period.start, end: period.end }),
    period.previous === null
      ? null
      : store.leaderboard.scores({ ...base, start: period.previous.start, end: period.previous.end }),
  ]);
  const callerKey =
    args.scope === "people"
      ? reader.userId === null
        ? null
        : personKey(reader.userId)
      : reader.ownPartnerId === null
        ? null
        : partnerKey(reader.ownPartnerId);
  // All time has no period before it: every row holds its place rather than showing as new.
  const { top, caller } = leaderboardRows(current.entries, previous?.entries ?? current.entries, callerKey);
  const setting = workspace.leaderboardAmounts;
  const line = (row: RankedRow<LeaderboardEntry>): LeaderboardLine => ({
    ...row,
    showAmount: amountVisible(reader.audience, setting, args.metric, row.partnerId),
    mine: row.key === callerKey,
  });
  const topLines = top.map(line);
  const callerLine = caller === null ? null : line(caller);
  const everything = !isMoneyMetric(args.metric) || seesEveryAmount(reader.audience, setting);
  const shownPartners = [...topLines, ...(callerLine ? [callerLine] : [])].flatMap((row) =>
    row.partnerId === null ? [] : [{ id: row.partnerId, name: row.name }],
  );
  const goalLines =
    args.scope === "partners"
      ? await goalLinesFor(store, workspace, {
          metric: args.metric,
          period,
          tier: args.tier ?? null,
          // Other partners' targets are theirs to know, as their amounts are.
          partners: everything ? shownPartners : await ownPartner(store, workspace.id, reader.ownPartnerId),
          book: () => ratesBook(store, workspace),
          now,
        })
      : [];
  return {
    period,
    metric: args.metric,
    scope: args.scope,
    region: args.region ?? null,
    tier: args.tier ?? null,
    chart: args.chart,
    reportingCurrency: workspace.reportingCurrency,
    top: topLines,
    caller: callerLine,
    // The sum less one's own would tell the others' amounts.
    total: everything ? current.total : null,
    unpriced: current.unpriced,
    unpricedCurrencies: current.unpricedCurrencies,
    hiddenAmounts: [...topLines, ...(callerLine ? [callerLine] : [])].some((row) => !row.showAmount),
    goalLines,
    argsText: formatLeaderboardArgs(args),
  };
}

async function ratesBook(store: Store, workspace: WorkspaceRecord): Promise<RateBook> {
  return new RateBook(workspace.reportingCurrency, await store.leaderboard.rates(workspace.id), workspace.timezone);
}

async function ownPartner(
  store: Store,
  workspaceId: number,
  partnerId: number | null,
): Promise<{ id: number; name: string }[]> {
  if (partnerId === null) return [];
  const partner = await store.partners.findById(workspaceId, partnerId);
  return partner === null ? [] : [{ id: partner.id, name: partner.name }];
}
