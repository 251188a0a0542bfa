import { checkConflicts } from "../../domain/deals/conflicts";
import { isCurrency } from "../../domain/deals/currency";
import { registeringPartner } from "../../domain/deals/deal-access";
import { type DealDraft, type DealField, validateDeal } from "../../domain/deals/deal-input";
import { canManageProgram } from "../../domain/partners/roles";
import { localDate } from "../../domain/shared/calendar";
import { DomainError, isDomainError, type Problem } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import { fireOnboardingEvent } from "../onboarding/fire-onboarding-event";
import type { DealRecord, PartnerRecord } from "../records";
import { type DealContext, viewerOf } from "./deal-context";
import { registeredMessages } from "./deal-messages";

export interface RegistrationForm {
  /** Partners the person may register for; one entry (theirs) for partner members. */
  partners: PartnerRecord[];
  defaultPartnerId: number | null;
  defaultCurrency: string;
  defaultRegion: string | null;
  canChoosePartner: boolean;
}

export type RegisterResult =
  | { kind: "invalid"; errors: Partial<Record<DealField | "partner", Problem>> }
  | { kind: "duplicate"; existing: DealRecord }
  | { kind: "created"; deal: DealRecord; conflict: DealRecord | null }
  | { kind: "repeat"; deal: DealRecord };

/**
 * What the Register a deal modal offers this person. Opened in a channel tied to a partner, a
 * manager finds that partner chosen already (they usually register for the people in the room).
 */
export async function registrationForm(
  context: DealContext,
  actor: Actor,
  channelId?: string | null,
): Promise<RegistrationForm> {
  const manager = canManageProgram(actor.role);
  const all = await context.store.partners.list(actor.workspace.id);
  const own = all.find((partner) => partner.id === actor.member.partnerId) ?? null;
  if (!manager && !own) registeringPartner(viewerOf(actor), null);
  if (manager && all.length === 0) {
    throw new DomainError("no_partners");
  }
  const partners = manager ? all.filter((partner) => partner.status !== "inactive") : own ? [own] : [];
  const tied = manager && channelId ? await context.store.partners.findByChannel(actor.workspace.id, channelId) : null;
  const preset = tied && partners.some((partner) => partner.id === tied.id) ? tied : null;
  return {
    partners,
    defaultPartnerId: preset?.id ?? own?.id ?? null,
    defaultCurrency: actor.workspace.reportingCurrency,
    defaultRegion: (preset ?? own)?.region ?? null,
    canChoosePartner: manager,
  };
}

/**
 * Registers a deal, with its conflict check, its first DealEvent and its Slack messages in one
 * transaction. `idempotencyKey` identifies the submission (the modal): a repeat returns the same deal.
 */
export async function registerDeal(
  context: DealContext,
  actor: Actor,
  draft: DealDraft,
  idempotencyKey: string,
  channelId: string | null,
): Promise<RegisterResult> {
  const { store, clock } = context;
  const repeat = await store.deals.findByIdempotencyKey(idempotencyKey);
  if (repeat) return { kind: "repeat", deal: repeat };
  const now = clock();
  const today = localDate(now, actor.workspace.timezone);
  const defaultCurrency = isCurrency(actor.workspace.reportingCurrency) ? actor.workspace.reportingCurrency : "USD";
  const validation = validateDeal(draft, { today, defaultCurrency });
  const chosen = draft.partnerId ? Number(draft.partnerId) : null;
  let partnerId: number;
  try {
    partnerId = registeringPartner(viewerOf(actor), chosen !== null && Number.isInteger(chosen) ? chosen : null);
  } catch (error) {
    if (!isDomainError(error, "partner_required")) throw error;
    return { kind: "invalid", errors: { ...(validation.ok ? {} : validation.errors), partner: error.problem } };
  }
  const partner = await store.partners.findById(actor.workspace.id, partnerId);
  if (!partner) return { kind: "invalid", errors: { partner: { code: "partner_gone" } } };
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };
  const valid = validation.deal;

  const registerOnce = () =>
    store.transaction(async (tx) => {
      await tx.workspaces.lock(actor.workspace.id);
      // A double-clicked submit that waited for the lock finds its twin's deal: the same deal, not a duplicate.
      const twin = await tx.deals.findByIdempotencyKey(idempotencyKey);
      if (twin) return { kind: "repeat" as const, deal: twin };
      const sameCustomer = await tx.deals.findSameCustomer(actor.workspace.id, valid.customer);
      const check = checkConflicts({ partnerId, customer: valid.customer }, sameCustomer, now);
      if (check.duplicateOf) {
        const existing = sameCustomer.find((deal) => deal.id === check.duplicateOf?.id);
        if (existing) return { kind: "duplicate" as const, existing };
      }
      const conflictWith = check.conflictsWith[0] ?? null;
      const created = await tx.deals.create({
        workspaceId: actor.workspace.id,
        partnerId,
        createdBy: actor.userId,
        customerName: valid.customerName,
        customer: valid.customer,
        product: valid.product,
        amountMinor: valid.amountMinor,
        currency: valid.currency,
        stage: valid.stage,
        status: conflictWith ? "conflict" : "pending",
        conflictDealId: conflictWith?.id ?? null,
        expectedCloseOn: valid.expectedCloseOn,
        region: valid.region ?? partner.region,
        notes: valid.notes,
        channelId,
        idempotencyKey,
        createdAt: now,
      });
      // A concurrent submit of the same modal won; PostgreSQL has aborted this transaction.
      if (!created) throw new Error("idempotency key taken");
      await tx.deals.addEvent({
        at: clock(),
        dealId: created.id,
        actor: actor.userId,
        type: "registered",
        data: { stage: created.stage, amountMinor: created.amountMinor, currency: created.currency },
      });
      if (conflictWith) {
        await tx.deals.addEvent({
          at: clock(),
          dealId: created.id,
          actor: actor.userId,
          type: "conflict_flagged",
          data: { conflictsWith: check.conflictsWith.map((deal) => deal.id) },
        });
      }
      await tx.outbox.enqueue(registeredMessages(created, actor.workspace.approvalsChannel));
      await fireOnboardingEvent(tx, actor.workspace, partnerId, "deal_registered", actor.userId, now);
      const conflict = conflictWith ? (sameCustomer.find((deal) => deal.id === conflictWith.id) ?? null) : null;
      return { kind: "created" as const, deal: created, conflict };
    });
  try {
    return await registerOnce();
  } catch (error) {
    const raced = await store.deals.findByIdempotencyKey(idempotencyKey);
    if (raced) return { kind: "repeat", deal: raced };
    throw error;
  }
}
