import type { OutboxDraft } from "../outbox/outbox-message";
import type { ApplicationRecord } from "../program/program-store";

/**
 * Which Slack messages an application owes, as outbox drafts. The Slack layer renders each kind
 * from the application as it is at delivery (src/slack/outbox/application-renderers.ts), so an
 * update only has to say which message to redraw.
 */

export const APPLICATION_MESSAGE_KINDS = {
  /** The managers' card in the approvals channel, with its Review button. */
  card: "application.card",
  /** Redraws the card (scores, checks, the decision). */
  cardUpdate: "application.card_update",
  /** What the applicant is told: received, approved or declined. */
  applicant: "application.applicant",
} as const;

export type ApplicantEvent = "received" | "approved" | "declined";

export const applicationCardKey = (applicationId: number) => `application:${applicationId}`;

/**
 * Where the applicant hears back: an internal applicant in their DM; an external one (a Slack
 * Connect guest, whose DM with the app may not exist) in the shared channel they applied from,
 * their DM only when that channel refuses it.
 */
function applicantMessage(application: ApplicationRecord, event: ApplicantEvent, reason: string | null): OutboxDraft {
  const key = `application:${application.id}:applicant:${event}`;
  const inChannel = application.external && application.channelId !== null;
  return {
    workspaceId: application.workspaceId,
    dedupeKey: key,
    kind: APPLICATION_MESSAGE_KINDS.applicant,
    subject: { applicationId: application.id, event, ...(reason !== null && { reason }) },
    action: "post",
    channelId: inChannel ? application.channelId : application.applicantUserId,
    fallbackChannelId: inChannel ? application.applicantUserId : null,
    messageKey: key,
  };
}

/** A new application: the managers' card (when there is an approvals channel) and the applicant's receipt. */
export function submittedMessages(application: ApplicationRecord, approvalsChannel: string | null): OutboxDraft[] {
  const drafts: OutboxDraft[] = [];
  if (approvalsChannel !== null) {
    drafts.push({
      workspaceId: application.workspaceId,
      dedupeKey: `${applicationCardKey(application.id)}:card`,
      kind: APPLICATION_MESSAGE_KINDS.card,
      subject: { applicationId: application.id },
      action: "post",
      channelId: approvalsChannel,
      messageKey: applicationCardKey(application.id),
    });
  }
  drafts.push(applicantMessage(application, "received", null));
  return drafts;
}

/** Redraws the card; `change` names this change (a decision, or one saved review) so each is one edit. */
export function cardUpdateMessage(application: ApplicationRecord, change: string): OutboxDraft {
  return {
    workspaceId: application.workspaceId,
    dedupeKey: `${applicationCardKey(application.id)}:update:${change}`,
    kind: APPLICATION_MESSAGE_KINDS.cardUpdate,
    subject: { applicationId: application.id },
    action: "update",
    messageKey: applicationCardKey(application.id),
  };
}

/** Approved or declined: the card shows the decision and the applicant is told, with the reason. */
export function decidedMessages(application: ApplicationRecord, decision: "approved" | "declined"): OutboxDraft[] {
  return [
    cardUpdateMessage(application, decision),
    applicantMessage(application, decision, application.decisionReason),
  ];
}
