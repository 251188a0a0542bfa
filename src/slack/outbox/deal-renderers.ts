import { UNDECIDED_STATUSES } from "../../domain/deals/registration";
import { workingDaysBetween } from "../../domain/shared/working-days";
import type { Services } from "../../services";
import { DEAL_MESSAGE_KINDS, type DealNotice } from "../../services/deals/deal-messages";
import type { OutboxRow } from "../../services/outbox/outbox-message";
import type { DealRecord } from "../../services/records";
import {
  approvalMessage,
  dealCardMessage,
  decisionNotice,
  expiredNotice,
  extensionDecidedNotice,
  extensionRequestMessage,
  reminderNotice,
  stageNotice,
} from "../views/deal-message-view";
import {
  answeredNotice,
  approvalReminderMessage,
  conflictLostNotice,
  editedNotice,
  resubmittedNotice,
} from "../views/deal-notice-view";
import type { Message } from "../views/message";
import type { Renderers } from "./renderer";

function noticeMessage(deal: DealRecord, notice: DealNotice): Message {
  switch (notice.type) {
    case "decision":
      return decisionNotice(deal, notice.decision, notice.by);
    case "stage":
      return stageNotice(deal, notice.by);
    case "extension_decided":
      return extensionDecidedNotice(deal, notice.approved, notice.by);
    case "reminder":
      return reminderNotice(deal);
    case "expired":
      return expiredNotice(deal);
    case "conflict_lost":
      return conflictLostNotice(deal, notice.winnerDealId, notice.by);
    case "answered":
      return answeredNotice(deal, notice.by, notice.answer);
    case "resubmitted":
      return resubmittedNotice(deal, notice.by, notice.changes);
    case "edited":
      return editedNotice(deal, notice.by, notice.changes);
  }
}

/** The ids a reminder names; anything else in the subject is ignored. */
function dealIdsOf(row: OutboxRow): number[] {
  const ids = row.subject.dealIds;
  return Array.isArray(ids) ? ids.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0) : [];
}

/** The deal's messages, drawn from the deal as it is when they are delivered. */
export function dealRenderers(services: Services): Renderers {
  const dealOf = (row: OutboxRow) => services.deals.forMessage(row.workspaceId, Number(row.subject.dealId));
  const withDeal =
    (render: (deal: DealRecord, row: OutboxRow) => Message | Promise<Message>) =>
    async (row: OutboxRow): Promise<Message | null> => {
      const deal = await dealOf(row);
      return deal && render(deal, row);
    };
  return {
    [DEAL_MESSAGE_KINDS.card]: withDeal((deal) => dealCardMessage(deal)),
    [DEAL_MESSAGE_KINDS.approval]: async (row) => {
      const approval = await services.deals.approvalContextOf(row.workspaceId, Number(row.subject.dealId));
      if (!approval) return null;
      return approvalMessage(approval.deal, {
        rivals: approval.rivals,
        exchanges: approval.exchanges,
        now: services.clock(),
      });
    },
    [DEAL_MESSAGE_KINDS.notice]: withDeal((deal, row) => noticeMessage(deal, row.subject.notice as DealNotice)),
    [DEAL_MESSAGE_KINDS.extensionRequest]: withDeal((deal, row) =>
      extensionRequestMessage(deal, String(row.subject.by)),
    ),
    [DEAL_MESSAGE_KINDS.approvalReminder]: async (row) => {
      const now = services.clock();
      const deals = await Promise.all(dealIdsOf(row).map((id) => services.deals.forMessage(row.workspaceId, id)));
      // Decided between the reminder's writing and its delivery: no longer waiting.
      const waiting = deals
        .filter((deal): deal is DealRecord => deal !== null && UNDECIDED_STATUSES.includes(deal.status))
        .map((deal) => ({ deal, workingDays: workingDaysBetween(deal.createdAt, now, deal.timezone) }));
      if (waiting.length === 0) return null;
      const total = Number(row.subject.total);
      // Those decided since are not counted either: the reminder is about what still waits.
      const stillWaiting = Number.isSafeInteger(total) ? total - (deals.length - waiting.length) : waiting.length;
      return approvalReminderMessage(waiting, stillWaiting);
    },
  };
}
