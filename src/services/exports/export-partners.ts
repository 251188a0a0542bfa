import { minorUnitsOf } from "../../domain/deals/currency";
import type { Metric } from "../../domain/leaderboard/metrics";
import { requireManager } from "../../domain/partners/roles";
import { CsvDocument, csvNumber, decimalAmount } from "../../domain/shared/csv";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { LeaderboardEntry } from "../leaderboard/leaderboard-store";
import { partnerScores } from "../leaderboard/partner-scores";
import type { PartnerSummary } from "../records";
import { type CsvExport, EXPORT_MAX_ROWS, type ExportContext, exportFilename, finish } from "./csv-export";

export const PARTNER_EXPORT_HEADER = [
  "id",
  "name",
  "region",
  "tier",
  "status",
  "members",
  "home channel",
  "onboarded",
  "deals open",
  "deals won",
  "won revenue",
  "revenue currency",
  "unpriced won deals",
] as const;

/**
 * When the partner was onboarded, once the partner repository returns it (PartnerRecord does not
 * carry it yet): the column stays empty until then rather than guessing a date.
 */
type ExportedPartner = PartnerSummary & { onboardedAt?: Date | null };

/** After every deal the database can hold: the all-time figures include deals closed "now" on a fixed test clock. */
const END_OF_TIME = new Date("9999-12-31T00:00:00Z");

/**
 * `/partner export`: every partner with its people, open and won deals and its won revenue in the
 * reporting currency, converted as the leaderboard does (each deal at the rate of its close day).
 * Revenue with a won deal no rate prices is left empty, never shown as a smaller sum; the last
 * column says how many such deals there are.
 */
export async function exportPartners(context: ExportContext, actor: Actor): Promise<CsvExport> {
  requireManager(actor.role, "export_partners");
  const { store } = context;
  const workspace = actor.workspace;
  const partners: ExportedPartner[] = await store.partners.list(workspace.id);
  if (partners.length === 0) throw new DomainError("no_partners");
  const now = context.clock();
  const figures = async (metric: Metric): Promise<Map<number | null, LeaderboardEntry>> => {
    const scores = await partnerScores(store, workspace, metric, { start: null, end: END_OF_TIME }, now);
    return new Map(scores.entries.map((entry) => [entry.partnerId, entry]));
  };
  const open = await figures("pipeline");
  const won = await figures("deals");
  const revenue = await figures("revenue");
  const decimals = minorUnitsOf(workspace.reportingCurrency);

  const doc = new CsvDocument(PARTNER_EXPORT_HEADER);
  for (const partner of partners.slice(0, context.limits?.maxRows ?? EXPORT_MAX_ROWS)) {
    const earned = revenue.get(partner.id);
    const unpriced = earned?.unpriced ?? 0;
    doc.add([
      partner.id,
      partner.name,
      partner.region,
      partner.tier,
      partner.status,
      partner.memberCount,
      partner.homeChannel,
      partner.onboardedAt ?? null,
      open.get(partner.id)?.count ?? 0,
      won.get(partner.id)?.count ?? 0,
      unpriced > 0 ? null : decimalAmount(BigInt(earned?.value ?? 0), decimals),
      workspace.reportingCurrency,
      csvNumber(unpriced),
    ]);
  }
  await store.audit.record({
    workspaceId: workspace.id,
    actor: actor.userId,
    action: "partner.export",
    data: { rows: doc.rows, total: partners.length },
  });
  return finish(doc, exportFilename("partners", actor, now), partners.length);
}
