import type { LeaderboardArgs } from "../../domain/leaderboard/metrics";
import type { Actor } from "../access-service";
import type { LeaderboardWhere } from "./leaderboard-audience";
import { postLeaderboard } from "./post-leaderboard";
import {
  type LeaderboardContext,
  leaderboardForMessage,
  leaderboardHomeSummary,
  showLeaderboard,
} from "./show-leaderboard";

export type { LeaderboardWhere } from "./leaderboard-audience";
export type { LeaderboardLine, LeaderboardResult } from "./leaderboard-result";
export { LEADERBOARD_MESSAGE_KINDS } from "./post-leaderboard";
export type { HomeSummary, LeaderboardContext } from "./show-leaderboard";

/** The leaderboard use cases, bound to their store and clock: what listeners and the outbox renderer call. */
export function createLeaderboardUseCases(context: LeaderboardContext) {
  return {
    show: (actor: Actor, args: LeaderboardArgs, where?: LeaderboardWhere) =>
      showLeaderboard(context, actor, args, where),
    post: (actor: Actor, args: LeaderboardArgs, channel: { id: string; shared: boolean }) =>
      postLeaderboard(context, actor, args, channel),
    forMessage: (workspaceId: number, subject: Record<string, unknown>) =>
      leaderboardForMessage(context, workspaceId, subject),
    homeSummary: (actor: Actor) => leaderboardHomeSummary(context, actor),
  };
}

export type LeaderboardUseCases = ReturnType<typeof createLeaderboardUseCases>;
