import type { WebClient } from "@slack/web-api";

/** What the app needs to know about a channel before it routes content there or names it. */
export interface ChannelFacts {
  /** The channel's name without "#", or null when Slack did not say (a DM, a channel the bot can't see). */
  name: string | null;
  /** Shared with another organization (Slack Connect): content about several partners never goes there. */
  shared: boolean;
}

const UNKNOWN: ChannelFacts = { name: null, shared: false };
/** Names and sharing change rarely; ten minutes bounds how long a renamed channel shows its old name. */
const TTL_MS = 10 * 60 * 1000;
const MAX_CACHED = 5_000;

interface SlackChannel {
  name?: string;
  is_im?: boolean;
  is_mpim?: boolean;
  is_ext_shared?: boolean;
  is_pending_ext_shared?: boolean;
  is_shared?: boolean;
  is_org_shared?: boolean;
}

/** One cache per installation's client: two workspaces can't see each other's channel names. */
const caches = new WeakMap<WebClient, Map<string, { facts: ChannelFacts; until: number }>>();

function factsOf(channel: SlackChannel): ChannelFacts {
  if (channel.is_im || channel.is_mpim) return UNKNOWN;
  // is_shared alone also covers channels shared across an Enterprise Grid org's own workspaces.
  const shared =
    channel.is_ext_shared === true ||
    channel.is_pending_ext_shared === true ||
    (channel.is_shared === true && channel.is_org_shared !== true);
  return { name: channel.name ?? null, shared };
}

/**
 * The name and Slack Connect status of a channel, from conversations.info (cached). A DM or a
 * channel Slack won't describe counts as unknown and not shared, and that answer is not cached.
 */
export async function channelFacts(client: WebClient, channelId: string): Promise<ChannelFacts> {
  if (!/^[CG][A-Z0-9]+$/.test(channelId)) return UNKNOWN;
  let cache = caches.get(client);
  if (!cache) {
    cache = new Map();
    caches.set(client, cache);
  }
  const cached = cache.get(channelId);
  if (cached && cached.until > Date.now()) return cached.facts;
  let facts: ChannelFacts;
  try {
    const answer = await client.conversations.info({ channel: channelId });
    if (!answer.channel) return UNKNOWN;
    facts = factsOf(answer.channel as SlackChannel);
  } catch {
    return UNKNOWN;
  }
  cache.delete(channelId);
  cache.set(channelId, { facts, until: Date.now() + TTL_MS });
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return facts;
}

/** Names for several channels at once (settings, lists): id → name or null. */
export async function channelNames(
  client: WebClient,
  channelIds: (string | null)[],
): Promise<Map<string, string | null>> {
  const ids = [...new Set(channelIds.filter((id): id is string => id !== null))];
  const facts = await Promise.all(ids.map((id) => channelFacts(client, id)));
  return new Map(ids.map((id, i) => [id, facts[i]?.name ?? null]));
}
