import type { FieldChange } from "../../domain/deals/deal-edit";
import type { Decision } from "../../domain/deals/registration";
import type { OutboxDraft } from "../outbox/outbox-message";
import type { DealRecord } from "../records";

/**
 * Which Slack messages a deal change owes, as outbox drafts. The Slack layer renders each kind
 * from the deal as it is at delivery (src/slack/outbox/deal-renderers.ts).
 */

export type { FieldChange };

export const DEAL_MESSAGE_KINDS = {
  /** The deal's own message, where the partner moves it forward. */
  card: "deal.card",
  /** The request in the approvals channel, with the decision buttons. */
  approval: "deal.approval",
  /** A short note to the partner (DM and the card's thread). */
  notice: "deal.notice",
  /** A partner asks a manager to extend protection. */
  extensionRequest: "deal.extension_request",
  /** To the approvals channel: registrations waiting longer than the program allows. subject: { dealIds } */
  approvalReminder: "deal.approval_reminder",
} as const;

export type DealNotice =
  | { type: "decision"; decision: Decision; by: string }
  | { type: "stage"; by: string }
  | { type: "extension_decided"; approved: boolean; by: string }
  | { type: "reminder" }
  | { type: "expired" }
  /** To the partner whose registration lost a conflict: `winnerDealId` now holds the customer. */
  | { type: "conflict_lost"; winnerDealId: number; by: string }
  /** To the manager who asked (DM) and in the approval card's thread: the partner answered. */
  | { type: "answered"; by: string; answer: string }
  /** In the approval card's thread: a rejected registration came back corrected. */
  | { type: "resubmitted"; by: string; changes: FieldChange[] }
  /** In the card's thread: someone edited the deal. */
  | { type: "edited"; by: string; changes: FieldChange[] };

export const dealCardKey = (dealId: number) => `deal:${dealId}:card`;
export const dealApprovalKey = (dealId: number) => `deal:${dealId}:approval`;

/** Slack's DM conversations start with D; a thread there would repeat the DM. */
const isDirectMessage = (channel: string) => channel.startsWith("D");

/** A new registration: its card where it was registered (else the partner's DM), and the approval request. */
export function registeredMessages(deal: DealRecord, approvalsChannel: string | null): OutboxDraft[] {
  const subject = { dealId: deal.id };
  const drafts: OutboxDraft[] = [
    {
      workspaceId: deal.workspaceId,
      dedupeKey: dealCardKey(deal.id),
      kind: DEAL_MESSAGE_KINDS.card,
      subject,
      action: "post",
      channelId: deal.channelId ?? deal.createdBy,
      // Not every channel has the bot in it: the card then goes to the partner's DM.
      fallbackChannelId: deal.channelId ? deal.createdBy : null,
      messageKey: dealCardKey(deal.id),
    },
  ];
  if (approvalsChannel) {
    drafts.push({
      workspaceId: deal.workspaceId,
      dedupeKey: dealApprovalKey(deal.id),
      kind: DEAL_MESSAGE_KINDS.approval,
      subject,
      action: "post",
      channelId: approvalsChannel,
      messageKey: dealApprovalKey(deal.id),
    });
  }
  return drafts;
}

/** Brings the card (and, with `approval`, the approval request) up to date after event `eventId`. */
export function redrawMessages(deal: DealRecord, eventId: number, options: { approval: boolean }): OutboxDraft[] {
  const update = (kind: string, key: string): OutboxDraft => ({
    workspaceId: deal.workspaceId,
    dedupeKey: `deal-event:${eventId}:${kind}`,
    kind,
    subject: { dealId: deal.id },
    action: "update",
    messageKey: key,
  });
  const drafts = [update(DEAL_MESSAGE_KINDS.card, dealCardKey(deal.id))];
  if (options.approval) drafts.push(update(DEAL_MESSAGE_KINDS.approval, dealApprovalKey(deal.id)));
  return drafts;
}

/** A note to whoever registered the deal: in their DM, and in the thread of the card's channel. */
export function tellPartnerMessages(deal: DealRecord, eventId: number, notice: DealNotice): OutboxDraft[] {
  const subject = { dealId: deal.id, notice };
  const drafts: OutboxDraft[] = [
    {
      workspaceId: deal.workspaceId,
      dedupeKey: `deal-event:${eventId}:dm`,
      kind: DEAL_MESSAGE_KINDS.notice,
      subject,
      action: "post",
      channelId: deal.createdBy,
    },
  ];
  if (deal.channelId && !isDirectMessage(deal.channelId)) {
    // Only where the card is: when it fell back to the DM, the DM above already says it.
    drafts.push({
      workspaceId: deal.workspaceId,
      dedupeKey: `deal-event:${eventId}:thread`,
      kind: DEAL_MESSAGE_KINDS.notice,
      subject,
      action: "post",
      channelId: deal.channelId,
      threadKey: dealCardKey(deal.id),
    });
  }
  return drafts;
}

/** A note in the card's own thread, wherever the card is. */
export function cardThreadMessage(deal: DealRecord, eventId: number, notice: DealNotice): OutboxDraft {
  return {
    workspaceId: deal.workspaceId,
    dedupeKey: `deal-event:${eventId}:thread`,
    kind: DEAL_MESSAGE_KINDS.notice,
    subject: { dealId: deal.id, notice },
    action: "post",
    channelId: null,
    threadKey: dealCardKey(deal.id),
  };
}

export function extensionRequestMessage(
  deal: DealRecord,
  eventId: number,
  by: string,
  approvalsChannel: string | null,
): OutboxDraft[] {
  if (!approvalsChannel) return [];
  return [
    {
      workspaceId: deal.workspaceId,
      dedupeKey: `deal-event:${eventId}:extension-request`,
      kind: DEAL_MESSAGE_KINDS.extensionRequest,
      subject: { dealId: deal.id, by },
      action: "post",
      channelId: approvalsChannel,
    },
  ];
}
