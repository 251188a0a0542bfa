import { TIERS, type Tier } from "../../domain/partners/partner-rules";
import { TIER_REVIEW_STATUSES, type TierFigures, type TierReviewStatus } from "../../domain/program/program-types";
import type { NewTierReview, TierReviewRecord, TierReviewRepository } from "../../services/program/program-store";
import type { DbClient } from "../db-client";
import type { Prisma } from "../generated/sqlite/client";
import { finiteNumber, isRecord, parseJson } from "./program-json";

type Row = Prisma.TierReviewGetPayload<object>;

const isTier = (value: unknown): value is Tier => (TIERS as readonly unknown[]).includes(value);

/** The figures as they were when the review opened; unreadable parts read as zero. */
function figures(json: string): TierFigures {
  const parsed = parseJson(json);
  const value = isRecord(parsed) ? parsed : {};
  const trained = isRecord(value.peopleTrained) ? value.peopleTrained : {};
  const peopleTrained: Partial<Record<Tier, number>> = {};
  for (const [tier, count] of Object.entries(trained)) {
    const people = finiteNumber(count);
    if (isTier(tier) && people !== null) peopleTrained[tier] = people;
  }
  return {
    wonRevenueMinor: finiteNumber(value.wonRevenueMinor) ?? 0,
    dealsWon: finiteNumber(value.dealsWon) ?? 0,
    closed: finiteNumber(value.closed) ?? 0,
    winRate: finiteNumber(value.winRate),
    peopleTrained,
    unpriced: finiteNumber(value.unpriced) ?? 0,
  };
}

function toRecord(row: Row): TierReviewRecord {
  return {
    ...row,
    fromTier: isTier(row.fromTier) ? row.fromTier : "registered",
    toTier: isTier(row.toTier) ? row.toTier : "registered",
    figures: figures(row.figures),
    // An unknown status is treated as closed: it never blocks a new review nor offers buttons.
    status: (TIER_REVIEW_STATUSES as readonly string[]).includes(row.status)
      ? (row.status as TierReviewStatus)
      : "kept",
  };
}

const OLDEST: Prisma.TierReviewOrderByWithRelationInput[] = [{ openedAt: "asc" }, { id: "asc" }];

export class PrismaTierReviewRepository implements TierReviewRepository {
  constructor(private readonly db: DbClient) {}

  /**
   * Race-safe only inside a transaction that holds the workspace lock (tx.workspaces.lock), as the
   * tier recalculation does: nothing in the schema stops a second pending review, so the check and
   * the insert must not interleave with another run's.
   */
  async open(review: NewTierReview): Promise<TierReviewRecord | null> {
    if (await this.pendingFor(review.partnerId)) return null;
    const row = await this.db.tierReview.create({ data: { ...review, figures: JSON.stringify(review.figures) } });
    return toRecord(row);
  }

  async findById(workspaceId: number, id: number): Promise<TierReviewRecord | null> {
    const row = await this.db.tierReview.findFirst({ where: { id, workspaceId } });
    return row && toRecord(row);
  }

  async pendingFor(partnerId: number): Promise<TierReviewRecord | null> {
    const row = await this.db.tierReview.findFirst({ where: { partnerId, status: "pending" }, orderBy: OLDEST });
    return row && toRecord(row);
  }

  async pending(workspaceId: number): Promise<TierReviewRecord[]> {
    const rows = await this.db.tierReview.findMany({ where: { workspaceId, status: "pending" }, orderBy: OLDEST });
    return rows.map(toRecord);
  }

  async close(
    id: number,
    outcome: { status: Exclude<TierReviewStatus, "pending">; by: string | null; note: string | null; at: Date },
  ): Promise<TierReviewRecord | null> {
    // Conditional on pending: a keep and a demote clicked at once, or a recovery racing a
    // decision, close it once.
    const { count } = await this.db.tierReview.updateMany({
      where: { id, status: "pending" },
      data: { status: outcome.status, decidedBy: outcome.by, decidedAt: outcome.at, note: outcome.note },
    });
    if (count === 0) return null;
    const row = await this.db.tierReview.findUnique({ where: { id } });
    return row && toRecord(row);
  }
}
