/** The records the fake Slack keeps and hands to tests, the sandbox and benchmarks. */

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  at: number;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  threadTs?: string | undefined;
  user: string;
  botId?: string | undefined;
  text: string;
  blocks: unknown[];
  /** Set for ephemeral messages: only this user sees it. */
  visibleTo?: string | undefined;
  replyCount: number;
  edited?: boolean;
  /** Ids of the files shared with the message (files.completeUploadExternal with a channel). */
  files?: string[] | undefined;
}

export interface FakeView {
  id: string;
  userId: string;
  hash: string;
  view: Record<string, unknown>;
  rootViewId: string;
  previousViewId: string | null;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  channel: string;
  userId: string;
}

/** What of the fake Slack outlives a restart (the sandbox keeps it in a file): see snapshot(). */
export interface FakeSlackSnapshot {
  version: 1;
  sequence: number;
  clock: number;
  messages: FakeMessage[];
  homeTabs: Record<string, Record<string, unknown>>;
  /** The app's DM channels, created on first use. */
  dms: { id: string; user: string }[];
}

export type Failure =
  | { kind: "error"; error: string }
  | { kind: "rateLimited"; retryAfterSeconds: number }
  | { kind: "http"; status: number }
  | { kind: "slow"; ms: number };

/** Slack's posting limits, enforced when a test or benchmark asks for them (see RateLimiter). */
export interface RateLimits {
  /** chat.postMessage per channel per second: Slack allows about 1. */
  perChannelPerSecond: number;
  /** chat.postMessage per second across the workspace; unlimited when left out. */
  workspacePerSecond?: number | undefined;
}

/** What a page of the fake Slack changed; the sandbox page redraws on it. */
export type FakeSlackChange =
  | { kind: "message"; channel: string }
  | { kind: "response"; channel: string }
  | { kind: "home"; userId: string }
  | { kind: "modal"; userId: string }
  | { kind: "restore" };

/** Slack's own user id for Slackbot, the author of Slack's notes to a person. */
export const SLACKBOT_USER_ID = "USLACKBOT";
