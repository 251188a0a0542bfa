import { checkConflicts } from "../domain/deals/conflicts";
import { isCurrency, parseAmount } from "../domain/deals/currency";
import { type DealViewer, registeringPartner, requireDealVisible } from "../domain/deals/deal-access";
import { type DealDraft, type DealField, validateDeal } from "../domain/deals/deal-input";
import {
  type Decision,
  decide,
  extendProtection,
  protectionEnd,
  REMINDER_LEAD_DAYS,
  type RegistrationStatus,
  reminderDue,
  shouldExpire,
  UNDECIDED_STATUSES,
} from "../domain/deals/registration";
import { checkStageChange, OPEN_STAGES, type Stage } from "../domain/deals/stages";
import { canManageProgram, requireManager } from "../domain/partners/roles";
import { localDate } from "../domain/shared/calendar";
import { DomainError } from "../domain/shared/domain-error";
import { textKey } from "../domain/shared/text-key";
import type { Actor } from "./access-service";
import type { Clock } from "./clock";
import type { DealNotifier } from "./deal-notifier";
import type { DealEventRecord, DealRecord, PartnerRecord } from "./records";
import type { DealExpectation, DealPatch, Store } from "./store";

/** A committed change to a deal, and the Slack messages about it, to send once Slack has its answer. */
export interface DealChange {
  deal: DealRecord;
  announce: () => Promise<void>;
}

export const DEAL_LIST_FILTERS = ["open", "won", "lost", "all"] as const;
export type DealListFilterName = (typeof DEAL_LIST_FILTERS)[number];
export const DEAL_PAGE_SIZE = 10;
/** What the App Home lists; with two blocks per waiting deal it stays under Slack's 100 blocks. */
const HOME_MINE = 20;
const HOME_AWAITING = 15;

export interface HomeDeals {
  mine: DealRecord[];
  mineTotal: number;
  awaitingDecision: DealRecord[];
  awaitingTotal: number;
}

/** Open means still being worked: an open stage on a registration that was not rejected or let expire. */
const LIVE_STATUSES: readonly RegistrationStatus[] = [...UNDECIDED_STATUSES, "approved"];

const FILTERS: Record<DealListFilterName, { stages?: readonly Stage[]; statuses?: readonly RegistrationStatus[] }> = {
  open: { stages: OPEN_STAGES, statuses: LIVE_STATUSES },
  won: { stages: ["won"] },
  lost: { stages: ["lost"] },
  all: {},
};

export interface RegistrationForm {
  /** Partners the person may register for; one entry (theirs) for partner members. */
  partners: PartnerRecord[];
  defaultPartnerId: number | null;
  defaultCurrency: string;
  defaultRegion: string | null;
  canChoosePartner: boolean;
}

export type RegisterResult =
  | { kind: "invalid"; errors: Partial<Record<DealField | "partner", string>> }
  | { kind: "duplicate"; existing: DealRecord }
  | {
      kind: "created";
      deal: DealRecord;
      conflict: DealRecord | null;
      /** Posts the deal's messages; run it after answering Slack, which waits at most 3 s. */
      announce: () => Promise<DealRecord>;
    }
  | { kind: "repeat"; deal: DealRecord };

function viewerOf(actor: Actor): DealViewer {
  return { role: actor.role, partnerId: actor.member.partnerId };
}

/**
 * Deal registration: register, decide, progress, protect. Every change is one optimistic update
 * (the deal must still be as it was read) plus a DealEvent, so a repeated click or two managers
 * deciding at once produce exactly one change. Slack is told afterwards through the notifier.
 */
export class DealService {
  constructor(
    private readonly store: Store,
    private readonly notifier: DealNotifier,
    private readonly clock: Clock = () => new Date(),
  ) {}

  async registrationForm(actor: Actor): Promise<RegistrationForm> {
    const manager = canManageProgram(actor.role);
    const all = await this.store.partners.list(actor.workspace.id);
    const own = all.find((partner) => partner.id === actor.member.partnerId) ?? null;
    if (!manager && !own) registeringPartner(viewerOf(actor), null);
    if (manager && all.length === 0) {
      throw new DomainError(
        "no_partners",
        "There are no partner companies yet: add one with `/partner add <name>` first.",
      );
    }
    return {
      partners: manager ? all.filter((partner) => partner.status !== "inactive") : own ? [own] : [],
      defaultPartnerId: own?.id ?? null,
      defaultCurrency: actor.workspace.reportingCurrency,
      defaultRegion: own?.region ?? null,
      canChoosePartner: manager,
    };
  }

  /** `idempotencyKey` identifies the submission (the modal): a repeat returns the same deal. */
  async register(
    actor: Actor,
    draft: DealDraft,
    idempotencyKey: string,
    channelId: string | null,
  ): Promise<RegisterResult> {
    const repeat = await this.store.deals.findByIdempotencyKey(idempotencyKey);
    if (repeat) return { kind: "repeat", deal: repeat };
    const now = this.clock();
    const today = localDate(now, actor.workspace.timezone);
    const defaultCurrency = isCurrency(actor.workspace.reportingCurrency) ? actor.workspace.reportingCurrency : "USD";
    const validation = validateDeal(draft, { today, defaultCurrency });
    const chosen = draft.partnerId ? Number(draft.partnerId) : null;
    let partnerId: number;
    try {
      partnerId = registeringPartner(viewerOf(actor), chosen !== null && Number.isInteger(chosen) ? chosen : null);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== "partner_required") throw error;
      return { kind: "invalid", errors: { ...(validation.ok ? {} : validation.errors), partner: error.message } };
    }
    const partner = await this.store.partners.findById(actor.workspace.id, partnerId);
    if (!partner) return { kind: "invalid", errors: { partner: "That partner no longer exists: choose another." } };
    if (!validation.ok) return { kind: "invalid", errors: validation.errors };
    const valid = validation.deal;

    const registerOnce = () =>
      this.store.transaction(async (tx) => {
        await tx.workspaces.lock(actor.workspace.id);
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
        });
        // A concurrent submit of the same modal won; PostgreSQL has aborted this transaction.
        if (!created) throw new Error("idempotency key taken");
        await tx.deals.addEvent({
          at: this.clock(),
          dealId: created.id,
          actor: actor.userId,
          type: "registered",
          data: { stage: created.stage, amountMinor: created.amountMinor, currency: created.currency },
        });
        if (conflictWith) {
          await tx.deals.addEvent({
            at: this.clock(),
            dealId: created.id,
            actor: actor.userId,
            type: "conflict_flagged",
            data: { conflictsWith: check.conflictsWith.map((deal) => deal.id) },
          });
        }
        const conflict = conflictWith ? (sameCustomer.find((deal) => deal.id === conflictWith.id) ?? null) : null;
        return { kind: "created" as const, deal: created, conflict };
      });
    let result: Awaited<ReturnType<typeof registerOnce>>;
    try {
      result = await registerOnce();
    } catch (error) {
      const raced = await this.store.deals.findByIdempotencyKey(idempotencyKey);
      if (raced) return { kind: "repeat", deal: raced };
      throw error;
    }
    if (result.kind !== "created") return result;
    return {
      ...result,
      announce: async () => {
        const approvalsChannel = actor.workspace.approvalsChannel;
        const posted = await this.notifier.registered(result.deal, { approvalsChannel, conflict: result.conflict });
        const saved = (await this.store.deals.update(result.deal.id, {}, posted)) ?? result.deal;
        // Someone acted while the messages were on their way, before they could be found: redraw them.
        if (saved.status !== result.deal.status || saved.stage !== result.deal.stage) await this.notifier.redraw(saved);
        return saved;
      },
    };
  }

  async get(actor: Actor, dealId: number): Promise<DealRecord> {
    const deal = await this.store.deals.findById(actor.workspace.id, dealId);
    requireDealVisible(viewerOf(actor), deal, dealId);
    return deal as DealRecord;
  }

  async history(actor: Actor, dealId: number): Promise<{ deal: DealRecord; events: DealEventRecord[] }> {
    const deal = await this.get(actor, dealId);
    return { deal, events: await this.store.deals.events(deal.id) };
  }

  async list(
    actor: Actor,
    options: { filter: DealListFilterName; partnerName?: string | undefined; page: number },
  ): Promise<{ deals: DealRecord[]; total: number; page: number; pages: number; partner: PartnerRecord | null }> {
    let partner: PartnerRecord | null = null;
    if (options.partnerName !== undefined) {
      requireManager(actor.role, "list another partner's deals");
      partner = await this.store.partners.findByKey(actor.workspace.id, textKey(options.partnerName));
      if (!partner) {
        throw new DomainError(
          "partner_not_found",
          `No partner named “${options.partnerName}”. /partner list shows them all.`,
        );
      }
    } else if (!canManageProgram(actor.role)) {
      if (actor.member.partnerId === null) registeringPartner(viewerOf(actor), null);
      partner = await this.store.partners.findById(actor.workspace.id, actor.member.partnerId as number);
    }
    const page = Math.max(1, Math.floor(options.page));
    const filter = FILTERS[options.filter];
    const { deals, total } = await this.store.deals.list(
      { workspaceId: actor.workspace.id, ...(partner && { partnerId: partner.id }), ...filter },
      { offset: (page - 1) * DEAL_PAGE_SIZE, limit: DEAL_PAGE_SIZE },
    );
    return { deals, total, page, pages: Math.max(1, Math.ceil(total / DEAL_PAGE_SIZE)), partner };
  }

  /** Open deals for the App Home: the company's for partners; managers also get what awaits them. */
  async home(actor: Actor): Promise<HomeDeals> {
    const open = { workspaceId: actor.workspace.id, ...FILTERS.open };
    const none = { deals: [], total: 0 };
    const mine =
      actor.member.partnerId !== null
        ? await this.store.deals.list({ ...open, partnerId: actor.member.partnerId }, { offset: 0, limit: HOME_MINE })
        : none;
    const awaiting = canManageProgram(actor.role)
      ? await this.store.deals.list({ ...open, statuses: UNDECIDED_STATUSES }, { offset: 0, limit: HOME_AWAITING })
      : none;
    return { mine: mine.deals, mineTotal: mine.total, awaitingDecision: awaiting.deals, awaitingTotal: awaiting.total };
  }

  /** The deal a manager is about to decide (to show it in the reason modal); refuses anyone else. */
  async forDecision(actor: Actor, dealId: number): Promise<DealRecord> {
    requireDecider(actor);
    return this.get(actor, dealId);
  }

  async decide(actor: Actor, dealId: number, decision: Decision, note?: string): Promise<DealChange> {
    requireDecider(actor);
    const deal = await this.get(actor, dealId);
    const status = this.alreadyDecided(deal, () => decide(deal.status, decision, note));
    const now = this.clock();
    const trimmed = note?.trim() || null;
    const updated = await this.changeDeal(
      deal,
      { status: deal.status },
      {
        status,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: trimmed,
        ...(status === "approved" && { protectedUntil: protectionEnd(now, actor.workspace.protectionDays) }),
      },
      { actor: actor.userId, type: decision, data: { from: deal.status, to: status, note: trimmed } },
    );
    if (!updated) {
      const current = await this.get(actor, dealId);
      this.alreadyDecided(current, () => decide(current.status, decision, note));
      throw new DomainError("already_decided", "Someone else just changed this registration: look again.");
    }
    return { deal: updated, announce: () => this.notifier.decided(updated, decision, actor.userId) };
  }

  /** Domain errors about a decided registration name who decided it and when. */
  private alreadyDecided<T>(deal: DealRecord, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof DomainError && error.code === "already_decided" && deal.decidedBy && deal.decidedAt) {
        throw new DomainError(
          "already_decided",
          `${error.message.replace(/\.$/, "")} by <@${deal.decidedBy}> on ${localDate(deal.decidedAt, deal.timezone)}.`,
        );
      }
      throw error;
    }
  }

  /** One optimistic update plus its DealEvent, in one transaction; null when the deal moved on. */
  private changeDeal(
    deal: DealRecord,
    expected: DealExpectation,
    patch: DealPatch,
    event: { actor: string; type: string; data?: object },
  ): Promise<DealRecord | null> {
    return this.store.transaction(async (tx) => {
      const changed = await tx.deals.update(deal.id, expected, patch);
      if (changed) await tx.deals.addEvent({ at: this.clock(), dealId: deal.id, ...event });
      return changed;
    });
  }

  async changeStage(
    actor: Actor,
    dealId: number,
    to: Stage,
    input: { amountMinor?: number; lostReason?: string } = {},
  ): Promise<DealChange> {
    const deal = await this.get(actor, dealId);
    checkStageChange(deal, to, input);
    const closing = to === "won" || to === "lost";
    const corrected = to === "won" && input.amountMinor !== undefined && input.amountMinor !== deal.amountMinor;
    const updated = await this.changeDeal(
      deal,
      { stage: deal.stage },
      {
        stage: to,
        ...(closing && { closedAt: this.clock() }),
        ...(to === "won" && input.amountMinor !== undefined && { amountMinor: input.amountMinor }),
        ...(to === "lost" && { lostReason: input.lostReason?.trim() ?? null }),
      },
      {
        actor: actor.userId,
        type: "stage_changed",
        data: {
          from: deal.stage,
          to,
          ...(corrected && { amountMinor: { from: deal.amountMinor, to: input.amountMinor } }),
          ...(to === "lost" && { reason: input.lostReason?.trim() }),
        },
      },
    );
    if (!updated) throw new DomainError("stale", "This deal was just changed by someone else: look again.");
    return { deal: updated, announce: () => this.notifier.stageChanged(updated, actor.userId) };
  }

  /** Won, with the final amount as the person typed it (in the deal's currency). */
  async markWon(actor: Actor, dealId: number, amountText: string): Promise<DealChange> {
    const deal = await this.get(actor, dealId);
    const parsed = parseAmount(amountText, deal.currency);
    if (!parsed.ok) throw new DomainError("amount_invalid", parsed.error);
    return this.changeStage(actor, dealId, "won", { amountMinor: parsed.minor });
  }

  async requestExtension(actor: Actor, dealId: number): Promise<DealChange> {
    const deal = await this.get(actor, dealId);
    if (deal.status !== "approved" || !deal.protectedUntil) {
      throw new DomainError("not_protected", "Only an approved, protected registration can be extended.");
    }
    const pending = new DomainError("extension_pending", "An extension is already waiting for a manager.");
    if (deal.extensionRequestedAt) throw pending;
    const updated = await this.changeDeal(
      deal,
      { status: "approved", extensionRequestedAt: null },
      { extensionRequestedAt: this.clock() },
      { actor: actor.userId, type: "extension_requested" },
    );
    if (!updated) {
      const current = await this.get(actor, dealId);
      if (current.status !== "approved")
        throw new DomainError("not_protected", "This registration is no longer protected.");
      throw pending;
    }
    return {
      deal: updated,
      announce: () => this.notifier.extensionRequested(updated, actor.userId, actor.workspace.approvalsChannel),
    };
  }

  async decideExtension(actor: Actor, dealId: number, approve: boolean): Promise<DealChange> {
    if (!canManageProgram(actor.role)) throw new DomainError("forbidden", "Only managers can extend protection.");
    const deal = await this.get(actor, dealId);
    if (deal.status !== "approved") throw new DomainError("not_protected", "This registration is no longer protected.");
    if (!deal.extensionRequestedAt)
      throw new DomainError("no_extension", "There is no extension request waiting on this deal.");
    const newEnd = approve ? extendProtection(deal, actor.workspace.protectionDays, this.clock()) : null;
    const updated = await this.changeDeal(
      deal,
      { status: "approved", extensionRequestedAt: deal.extensionRequestedAt },
      { extensionRequestedAt: null, ...(newEnd && { protectedUntil: newEnd }) },
      {
        actor: actor.userId,
        type: approve ? "extension_approved" : "extension_declined",
        data: newEnd ? { protectedUntil: newEnd.toISOString() } : {},
      },
    );
    if (!updated) {
      const current = await this.get(actor, dealId);
      if (current.status !== "approved")
        throw new DomainError("not_protected", "This registration is no longer protected.");
      throw new DomainError("already_decided", "Someone else just decided this extension.");
    }
    return { deal: updated, announce: () => this.notifier.extensionDecided(updated, approve, actor.userId) };
  }

  /**
   * The protection job (hourly): reminds partners REMINDER_LEAD_DAYS before protection ends and
   * expires what lapsed. Each deal is claimed with an optimistic update that also checks the end
   * date it read, so instances running together remind and expire each deal once, and an extension
   * approved meanwhile is never expired.
   */
  async sweepProtection(): Promise<{ reminded: number; expired: number }> {
    const now = this.clock();
    const horizon = new Date(now.getTime() + (REMINDER_LEAD_DAYS + 1) * 86_400_000);
    let reminded = 0;
    let expired = 0;
    for (const deal of await this.store.deals.protectionEndingBefore(horizon)) {
      const expected = { status: "approved" as const, stage: deal.stage, protectedUntil: deal.protectedUntil };
      if (shouldExpire(deal, now)) {
        const changed = await this.changeDeal(
          deal,
          expected,
          { status: "expired", extensionRequestedAt: null },
          { actor: "system", type: "expired" },
        );
        if (changed) {
          expired++;
          await this.notifier.expired(changed);
        }
      } else if (reminderDue(deal, now)) {
        const changed = await this.changeDeal(
          deal,
          { ...expected, reminderSentAt: deal.reminderSentAt },
          { reminderSentAt: now },
          { actor: "system", type: "expiry_reminder" },
        );
        if (changed) {
          reminded++;
          await this.notifier.reminder(changed);
        }
      }
    }
    return { reminded, expired };
  }
}

function requireDecider(actor: Actor): void {
  if (!canManageProgram(actor.role)) throw new DomainError("forbidden", "Only managers can approve deals.");
}
