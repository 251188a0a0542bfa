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
  }
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
    [DEAL_MESSAGE_KINDS.approval]: withDeal(async (deal) => {
      const conflict = deal.conflictDealId
        ? await services.deals.forMessage(deal.workspaceId, deal.conflictDealId)
        : null;
      return approvalMessage(deal, conflict);
    }),
    [DEAL_MESSAGE_KINDS.notice]: withDeal((deal, row) => noticeMessage(deal, row.subject.notice as DealNotice)),
    [DEAL_MESSAGE_KINDS.extensionRequest]: withDeal((deal, row) =>
      extensionRequestMessage(deal, String(row.subject.by)),
    ),
  };
}
