import { trimLeaderboard } from "../../domain/digest/digest-rules";
import type { LeaderboardAudience } from "../../domain/leaderboard/visibility";
import { buildLeaderboard, type LeaderboardResult } from "../leaderboard/leaderboard-result";
import type { WorkspaceRecord } from "../records";
import type { Store } from "../store";

/**
 * The week's revenue leaderboard, top 5 with movement against the week before, as `audience` may
 * see it (a partner's digest: other partners' ranks without their amounts). Null when nobody has
 * a ranked row. The week is a range of the digest's local days, resolved in the digest's own zone
 * so the leaderboard covers exactly the days the rest of the digest does.
 */
export async function weekLeaderboard(
  store: Store,
  workspace: WorkspaceRecord,
  input: { first: string; last: string; timeZone: string; audience: LeaderboardAudience; now: Date },
): Promise<LeaderboardResult | null> {
  const ownPartnerId = input.audience.kind === "partner" ? input.audience.partnerId : null;
  const result = await buildLeaderboard(
    store,
    { ...workspace, timezone: input.timeZone },
    {
      period: { kind: "range", first: input.first, last: input.last },
      metric: "revenue",
      scope: "partners",
      chart: true,
    },
    // A channel reads it, not one person: no row is "mine" but the tied partner's.
    { audience: input.audience, ownPartnerId, userId: null },
    input.now,
  );
  if (result.top.length === 0) return null;
  return { ...result, ...trimLeaderboard(result.top, result.caller) };
}
