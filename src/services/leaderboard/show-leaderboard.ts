import { formatAmount } from "../../domain/deals/currency";
import { leaderboardArgsFromJson } from "../../domain/leaderboard/args-text";
import type { LeaderboardArgs } from "../../domain/leaderboard/metrics";
import { resolvePeriod } from "../../domain/leaderboard/periods";
import { rankRows } from "../../domain/leaderboard/ranking";
import { audienceFromJson } from "../../domain/leaderboard/visibility";
import { canManageProgram } from "../../domain/partners/roles";
import type { Actor } from "../access-service";
import type { Clock } from "../clock";
import type { Store } from "../store";
import { type LeaderboardWhere, viewerOf } from "./leaderboard-audience";
import { buildLeaderboard, type LeaderboardResult } from "./leaderboard-result";
import { partnerScores } from "./partner-scores";

/** What every leaderboard use case runs on. */
export interface LeaderboardContext {
  store: Store;
  clock: Clock;
}

/** The ephemeral answer to `/leaderboard …` (or a button), as the person asking may see it. */
export async function showLeaderboard(
  context: LeaderboardContext,
  actor: Actor,
  args: LeaderboardArgs,
  where?: LeaderboardWhere,
): Promise<LeaderboardResult> {
  const { audience, ownPartnerId } = await viewerOf(context.store, actor, where);
  return buildLeaderboard(
    context.store,
    actor.workspace,
    args,
    { audience, ownPartnerId, userId: actor.userId },
    context.clock(),
  );
}

/**
 * A posted leaderboard as the outbox renderer draws it at delivery, for the audience recorded
 * when it was posted, over the period as it was then; null when the subject or workspace is gone.
 */
export async function leaderboardForMessage(
  context: LeaderboardContext,
  workspaceId: number,
  subject: Record<string, unknown>,
): Promise<LeaderboardResult | null> {
  const args = leaderboardArgsFromJson(subject.args);
  if (args === null) return null;
  const workspace = await context.store.workspaces.findById(workspaceId);
  if (workspace === null) return null;
  const audience = audienceFromJson(subject.audience);
  const at = typeof subject.at === "string" ? new Date(subject.at) : null;
  const now = at !== null && !Number.isNaN(at.getTime()) ? at : context.clock();
  const ownPartnerId = audience.kind === "partner" ? audience.partnerId : null;
  // A channel reads it, not one person: no row is "mine" but the tied partner's.
  return buildLeaderboard(context.store, workspace, args, { audience, ownPartnerId, userId: null }, now);
}

export interface HomeSummary {
  rank: number | null;
  of: number;
  metric: "revenue";
  periodLabel: string;
  value: string | null;
}

/** App Home: the caller's company's rank by revenue this quarter; null for people in no partner and for managers. */
export async function leaderboardHomeSummary(context: LeaderboardContext, actor: Actor): Promise<HomeSummary | null> {
  const partnerId = actor.member.partnerId;
  if (partnerId === null || canManageProgram(actor.role)) return null;
  const { workspace } = actor;
  const now = context.clock();
  const period = resolvePeriod({ kind: "quarter" }, now, workspace.timezone, workspace.weekStartsOn);
  const scores = await partnerScores(context.store, workspace, "revenue", period, now);
  const ranked = rankRows(scores.entries).filter((row) => row.rank !== null);
  const own = ranked.find((row) => row.partnerId === partnerId);
  return {
    rank: own?.rank ?? null,
    of: ranked.length,
    metric: "revenue",
    periodLabel: period.label,
    value: own?.value == null ? null : formatAmount(own.value, workspace.reportingCurrency),
  };
}
