import { registeringPartner, requireDealVisible } from "../../domain/deals/deal-access";
import { type RegistrationStatus, UNDECIDED_STATUSES } from "../../domain/deals/registration";
import { OPEN_STAGES, type Stage } from "../../domain/deals/stages";
import { matchPartner } from "../../domain/partners/partner-match";
import { canManageProgram, requireManager } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { MessageRef } from "../outbox/outbox-message";
import { partnerNamed } from "../partner-service";
import type { DealEventRecord, DealRecord, PartnerRecord } from "../records";
import { type DealContext, viewerOf } from "./deal-context";
import { dealCardKey } from "./deal-messages";
import { liveRivals } from "./deal-rivals";

export const DEAL_LIST_FILTERS = ["open", "won", "lost", "all"] as const;
export type DealListFilterName = (typeof DEAL_LIST_FILTERS)[number];
export const DEAL_PAGE_SIZE = 10;
/** What the App Home lists; with two blocks per waiting deal it stays under Slack's 100 blocks. */
const HOME_MINE = 20;
const HOME_AWAITING = 15;
/** The company's registrations rejected lately, with a way to correct and resubmit them. */
const HOME_REJECTED = 10;
const HOME_REJECTED_DAYS = 30;
const DAY_MS = 86_400_000;

export interface HomeDeals {
  mine: DealRecord[];
  mineTotal: number;
  awaitingDecision: DealRecord[];
  awaitingTotal: number;
  /** The own company's registrations rejected within the last 30 days, newest first. */
  rejected: DealRecord[];
}

export interface DealPage {
  deals: DealRecord[];
  total: number;
  page: number;
  pages: number;
  partner: PartnerRecord | null;
}

/** Open means still being worked: an open stage on a registration that was not rejected or let expire. */
const LIVE_STATUSES: readonly RegistrationStatus[] = [...UNDECIDED_STATUSES, "approved"];

/** What each `/deal list` word selects (the CSV export uses the same words). */
export const DEAL_LIST_FILTER_RULES: Record<
  DealListFilterName,
  { stages?: readonly Stage[]; statuses?: readonly RegistrationStatus[] }
> = {
  open: { stages: OPEN_STAGES, statuses: LIVE_STATUSES },
  won: { stages: ["won"] },
  lost: { stages: ["lost"] },
  all: {},
};

/** One deal, if the person may see it (a partner sees only its own company's). */
export async function getDeal(context: DealContext, actor: Actor, dealId: number): Promise<DealRecord> {
  const deal = await context.store.deals.findById(actor.workspace.id, dealId);
  requireDealVisible(viewerOf(actor), deal, dealId);
  return deal as DealRecord;
}

export async function dealHistory(
  context: DealContext,
  actor: Actor,
  dealId: number,
): Promise<{ deal: DealRecord; events: DealEventRecord[] }> {
  const deal = await getDeal(context, actor, dealId);
  return { deal, events: await context.store.deals.events(deal.id) };
}

/** Whose deals: a partner named by a manager, one chosen by id (a paging button), or the actor's own. */
export interface DealListOptions {
  filter: DealListFilterName;
  partnerName?: string | undefined;
  partnerId?: number | undefined;
  page: number;
}

export async function listDeals(context: DealContext, actor: Actor, options: DealListOptions): Promise<DealPage> {
  const manager = canManageProgram(actor.role);
  let partner: PartnerRecord | null = null;
  if (options.partnerId !== undefined) {
    if (!manager && options.partnerId !== actor.member.partnerId) requireManager(actor.role, "list_partner_deals");
    partner = await context.store.partners.findById(actor.workspace.id, options.partnerId);
    if (!partner) throw new DomainError("partner_gone");
  } else if (options.partnerName !== undefined) {
    partner = manager
      ? await partnerNamed(context.store, actor.workspace.id, options.partnerName)
      : await ownPartnerNamed(context, actor, options.partnerName);
  } else if (!manager) {
    partner = await ownPartner(context, actor);
  }
  const page = Math.max(1, Math.floor(options.page));
  const { deals, total } = await context.store.deals.list(
    {
      workspaceId: actor.workspace.id,
      ...(partner && { partnerId: partner.id }),
      ...DEAL_LIST_FILTER_RULES[options.filter],
    },
    { offset: (page - 1) * DEAL_PAGE_SIZE, limit: DEAL_PAGE_SIZE },
  );
  return { deals, total, page, pages: pageCount(total), partner };
}

export const pageCount = (total: number) => Math.max(1, Math.ceil(total / DEAL_PAGE_SIZE));

/** A partner member's own company; people in no company are told they need one. */
export async function ownPartner(context: DealContext, actor: Actor): Promise<PartnerRecord> {
  if (actor.member.partnerId === null) registeringPartner(viewerOf(actor), null);
  const partner = await context.store.partners.findById(actor.workspace.id, actor.member.partnerId as number);
  if (!partner) throw new DomainError("partner_gone");
  return partner;
}

/**
 * A member may name their own company (fuzzily, as managers name any partner). The name is matched
 * against that company alone, so the answer never lists other partners to a partner's people.
 */
async function ownPartnerNamed(context: DealContext, actor: Actor, name: string): Promise<PartnerRecord> {
  const own = actor.member.partnerId === null ? null : await ownPartner(context, actor);
  const match = matchPartner(name, own ? [own] : []);
  if (match.kind !== "one") throw new DomainError("forbidden", { action: "list_partner_deals" });
  return match.partner;
}

/** Open deals for the App Home: the company's for partners; managers also get what awaits them. */
export async function homeDeals(context: DealContext, actor: Actor): Promise<HomeDeals> {
  const open = { workspaceId: actor.workspace.id, ...DEAL_LIST_FILTER_RULES.open };
  const none = { deals: [], total: 0 };
  const deals = context.store.deals;
  const mine =
    actor.member.partnerId !== null
      ? await deals.list({ ...open, partnerId: actor.member.partnerId }, { offset: 0, limit: HOME_MINE })
      : none;
  const awaiting = canManageProgram(actor.role)
    ? await deals.list({ ...open, statuses: UNDECIDED_STATUSES }, { offset: 0, limit: HOME_AWAITING })
    : none;
  const rejected =
    actor.member.partnerId !== null
      ? await deals.list(
          {
            workspaceId: actor.workspace.id,
            partnerId: actor.member.partnerId,
            statuses: ["rejected"],
            decidedSince: new Date(context.clock().getTime() - HOME_REJECTED_DAYS * DAY_MS),
          },
          { offset: 0, limit: HOME_REJECTED },
        )
      : none;
  return {
    mine: mine.deals,
    mineTotal: mine.total,
    awaitingDecision: awaiting.deals,
    awaitingTotal: awaiting.total,
    rejected: rejected.deals,
  };
}

/** Where the deal's own message is in Slack (for a link to it), once it was posted. */
export async function dealCardRef(context: DealContext, deal: DealRecord): Promise<MessageRef | null> {
  return context.store.outbox.findMessage(deal.workspaceId, dealCardKey(deal.id));
}

/** A deal as the outbox renders it: no person is asking, so no visibility rule applies. */
export function dealForMessage(context: DealContext, workspaceId: number, dealId: number): Promise<DealRecord | null> {
  return context.store.deals.findById(workspaceId, dealId);
}

/** A manager's question and, once given, the partner's answer. */
export interface InfoExchange {
  question: string;
  askedBy: string;
  askedAt: Date;
  answer: string | null;
  answeredBy: string | null;
}

export interface ApprovalContext {
  deal: DealRecord;
  /** Live rivals; when none, the registration it was flagged against, so the note stays. */
  rivals: DealRecord[];
  exchanges: InfoExchange[];
}

/** What the approval card shows besides the deal (the renderer runs with no person asking). */
export async function approvalContextOf(
  context: DealContext,
  workspaceId: number,
  dealId: number,
): Promise<ApprovalContext | null> {
  const deal = await context.store.deals.findById(workspaceId, dealId);
  if (!deal) return null;
  let rivals = await liveRivals(context.store, deal, context.clock());
  if (rivals.length === 0 && deal.conflictDealId !== null) {
    const flagged = await context.store.deals.findById(workspaceId, deal.conflictDealId);
    rivals = flagged ? [flagged] : [];
  }
  return { deal, rivals, exchanges: exchangesOf(await context.store.deals.events(deal.id)) };
}

/** Questions (request_info events) paired with the answers that followed them, oldest first. */
export function exchangesOf(events: readonly DealEventRecord[]): InfoExchange[] {
  const exchanges: InfoExchange[] = [];
  for (const event of [...events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)) {
    if (event.type === "request_info") {
      exchanges.push({
        question: stringOr(event.data.note, ""),
        askedBy: event.actor,
        askedAt: event.createdAt,
        answer: null,
        answeredBy: null,
      });
    } else if (event.type === "info_answered") {
      const open = exchanges.findLast((exchange) => exchange.answer === null);
      const answer = stringOr(event.data.answer, "");
      if (open) Object.assign(open, { answer, answeredBy: event.actor });
      else {
        // An answer whose question predates this history: the event carries the question too.
        exchanges.push({
          question: stringOr(event.data.question, ""),
          askedBy: stringOr(event.data.askedBy, ""),
          askedAt: event.createdAt,
          answer,
          answeredBy: event.actor,
        });
      }
    }
  }
  return exchanges;
}

const stringOr = (value: unknown, fallback: string): string => (typeof value === "string" ? value : fallback);
