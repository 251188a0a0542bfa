import { checkAnswer, answerInfo as checkAnswerable } from "../../domain/deals/registration";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { OutboxDraft } from "../outbox/outbox-message";
import type { DealRecord } from "../records";
import type { DealContext } from "./deal-context";
import { DEAL_MESSAGE_KINDS, type DealNotice, dealApprovalKey, redrawMessages } from "./deal-messages";
import { liveRivals } from "./deal-rivals";

/**
 * The deal as its own partner sees it: the company's people and whoever registered it (a
 * manager registering on a partner's behalf). Anyone else is told it does not exist, as elsewhere.
 */
export async function ownDeal(context: DealContext, actor: Actor, dealId: number): Promise<DealRecord> {
  const deal = await context.store.deals.findById(actor.workspace.id, dealId);
  const own =
    deal !== null &&
    ((actor.member.partnerId !== null && actor.member.partnerId === deal.partnerId) || deal.createdBy === actor.userId);
  if (!own) throw new DomainError("deal_not_found", { id: dealId });
  return deal;
}

/**
 * The partner answers a manager's question: the registration goes back to the managers (as a
 * conflict again when a rival stands in the way), the answer is kept as a deal event, and the
 * manager who asked hears it in a DM and in the approval card's thread. The question itself lives
 * in the request_info event, so the decision fields are cleared for the next decision.
 */
export async function answerInfo(
  context: DealContext,
  actor: Actor,
  dealId: number,
  answer: string,
): Promise<DealRecord> {
  const seen = await ownDeal(context, actor, dealId);
  checkAnswerable(seen.status);
  const text = checkAnswer(answer);
  const now = context.clock();
  return context.store.transaction(async (tx) => {
    await tx.workspaces.lock(actor.workspace.id);
    const deal = await tx.deals.findById(actor.workspace.id, dealId);
    if (!deal) throw new DomainError("deal_not_found", { id: dealId });
    const rivals = await liveRivals(tx, deal, now);
    const status = checkAnswerable(deal.status, rivals.length > 0);
    const changed = await tx.deals.update(
      deal.id,
      { status: "info_requested" },
      {
        status,
        ...(rivals.length > 0 && deal.conflictDealId === null && { conflictDealId: (rivals[0] as DealRecord).id }),
        decisionNote: null,
        decidedBy: null,
        decidedAt: null,
      },
    );
    if (!changed) throw new DomainError("not_waiting_for_answer", { status: deal.status });
    const eventId = await tx.deals.addEvent({
      at: now,
      dealId: deal.id,
      actor: actor.userId,
      type: "info_answered",
      data: { question: deal.decisionNote, answer: text, askedBy: deal.decidedBy },
    });
    const notice: DealNotice = { type: "answered", by: actor.userId, answer: text };
    const approvalPosted = (await tx.outbox.findMessage(deal.workspaceId, dealApprovalKey(deal.id))) !== null;
    await tx.outbox.enqueue([
      ...redrawMessages(changed, eventId, { approval: true }),
      ...answeredMessages(changed, eventId, notice, deal.decidedBy, approvalPosted),
    ]);
    return changed;
  });
}

/** To the manager who asked (DM) and under the approval request, where the other managers look. */
function answeredMessages(
  deal: DealRecord,
  eventId: number,
  notice: DealNotice,
  askedBy: string | null,
  approvalPosted: boolean,
): OutboxDraft[] {
  const subject = { dealId: deal.id, notice };
  const drafts: OutboxDraft[] = [];
  if (askedBy) {
    drafts.push({
      workspaceId: deal.workspaceId,
      dedupeKey: `deal-event:${eventId}:asker-dm`,
      kind: DEAL_MESSAGE_KINDS.notice,
      subject,
      action: "post",
      channelId: askedBy,
    });
  }
  if (approvalPosted) {
    drafts.push({
      workspaceId: deal.workspaceId,
      dedupeKey: `deal-event:${eventId}:approval-thread`,
      kind: DEAL_MESSAGE_KINDS.notice,
      subject,
      action: "post",
      channelId: null,
      threadKey: dealApprovalKey(deal.id),
    });
  }
  return drafts;
}
