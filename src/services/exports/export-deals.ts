import { minorUnitsOf } from "../../domain/deals/currency";
import { STATUS_LABELS } from "../../domain/deals/registration";
import { STAGE_LABELS } from "../../domain/deals/stages";
import { requireManager } from "../../domain/partners/roles";
import { isoDate } from "../../domain/shared/calendar";
import { CsvDocument, decimalAmount } from "../../domain/shared/csv";
import { DomainError } from "../../domain/shared/domain-error";
import { startOfDay } from "../../domain/shared/zoned-time";
import type { Actor } from "../access-service";
import { DEAL_LIST_FILTER_RULES, type DealListFilterName } from "../deals/deal-queries";
import { partnerNamed } from "../partner-service";
import type { DealRecord, PartnerRecord } from "../records";
import type { DealListFilter } from "../store";
import {
  type CsvExport,
  EXPORT_MAX_ROWS,
  EXPORT_PAGE_SIZE,
  type ExportContext,
  exportFilename,
  finish,
  type PeopleNames,
} from "./csv-export";

export const DEAL_EXPORT_HEADER = [
  "id",
  "partner",
  "customer",
  "domain",
  "product",
  "amount",
  "currency",
  "stage",
  "status",
  "registered",
  "expected close",
  "closed",
  "protected until",
  "registered by",
  "region",
] as const;

export interface DealExportOptions {
  /** What `/deal list` means by it: open = an open stage on a registration that can still close. */
  filter: DealListFilterName;
  partnerName?: string | undefined;
  /** YYYY-MM-DD: deals registered on or after that day in the program's time zone. */
  since?: string | undefined;
}

export interface DealExport extends CsvExport {
  filter: DealListFilterName;
  partner: PartnerRecord | null;
  since: string | null;
}

/** A calendar day as typed after `since:`; throws export_since_invalid for anything else (2026-02-30 too). */
export function sinceDay(text: string): string {
  const day = text.trim();
  const time = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(time) || isoDate(new Date(time)) !== day) {
    throw new DomainError("export_since_invalid", { text });
  }
  return day;
}

function dealRow(deal: DealRecord, names: ReadonlyMap<string, string>) {
  return [
    deal.id,
    deal.partnerName,
    deal.customerName,
    deal.customer.domain,
    deal.product,
    decimalAmount(deal.amountMinor, minorUnitsOf(deal.currency)),
    deal.currency,
    STAGE_LABELS[deal.stage],
    STATUS_LABELS[deal.status],
    deal.createdAt,
    deal.expectedCloseOn && isoDate(deal.expectedCloseOn),
    deal.closedAt,
    deal.protectedUntil,
    names.get(deal.createdBy) ?? deal.createdBy,
    deal.region,
  ];
}

/**
 * `/deal export`: the deals a manager asks for as a CSV file, oldest registration first (so pages
 * stay put while people register new deals during the export), read EXPORT_PAGE_SIZE at a time
 * and stopped at EXPORT_MAX_ROWS. The export is recorded in the audit log: it takes data out.
 */
export async function exportDeals(
  context: ExportContext,
  actor: Actor,
  options: DealExportOptions,
  people?: PeopleNames,
): Promise<DealExport> {
  requireManager(actor.role, "export_deals");
  const { store } = context;
  const workspace = actor.workspace;
  const since = options.since === undefined ? null : sinceDay(options.since);
  const partner =
    options.partnerName === undefined ? null : await partnerNamed(store, workspace.id, options.partnerName);
  const filter: DealListFilter = {
    workspaceId: workspace.id,
    ...(partner && { partnerId: partner.id }),
    ...DEAL_LIST_FILTER_RULES[options.filter],
    ...(since !== null && { createdFrom: startOfDay(since, workspace.timezone) }),
    order: "oldest",
  };
  const doc = new CsvDocument(DEAL_EXPORT_HEADER);
  const names = new Map<string, string>();
  // Asked once each: a person Slack would not name is not asked about again on every page.
  const asked = new Set<string>();
  const { pageSize, maxRows } = context.limits ?? { pageSize: EXPORT_PAGE_SIZE, maxRows: EXPORT_MAX_ROWS };
  let total = 0;
  for (let offset = 0; offset < maxRows; ) {
    const limit = Math.min(pageSize, maxRows - offset);
    const page = await store.deals.list(filter, { offset, limit });
    if (offset === 0) total = page.total;
    const unasked = [...new Set(page.deals.map((deal) => deal.createdBy))].filter((id) => !asked.has(id));
    for (const id of unasked) asked.add(id);
    if (people && unasked.length > 0) for (const [id, name] of await people(unasked)) names.set(id, name);
    for (const deal of page.deals) doc.add(dealRow(deal, names));
    offset += page.deals.length;
    if (page.deals.length < limit) break;
  }
  const now = context.clock();
  await store.audit.record({
    workspaceId: workspace.id,
    actor: actor.userId,
    action: "deal.export",
    ...(partner && { target: String(partner.id) }),
    data: { filter: options.filter, since, rows: doc.rows, total },
  });
  return {
    ...finish(doc, exportFilename("deals", actor, now, partner?.name), Math.max(total, doc.rows)),
    filter: options.filter,
    partner,
    since,
  };
}
