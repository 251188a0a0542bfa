import type { Db, Dialect } from "../src/data/database";
import type { Tier } from "../src/domain/partners/partner-rules";
import { type SeriesColumn, seriesInsert, sqlDay, sqlTime } from "./bench-sql";

/**
 * The deal history the aggregate benches (leaderboard, tiers) generate: YEARS of deals up to NOW,
 * spread over the partners, read in TIME_ZONE.
 */
export const NOW = new Date("2026-11-20T12:00:00Z");
export const YEARS = 3;
export const TIME_ZONE = "Europe/Berlin";

const REGIONS = ["EMEA", "APAC", "AMER"];

/** `count` active partners "Partner 1".., their tiers taken in turn from `tiers`; returns the first id. */
export async function createPartners(
  db: Db,
  workspaceId: number,
  count: number,
  tiers: readonly Tier[],
): Promise<number> {
  await db.partner.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      workspaceId,
      name: `Partner ${i + 1}`,
      nameKey: `partner ${i + 1}`,
      region: REGIONS[i % REGIONS.length] ?? null,
      tier: tiers[i % tiers.length] ?? "registered",
      status: "active",
    })),
  });
  const first = await db.partner.findFirst({ where: { workspaceId }, orderBy: { id: "asc" }, select: { id: true } });
  return first?.id ?? 1;
}

export interface DealMix {
  workspaceId: number;
  /** The deals go to `partners` partners with consecutive ids from `firstPartner`. */
  firstPartner: number;
  partners: number;
  /** SQL of i: the deal's currency. */
  currency: string;
  /** SQL of i: the deal's status (the won and lost ones, i % 10 < 6, should be approved). */
  status: string;
  /** Also an expected close day, 45 days after the deal was registered. */
  expectedClose?: boolean;
}

/**
 * One INSERT of `count` deals: deal i (1..count) registered within YEARS (and 60 days) before NOW,
 * 40 % won and 20 % lost (closed up to 60 days later), the rest open (proposal, qualified).
 */
export function generatedDeals(dialect: Dialect, count: number, mix: DealMix): string {
  const span = YEARS * 365 * 86_400;
  const base = Math.floor(NOW.getTime() / 1000) - span - 60 * 86_400;
  const created = `(${base} + (i * 48271) % ${span})`;
  const closed = `(${created} + (i % 60) * 86400 + 3600)`;
  const stage = `CASE WHEN i % 10 < 4 THEN 'won' WHEN i % 10 < 6 THEN 'lost' WHEN i % 10 < 8 THEN 'proposal' ELSE 'qualified' END`;
  const columns: SeriesColumn[] = [
    ["workspaceId", String(mix.workspaceId)],
    ["partnerId", `${mix.firstPartner} + (i * 7919 + i / 10) % ${mix.partners}`],
    ["createdBy", "'U' || (i % 900)"],
    ["customerName", "'Customer ' || i"],
    ["customerNameKey", "'customer ' || i"],
    ["product", "'Suite'"],
    ["amountMinor", "100000 + (i * 7) % 100000 * 100"],
    ["currency", mix.currency],
    ["stage", stage],
    ["status", mix.status],
    ["closedAt", `CASE WHEN i % 10 < 6 THEN ${sqlTime(dialect, closed)} ELSE NULL END`],
    ...(mix.expectedClose ? [["expectedCloseOn", sqlDay(dialect, `${created} + 45 * 86400`)] as const] : []),
    ["createdAt", sqlTime(dialect, created)],
    ["updatedAt", sqlTime(dialect, created)],
  ];
  return seriesInsert(dialect, "Deal", count, columns);
}
