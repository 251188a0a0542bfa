import type { OutboxDraft } from "../outbox/outbox-message";
import type { ShoutoutRecord } from "./recognition-store";

/**
 * Which Slack messages recognition owes, as outbox drafts. The Slack layer renders each kind from
 * the shout-out as it is at delivery (src/slack/outbox/recognition-renderers.ts), so an update only
 * has to say which message to redraw.
 */

export const RECOGNITION_MESSAGE_KINDS = {
  /** The public post: recipients, message, value, award badge and the +1 button. */
  post: "shoutout.post",
  /** A recipient's own copy, in their DM. */
  dm: "shoutout.dm",
  /** Redraws the post (its +1 count). */
  update: "shoutout.update",
  /** A partner's milestone, celebrated in its channel. */
  celebration: "milestone.celebration",
} as const;

export const shoutoutPostKey = (shoutoutId: number) => `shoutout:${shoutoutId}:post`;

/**
 * A new shout-out: the post where it was given when it is announced (else, when the bot is not
 * there, in the giver's DM), and a DM to every person recognized, whether announced or not.
 */
export function givenMessages(shoutout: ShoutoutRecord): OutboxDraft[] {
  const drafts: OutboxDraft[] = [];
  if (shoutout.announce && shoutout.channelId) {
    drafts.push({
      workspaceId: shoutout.workspaceId,
      dedupeKey: shoutoutPostKey(shoutout.id),
      kind: RECOGNITION_MESSAGE_KINDS.post,
      subject: { shoutoutId: shoutout.id },
      action: "post",
      channelId: shoutout.channelId,
      fallbackChannelId: shoutout.fromUserId,
      messageKey: shoutoutPostKey(shoutout.id),
    });
  }
  for (const { userId } of shoutout.recipients) {
    if (userId === null) continue;
    const key = `shoutout:${shoutout.id}:dm:${userId}`;
    drafts.push({
      workspaceId: shoutout.workspaceId,
      dedupeKey: key,
      kind: RECOGNITION_MESSAGE_KINDS.dm,
      subject: { shoutoutId: shoutout.id, userId },
      action: "post",
      channelId: userId,
      messageKey: key,
    });
  }
  return drafts;
}

/** Redraws the post after a +1; `change` names this one +1, so a burst of them is one edit. */
export function plusOneMessage(shoutout: ShoutoutRecord, change: string): OutboxDraft {
  return {
    workspaceId: shoutout.workspaceId,
    dedupeKey: `shoutout:${shoutout.id}:update:${change}`,
    kind: RECOGNITION_MESSAGE_KINDS.update,
    subject: { shoutoutId: shoutout.id },
    action: "update",
    messageKey: shoutoutPostKey(shoutout.id),
  };
}

/** A milestone's celebration, keyed by the milestone so it is owed once. */
export function celebrationMessage(
  milestone: { workspaceId: number; partnerId: number; kind: string; key: string },
  channelId: string,
): OutboxDraft {
  const key = `milestone:${milestone.partnerId}:${milestone.kind}:${milestone.key}`;
  return {
    workspaceId: milestone.workspaceId,
    dedupeKey: key,
    kind: RECOGNITION_MESSAGE_KINDS.celebration,
    subject: { partnerId: milestone.partnerId, kind: milestone.kind, key: milestone.key },
    action: "post",
    channelId,
    messageKey: key,
  };
}
