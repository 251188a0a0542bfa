import type { Metric } from "../../domain/leaderboard/metrics";
import type { WorkspaceRecord } from "../records";
import type { Store } from "../store";
import type { LeaderboardScores } from "./leaderboard-store";

/**
 * One metric for every partner of the workspace over [start, end), in its zone and reporting
 * currency: what goals, the Home's rank and the partner export each need from the leaderboard.
 * With `partnerId`, only that partner's row (a partner card or scorecard reads one company).
 */
export function partnerScores(
  store: Store,
  workspace: WorkspaceRecord,
  metric: Metric,
  span: { start: Date | null; end: Date },
  now: Date,
  partnerId?: number,
): Promise<LeaderboardScores> {
  return store.leaderboard.scores({
    workspaceId: workspace.id,
    metric,
    scope: "partners",
    start: span.start,
    end: span.end,
    timeZone: workspace.timezone,
    reportingCurrency: workspace.reportingCurrency,
    now,
    ...(partnerId !== undefined && { partnerId }),
  });
}
