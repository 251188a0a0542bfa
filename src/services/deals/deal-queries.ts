import { registeringPartner, requireDealVisible } from "../../domain/deals/deal-access";
import { type RegistrationStatus, UNDECIDED_STATUSES } from "../../domain/deals/registration";
import { OPEN_STAGES, type Stage } from "../../domain/deals/stages";
import { canManageProgram, requireManager } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import { textKey } from "../../domain/shared/text-key";
import type { Actor } from "../access-service";
import type { MessageRef } from "../outbox/outbox-message";
import type { DealEventRecord, DealRecord, PartnerRecord } from "../records";
import { type DealContext, viewerOf } from "./deal-context";
import { dealCardKey } from "./deal-messages";

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

export interface DealPage {
  deals: DealRecord[];
  total: number;
  page: number;
  pages: number;
  partner: PartnerRecord | null;
}

/** Open means still being worked: an open stage on a registration that was not rejected or let expire. */
const LIVE_STATUSES: readonly RegistrationStatus[] = [...UNDECIDED_STATUSES, "approved"];

const FILTERS: Record<DealListFilterName, { stages?: readonly Stage[]; statuses?: readonly RegistrationStatus[] }> = {
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
  let partner: PartnerRecord | null = null;
  if (options.partnerId !== undefined) {
    requireManager(actor.role, "list_partner_deals");
    partner = await context.store.partners.findById(actor.workspace.id, options.partnerId);
    if (!partner) throw new DomainError("partner_gone");
  } else if (options.partnerName !== undefined) {
    requireManager(actor.role, "list_partner_deals");
    partner = await context.store.partners.findByKey(actor.workspace.id, textKey(options.partnerName));
    if (!partner) {
      throw new DomainError("partner_not_found", { name: options.partnerName });
    }
  } else if (!canManageProgram(actor.role)) {
    if (actor.member.partnerId === null) registeringPartner(viewerOf(actor), null);
    partner = await context.store.partners.findById(actor.workspace.id, actor.member.partnerId as number);
  }
  const page = Math.max(1, Math.floor(options.page));
  const { deals, total } = await context.store.deals.list(
    { workspaceId: actor.workspace.id, ...(partner && { partnerId: partner.id }), ...FILTERS[options.filter] },
    { offset: (page - 1) * DEAL_PAGE_SIZE, limit: DEAL_PAGE_SIZE },
  );
  return { deals, total, page, pages: Math.max(1, Math.ceil(total / DEAL_PAGE_SIZE)), partner };
}

/** Open deals for the App Home: the company's for partners; managers also get what awaits them. */
export async function homeDeals(context: DealContext, actor: Actor): Promise<HomeDeals> {
  const open = { workspaceId: actor.workspace.id, ...FILTERS.open };
  const none = { deals: [], total: 0 };
  const deals = context.store.deals;
  const mine =
    actor.member.partnerId !== null
      ? await deals.list({ ...open, partnerId: actor.member.partnerId }, { offset: 0, limit: HOME_MINE })
      : none;
  const awaiting = canManageProgram(actor.role)
    ? await deals.list({ ...open, statuses: UNDECIDED_STATUSES }, { offset: 0, limit: HOME_AWAITING })
    : none;
  return { mine: mine.deals, mineTotal: mine.total, awaitingDecision: awaiting.deals, awaitingTotal: awaiting.total };
}

/** Where the deal's own message is in Slack (for a link to it), once it was posted. */
export async function dealCardRef(context: DealContext, deal: DealRecord): Promise<MessageRef | null> {
  return context.store.outbox.findMessage(deal.workspaceId, dealCardKey(deal.id));
}

/** A deal as the outbox renders it: no person is asking, so no visibility rule applies. */
export function dealForMessage(context: DealContext, workspaceId: number, dealId: number): Promise<DealRecord | null> {
  return context.store.deals.findById(workspaceId, dealId);
}
