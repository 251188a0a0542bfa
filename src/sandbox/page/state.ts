import type { ChannelView, Entered, SandboxState } from "../sandbox-protocol";
import type { RenderContext } from "./render-context";

/**
 * What the page holds: where the person is (kept in localStorage across reloads), the last state
 * the server sent, and what they typed but did not send yet.
 */

export type Surface = "channel" | "app";

export interface Ui {
  user: string;
  channel: string | undefined;
  surface: Surface;
  appTab: "home" | "messages";
  thread: string | undefined;
}

const STORAGE_KEY = "partner-hub-sandbox";

function loadUi(): Ui {
  const fallback: Ui = { user: "U0ADMIN", channel: "C0SALES", surface: "channel", appTab: "home", thread: undefined };
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}") as Partial<Ui>;
    return { ...fallback, ...saved, thread: undefined };
  } catch {
    return fallback;
  }
}

export const ui = loadUi();

export function saveUi(): void {
  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({ user: ui.user, channel: ui.channel, surface: ui.surface, appTab: ui.appTab }),
  );
}

export const session: {
  /** The last state the server sent; undefined until the first answer. */
  state: SandboxState | undefined;
  switcherOpen: boolean;
  /** The live stream (/sandbox/events) is connected. */
  live: boolean;
  /** The app's Home or Messages tab was just opened: Slack tells the app once per opening. */
  announceApp: boolean;
  /** A followed permalink's message, to scroll to and flash once it is drawn (until `until`). */
  reveal: { ts: string; inThread: boolean; until: number } | undefined;
  /** The admin's "Run scheduled jobs now" is under way. */
  runningJobs: boolean;
} = {
  state: undefined,
  switcherOpen: false,
  live: false,
  announceApp: ui.surface === "app",
  reveal: undefined,
  runningJobs: false,
};

/** What the person entered in each open view, so an update of the view keeps it. */
export const viewDrafts = new Map<string, Entered>();
/** Unsent composer text, by person and channel. */
export const composerDrafts = new Map<string, string>();
/** How many messages each person has seen in each channel, for the unread badges. */
const seen = new Map<string, number>();

export function dmChannel(): ChannelView | undefined {
  return session.state?.channels.find((channel) => channel.kind === "dm");
}

/** The channel whose messages the main pane shows (the DM on the app's Messages tab). */
export function paneChannelId(): string | undefined {
  if (ui.surface === "app") return ui.appTab === "messages" ? dmChannel()?.id : undefined;
  return ui.channel;
}

export function unreadCount(channel: ChannelView): number {
  const key = `${ui.user}:${channel.id}`;
  if (!seen.has(key)) seen.set(key, channel.messageCount);
  return Math.max(0, channel.messageCount - (seen.get(key) ?? 0));
}

/** Names of the people and channels that message text mentions, for the renderers. */
export function renderContext(current: SandboxState): RenderContext {
  const users: RenderContext["users"] = {};
  for (const user of current.users) {
    users[user.id] = { name: user.name, realName: user.realName, external: user.teamId !== current.team.id };
  }
  const channels: Record<string, string> = {};
  for (const channel of current.allChannels) channels[channel.id] = channel.name;
  const me = current.users.find((user) => user.id === current.me.userId);
  return { users, channels, me: current.me.userId, timeZone: me?.tz };
}

/** The person has now seen every message of the channel on screen. */
export function markSeen(channel: ChannelView): void {
  seen.set(`${ui.user}:${channel.id}`, channel.messageCount);
}
