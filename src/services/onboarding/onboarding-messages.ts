import type { OutboxDraft } from "../outbox/outbox-message";

/**
 * Which Slack messages onboarding owes, as outbox drafts; the Slack layer renders each kind from
 * the partner and its steps as they are at delivery (src/slack/outbox/onboarding-renderers.ts).
 */

export const ONBOARDING_MESSAGE_KINDS = {
  /** "Acme finished onboarding": in the partner's own channel, else the approvals channel. */
  finished: "onboarding.finished",
} as const;

/** A partner finishes onboarding once: the key makes a repeated finish a no-op. */
export function finishedMessage(workspaceId: number, partnerId: number, channelId: string): OutboxDraft {
  const key = `onboarding:${partnerId}:finished`;
  return {
    workspaceId,
    dedupeKey: key,
    kind: ONBOARDING_MESSAGE_KINDS.finished,
    subject: { partnerId },
    action: "post",
    channelId,
    messageKey: key,
  };
}
