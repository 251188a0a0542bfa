import { type LeaderboardAudience, viewerAudience } from "../../domain/leaderboard/visibility";
import { canManageProgram } from "../../domain/partners/roles";
import type { Actor } from "../access-service";
import type { Store } from "../store";

/** Where an answer is asked for: the channel of the command or button, and whether it is shared with another organization. */
export interface LeaderboardWhere {
  channelId: string | null;
  shared: boolean;
}

/**
 * Who reads an ephemeral answer and which row is theirs. A person in no partner who asks from a
 * channel tied to one reads what a post there would show them (that partner's own amounts).
 */
export async function viewerOf(
  store: Store,
  actor: Actor,
  where: LeaderboardWhere | undefined,
): Promise<{ audience: LeaderboardAudience; ownPartnerId: number | null }> {
  let channelPartnerId: number | null = null;
  if (actor.member.partnerId === null && !canManageProgram(actor.role) && where?.channelId) {
    channelPartnerId = (await store.partners.findByChannel(actor.workspace.id, where.channelId))?.id ?? null;
  }
  const audience = viewerAudience({ role: actor.role, partnerId: actor.member.partnerId, channelPartnerId });
  return { audience, ownPartnerId: actor.member.partnerId ?? channelPartnerId };
}
