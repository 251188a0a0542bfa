/**
 * What the app owes Slack, as the services write it: which message (`kind` + `subject`, rendered
 * by the Slack layer at delivery), where, and the key that makes a repeat a no-op.
 */

export type OutboxAction = "post" | "update";
export type OutboxStatus = "pending" | "sent" | "failed" | "skipped" | "superseded";

export interface OutboxDraft {
  workspaceId: number;
  /** Unique per message ever owed: writing the same key twice records it once. */
  dedupeKey: string;
  /** Which renderer draws it (e.g. `deal.card`). */
  kind: string;
  /** The ids and facts the renderer needs; JSON. */
  subject: Record<string, unknown>;
  action: OutboxAction;
  /** post: where it goes; null with `threadKey` = in the thread's own channel. */
  channelId?: string | null;
  /** post: where it goes instead when `channelId` refuses it (the bot is not in that channel). */
  fallbackChannelId?: string | null;
  /** post: the name of the message it creates; update: the message it changes. */
  messageKey?: string | null;
  /** post: reply in the thread of the message with this key (waits until that one is posted). */
  threadKey?: string | null;
}

export interface OutboxRow extends Required<OutboxDraft> {
  id: number;
  /** The Slack team of the workspace: whose token delivers it. */
  teamId: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentChannel: string | null;
  sentTs: string | null;
  createdAt: Date;
}

/** Where a message ended up in Slack, or why it did not. */
export interface MessageRef {
  status: OutboxStatus;
  channel: string | null;
  ts: string | null;
}

export interface OutboxSummary {
  pending: number;
  /** Oldest message still waiting, or null when none does. */
  oldestPendingAt: Date | null;
  sent: number;
  failed: number;
  /** The most recent failures, newest first. */
  failures: Pick<OutboxRow, "id" | "kind" | "channelId" | "lastError" | "attempts" | "createdAt">[];
}

export interface OutboxRepository {
  /** Inserts the drafts whose dedupe key is new; an update supersedes earlier unsent updates of its message. */
  enqueue(drafts: readonly OutboxDraft[]): Promise<void>;
  /**
   * Rows due at `now` and not claimed by anyone, oldest first (candidates: claim() decides),
   * without those for `skipChannels` (conversations the caller cannot post to now).
   */
  due(now: Date, limit: number, skipChannels?: readonly string[]): Promise<OutboxRow[]>;
  /** Takes a lease on one row; false when another instance has it or it is no longer pending. */
  claim(id: number, owner: string, now: Date, until: Date): Promise<boolean>;
  /** Keys of the messages posted (or still to be posted) whose key starts with `prefix`: a subject's copies. */
  messageKeysStartingWith(workspaceId: number, prefix: string): Promise<string[]>;
  /** The post that created the message named `messageKey`. */
  findMessage(workspaceId: number, messageKey: string): Promise<MessageRef | null>;
  markSent(id: number, ref: { channel: string; ts: string | null }, at: Date): Promise<void>;
  /** Back to pending, unclaimed, due at `at`. */
  release(id: number, patch: { at: Date; attempts?: number; error?: string; channelId?: string }): Promise<void>;
  /** A final state other than sent: failed (with its error) or skipped (with the reason). */
  finish(id: number, status: "failed" | "skipped", error: string): Promise<void>;
  /** A failed row goes back to the queue with a fresh count of attempts; false when it is not failed. */
  retry(workspaceId: number, id: number, now: Date): Promise<boolean>;
  summary(workspaceId: number, failureLimit: number): Promise<OutboxSummary>;
  /**
   * The first moment after `now` when a pending row becomes due or its claim lapses; null when no
   * row will. Rows already due are left out: whoever skipped them is woken when it has room.
   */
  nextDueAt(now: Date): Promise<Date | null>;
}
