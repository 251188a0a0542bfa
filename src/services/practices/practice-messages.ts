import type { OutboxDraft } from "../outbox/outbox-message";
import type { PracticeRecord } from "./practice-store";

/**
 * Which Slack messages a practice change owes, as outbox drafts. The Slack layer renders
 * `practice.card` from the practice as it is at delivery (src/slack/outbox/practice-renderers.ts),
 * so an update only has to say which message to redraw.
 */

export const PRACTICE_MESSAGE_KINDS = {
  /** The practice's card: author, text, tags and the Helpful button. */
  card: "practice.card",
} as const;

export const practiceCardKey = (practiceId: number) => `practice:${practiceId}:card`;
export const practiceShareKey = (practiceId: number, key: string) => `practice:${practiceId}:share:${key}`;

/** A new practice: its card where it was shared, else (or when the bot is not there) the author's DM. */
export function sharedMessage(practice: PracticeRecord): OutboxDraft {
  return {
    workspaceId: practice.workspaceId,
    dedupeKey: practiceCardKey(practice.id),
    kind: PRACTICE_MESSAGE_KINDS.card,
    subject: { practiceId: practice.id },
    action: "post",
    channelId: practice.channelId ?? practice.authorId,
    fallbackChannelId: practice.channelId ? practice.authorId : null,
    messageKey: practiceCardKey(practice.id),
  };
}

/**
 * Redraws the card, and every copy shared to another channel, after a vote, an edit or the
 * deletion. `change` names this one change, so every change is owed once; a later update
 * supersedes one not yet sent (a burst of votes is one edit).
 */
export function cardUpdateMessages(
  practice: PracticeRecord,
  change: string,
  copyKeys: readonly string[],
): OutboxDraft[] {
  return [practiceCardKey(practice.id), ...copyKeys].map((messageKey) => ({
    workspaceId: practice.workspaceId,
    dedupeKey: `${messageKey}:update:${change}`,
    kind: PRACTICE_MESSAGE_KINDS.card,
    subject: { practiceId: practice.id },
    action: "update",
    messageKey,
  }));
}

/** The keys of the copies posted with Share to channel: each is redrawn with the card. */
export const practiceCopiesPrefix = (practiceId: number) => `practice:${practiceId}:share:`;

/**
 * A copy of the card posted to another channel on request; `key` identifies the request, so a
 * repeated click posts once. When the bot is not in that channel, the copy goes to whoever asked.
 */
export function shareCopyMessage(practice: PracticeRecord, channelId: string, key: string, by: string): OutboxDraft {
  return {
    workspaceId: practice.workspaceId,
    dedupeKey: practiceShareKey(practice.id, key),
    kind: PRACTICE_MESSAGE_KINDS.card,
    subject: { practiceId: practice.id },
    action: "post",
    channelId,
    fallbackChannelId: by,
    messageKey: practiceShareKey(practice.id, key),
  };
}
