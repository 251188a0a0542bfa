import { extendProtection, REMINDER_LEAD_DAYS, reminderDue, shouldExpire } from "../../domain/deals/registration";
import { canManageProgram } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import { SYSTEM_ACTOR } from "../../domain/shared/system-actor";
import type { Actor } from "../access-service";
import type { DealRecord } from "../records";
import { changeDeal, type DealContext } from "./deal-context";
import { extensionRequestMessage, redrawMessages, tellPartnerMessages } from "./deal-messages";
import { getDeal } from "./deal-queries";

const notProtected = () => new DomainError("not_protected");

/** A partner asks a manager for more protection time (offered once the reminder went out). */
export async function requestExtension(context: DealContext, actor: Actor, dealId: number): Promise<DealRecord> {
  const deal = await getDeal(context, actor, dealId);
  if (deal.status !== "approved" || !deal.protectedUntil) {
    throw new DomainError("extension_not_allowed");
  }
  const pending = new DomainError("extension_pending");
  if (deal.extensionRequestedAt) throw pending;
  const updated = await changeDeal(
    context,
    deal,
    { status: "approved", extensionRequestedAt: null },
    { extensionRequestedAt: context.clock() },
    { actor: actor.userId, type: "extension_requested" },
    (changed, eventId) => [
      ...redrawMessages(changed, eventId, { approval: false }),
      ...extensionRequestMessage(changed, eventId, actor.userId, actor.workspace.approvalsChannel),
    ],
  );
  if (!updated) {
    const current = await getDeal(context, actor, dealId);
    if (current.status !== "approved") throw notProtected();
    throw pending;
  }
  return updated;
}

/** A manager extends protection by another period, or declines. */
export async function decideExtension(
  context: DealContext,
  actor: Actor,
  dealId: number,
  approve: boolean,
): Promise<DealRecord> {
  if (!canManageProgram(actor.role)) throw new DomainError("forbidden", { action: "extend_protection" });
  const deal = await getDeal(context, actor, dealId);
  if (deal.status !== "approved") throw notProtected();
  if (!deal.extensionRequestedAt) {
    throw new DomainError("no_extension");
  }
  const newEnd = approve ? extendProtection(deal, actor.workspace.protectionDays, context.clock()) : null;
  const updated = await changeDeal(
    context,
    deal,
    { status: "approved", extensionRequestedAt: deal.extensionRequestedAt },
    { extensionRequestedAt: null, ...(newEnd && { protectedUntil: newEnd }) },
    {
      actor: actor.userId,
      type: approve ? "extension_approved" : "extension_declined",
      data: newEnd ? { protectedUntil: newEnd.toISOString() } : {},
    },
    (changed, eventId) => [
      ...redrawMessages(changed, eventId, { approval: false }),
      ...tellPartnerMessages(changed, eventId, { type: "extension_decided", approved: approve, by: actor.userId }),
    ],
  );
  if (!updated) {
    const current = await getDeal(context, actor, dealId);
    if (current.status !== "approved") throw notProtected();
    throw new DomainError("extension_decided");
  }
  return updated;
}

/**
 * The protection job (hourly): reminds partners REMINDER_LEAD_DAYS before protection ends and
 * expires what lapsed. Each deal is claimed with an optimistic update that also checks the end
 * date it read, so instances running together remind and expire each deal once, and an extension
 * approved meanwhile is never expired.
 */
export async function sweepProtection(context: DealContext): Promise<{ reminded: number; expired: number }> {
  const now = context.clock();
  const horizon = new Date(now.getTime() + (REMINDER_LEAD_DAYS + 1) * 86_400_000);
  let reminded = 0;
  let expired = 0;
  for (const deal of await context.store.deals.protectionEndingBefore(horizon)) {
    const expected = { status: "approved" as const, stage: deal.stage, protectedUntil: deal.protectedUntil };
    if (shouldExpire(deal, now)) {
      const changed = await changeDeal(
        context,
        deal,
        expected,
        { status: "expired", extensionRequestedAt: null },
        { actor: SYSTEM_ACTOR, type: "expired" },
        (after, eventId) => [
          ...redrawMessages(after, eventId, { approval: true }),
          ...tellPartnerMessages(after, eventId, { type: "expired" }),
        ],
      );
      if (changed) expired++;
    } else if (reminderDue(deal, now)) {
      const changed = await changeDeal(
        context,
        deal,
        { ...expected, reminderSentAt: deal.reminderSentAt },
        { reminderSentAt: now },
        { actor: SYSTEM_ACTOR, type: "expiry_reminder" },
        (after, eventId) => [
          ...redrawMessages(after, eventId, { approval: false }),
          ...tellPartnerMessages(after, eventId, { type: "reminder" }),
        ],
      );
      if (changed) reminded++;
    }
  }
  return { reminded, expired };
}
