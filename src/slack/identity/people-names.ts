import type { WebClient } from "@slack/web-api";
import type { LeaderboardLine, LeaderboardResult } from "../../services/leaderboard";

/** How long a looked-up name is trusted: people rarely rename themselves, and a stale name only reads oddly. */
const NAME_TTL_MS = 60 * 60 * 1000;
const MAX_CACHED = 10_000;
const names = new Map<string, { name: string; until: number }>();

/** A person's name as Slack shows it (display name, else real name, else handle); null when Slack won't say. */
async function nameOf(client: WebClient, userId: string): Promise<string | null> {
  const cached = names.get(userId);
  if (cached && cached.until > Date.now()) return cached.name;
  try {
    const { user } = await client.users.info({ user: userId });
    const name = user?.profile?.display_name || user?.real_name || user?.name || null;
    if (name) {
      names.delete(userId);
      names.set(userId, { name, until: Date.now() + NAME_TTL_MS });
      if (names.size > MAX_CACHED) {
        const oldest = names.keys().next().value;
        if (oldest !== undefined) names.delete(oldest);
      }
    }
    return name;
  } catch {
    return null;
  }
}

/** Slack names of these people, as far as Slack tells them (a person it won't name is left out). */
export async function namesOf(client: WebClient, userIds: readonly string[]): Promise<Map<string, string>> {
  const found = await Promise.all(userIds.map(async (userId) => [userId, await nameOf(client, userId)] as const));
  return new Map(found.filter((entry): entry is readonly [string, string] => entry[1] !== null));
}

/**
 * People the program knows only by their Slack id get their Slack name, so a leaderboard posted
 * to a channel or drawn as a chart names them without mentioning (and pinging) anyone.
 */
export async function withPeopleNames(client: WebClient, result: LeaderboardResult): Promise<LeaderboardResult> {
  const named = async (line: LeaderboardLine): Promise<LeaderboardLine> => {
    if (line.userId === null || line.name !== line.userId) return line;
    const name = await nameOf(client, line.userId);
    return name ? { ...line, name } : line;
  };
  const [top, caller] = await Promise.all([Promise.all(result.top.map(named)), result.caller && named(result.caller)]);
  return { ...result, top, caller };
}
