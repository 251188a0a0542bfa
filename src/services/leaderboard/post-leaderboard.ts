import { leaderboardArgsKey } from "../../domain/leaderboard/args-text";
import type { LeaderboardArgs } from "../../domain/leaderboard/metrics";
import { channelAudience } from "../../domain/leaderboard/visibility";
import type { Actor } from "../access-service";
import type { LeaderboardContext } from "./show-leaderboard";

export const LEADERBOARD_MESSAGE_KINDS = {
  /** A leaderboard posted to a channel ("Post to channel"), drawn (and its chart uploaded) at delivery. */
  post: "leaderboard.post",
} as const;

/**
 * "Post to channel": the leaderboard goes through the outbox, for the channel's audience (a
 * channel tied to a partner or shared with another organization, or any post by a partner
 * member, hides other partners' amounts). The key holds the minute, so a double click posts once.
 */
export async function postLeaderboard(
  context: LeaderboardContext,
  actor: Actor,
  args: LeaderboardArgs,
  channel: { id: string; shared: boolean },
): Promise<void> {
  const { store } = context;
  const workspaceId = actor.workspace.id;
  const tied = await store.partners.findByChannel(workspaceId, channel.id);
  const audience = channelAudience({ posterRole: actor.role, tiedPartnerId: tied?.id ?? null, shared: channel.shared });
  const now = context.clock();
  const minute = Math.floor(now.getTime() / 60_000);
  const dedupeKey = `leaderboard:${workspaceId}:${channel.id}:${actor.userId}:${leaderboardArgsKey(args)}:${minute}`;
  await store.transaction(async (tx) => {
    await tx.outbox.enqueue([
      {
        workspaceId,
        dedupeKey,
        kind: LEADERBOARD_MESSAGE_KINDS.post,
        subject: { args, requestedBy: actor.userId, channelId: channel.id, audience, at: now.toISOString() },
        action: "post",
        channelId: channel.id,
        messageKey: dedupeKey,
      },
    ]);
  });
}
