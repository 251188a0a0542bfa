/**
 * Slack's message permalinks (chat.getPermalink), read back so the page can follow one to its
 * message as Slack's client does instead of opening slack.com. Pure: tested without a browser.
 */

export interface PermalinkTarget {
  channel: string;
  ts: string;
  /** Set for a reply: the thread it belongs to. */
  threadTs?: string | undefined;
}

const PATH = /^\/archives\/([CGD][A-Z0-9]+)\/p(\d{10})(\d{6})$/;

/** The message a permalink of the team `domain` points at; undefined for any other link. */
export function parsePermalink(url: string, domain: string): PermalinkTarget | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" || parsed.hostname !== `${domain}.slack.com`) return undefined;
  const match = PATH.exec(parsed.pathname);
  if (!match) return undefined;
  const [, channel = "", seconds = "", sequence = ""] = match;
  const ts = `${seconds}.${sequence}`;
  const thread = parsed.searchParams.get("thread_ts");
  const threadTs = thread && /^\d{10}\.\d{6}$/.test(thread) && thread !== ts ? thread : undefined;
  return { channel, ts, ...(threadTs && { threadTs }) };
}
