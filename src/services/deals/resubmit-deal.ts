import { checkConflicts } from "../../domain/deals/conflicts";
import { formatAmountNumber, isCurrency } from "../../domain/deals/currency";
import type { FieldChange } from "../../domain/deals/deal-edit";
import { type DealDraft, type DealField, type ValidDeal, validateDeal } from "../../domain/deals/deal-input";
import { resubmittable } from "../../domain/deals/registration";
import { isoDate, localDate } from "../../domain/shared/calendar";
import { DomainError, type Problem } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { DealRecord } from "../records";
import { ownDeal } from "./answer-info";
import type { DealContext } from "./deal-context";
import {
  cardThreadMessage,
  DEAL_MESSAGE_KINDS,
  dealApprovalKey,
  redrawMessages,
  registeredMessages,
} from "./deal-messages";
import type { RegistrationForm } from "./register-deal";

export type ResubmitResult =
  | { kind: "invalid"; errors: Partial<Record<DealField, Problem>> }
  | { kind: "resubmitted"; deal: DealRecord; changes: FieldChange[] };

/**
 * The Register modal for a rejected registration, prefilled with it. The partner stays the one it
 * was registered for: a correction is the same registration, not a new one for someone else.
 */
export async function resubmitForm(
  context: DealContext,
  actor: Actor,
  dealId: number,
): Promise<{ form: RegistrationForm; draft: DealDraft }> {
  const deal = await ownDeal(context, actor, dealId);
  resubmittable(deal.status);
  const partner = await context.store.partners.findById(actor.workspace.id, deal.partnerId);
  if (!partner) throw new DomainError("partner_gone");
  return {
    form: {
      partners: [partner],
      defaultPartnerId: partner.id,
      defaultCurrency: deal.currency,
      defaultRegion: deal.region,
      canChoosePartner: false,
    },
    draft: {
      partnerId: String(partner.id),
      customerName: deal.customerName,
      customerDomain: deal.customer.domain,
      product: deal.product,
      amount: formatAmountNumber(deal.amountMinor, deal.currency),
      currency: deal.currency,
      stage: deal.stage,
      expectedClose: deal.expectedCloseOn ? isoDate(deal.expectedCloseOn) : null,
      region: deal.region,
      notes: deal.notes,
    },
  };
}

/**
 * A rejected registration, corrected, goes back to the managers: validated as a new registration,
 * its conflicts checked again against everyone else's (as of now), its decision cleared. The
 * approval request is redrawn with a note in its thread saying what changed, or posted when there
 * never was one and an approvals channel exists now.
 */
export async function resubmitDeal(
  context: DealContext,
  actor: Actor,
  dealId: number,
  draft: DealDraft,
): Promise<ResubmitResult> {
  const seen = await ownDeal(context, actor, dealId);
  resubmittable(seen.status);
  const now = context.clock();
  const defaultCurrency = isCurrency(actor.workspace.reportingCurrency) ? actor.workspace.reportingCurrency : "USD";
  const validation = validateDeal(draft, { today: localDate(now, actor.workspace.timezone), defaultCurrency });
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };
  const valid = validation.deal;

  return context.store.transaction(async (tx) => {
    await tx.workspaces.lock(actor.workspace.id);
    const deal = await tx.deals.findById(actor.workspace.id, dealId);
    if (!deal) throw new DomainError("deal_not_found", { id: dealId });
    resubmittable(deal.status);
    const sameCustomer = await tx.deals.findSameCustomer(actor.workspace.id, valid.customer);
    const check = checkConflicts(
      { id: deal.id, partnerId: deal.partnerId, customer: valid.customer },
      sameCustomer,
      now,
    );
    const conflictWith = check.conflictsWith[0] ?? null;
    const changes = changesOf(deal, valid);
    const changed = await tx.deals.update(
      deal.id,
      { status: "rejected" },
      {
        customerName: valid.customerName,
        customer: valid.customer,
        product: valid.product,
        amountMinor: valid.amountMinor,
        currency: valid.currency,
        stage: valid.stage,
        expectedCloseOn: valid.expectedCloseOn,
        region: valid.region ?? deal.region,
        notes: valid.notes,
        status: conflictWith ? "conflict" : "pending",
        conflictDealId: conflictWith?.id ?? null,
        protectedUntil: null,
        reminderSentAt: null,
        extensionRequestedAt: null,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        closedAt: null,
        lostReason: null,
      },
    );
    if (!changed) throw new DomainError("not_rejected", { status: deal.status });
    const eventId = await tx.deals.addEvent({
      at: now,
      dealId: deal.id,
      actor: actor.userId,
      type: "resubmitted",
      data: { changes, ...(conflictWith && { conflictsWith: check.conflictsWith.map((rival) => rival.id) }) },
    });
    const approvalPosted = (await tx.outbox.findMessage(deal.workspaceId, dealApprovalKey(deal.id))) !== null;
    const approvalsChannel = actor.workspace.approvalsChannel;
    await tx.outbox.enqueue([
      ...redrawMessages(changed, eventId, { approval: approvalPosted }),
      ...(approvalPosted
        ? [
            {
              ...cardThreadMessage(changed, eventId, { type: "resubmitted", by: actor.userId, changes }),
              dedupeKey: `deal-event:${eventId}:approval-thread`,
              threadKey: dealApprovalKey(deal.id),
            },
          ]
        : registeredMessages(changed, approvalsChannel).filter((draft) => draft.kind === DEAL_MESSAGE_KINDS.approval)),
    ]);
    return { kind: "resubmitted" as const, deal: changed, changes };
  });
}

/** What the correction changed, field by field, in the form the history shows. */
export function changesOf(deal: DealRecord, valid: ValidDeal): FieldChange[] {
  const day = (date: Date | null) => (date ? isoDate(date) : null);
  const pairs: [FieldChange["field"], string | number | null, string | number | null][] = [
    ["customerName", deal.customerName, valid.customerName],
    ["customerDomain", deal.customer.domain, valid.customer.domain],
    ["product", deal.product, valid.product],
    ["amount", deal.amountMinor, valid.amountMinor],
    ["currency", deal.currency, valid.currency],
    ["expectedCloseOn", day(deal.expectedCloseOn), day(valid.expectedCloseOn)],
    ["region", deal.region, valid.region ?? deal.region],
    ["notes", deal.notes, valid.notes],
    ["stage", deal.stage, valid.stage],
  ];
  return pairs.filter(([, from, to]) => from !== to).map(([field, from, to]) => ({ field, from, to }));
}
