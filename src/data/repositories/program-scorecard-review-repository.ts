import { REVIEW_DIMENSIONS, type ReviewRatings } from "../../domain/program/program-types";
import type { ScorecardReviewRecord, ScorecardReviewRepository } from "../../services/program/program-store";
import type { DbClient } from "../db-client";
import type { Prisma } from "../generated/sqlite/client";
import { finiteNumber, isRecord, parseJson } from "./program-json";

type Row = Prisma.ScorecardReviewGetPayload<object>;

/** Only the dimensions this version rates, with a number: anything else is left out. */
function ratings(json: string): ReviewRatings {
  const parsed = parseJson(json);
  const result: ReviewRatings = {};
  if (!isRecord(parsed)) return result;
  for (const dimension of REVIEW_DIMENSIONS) {
    const rating = finiteNumber(parsed[dimension]);
    if (rating !== null) result[dimension] = rating;
  }
  return result;
}

function toRecord(row: Row): ScorecardReviewRecord {
  return { ...row, ratings: ratings(row.ratings) };
}

export class PrismaScorecardReviewRepository implements ScorecardReviewRepository {
  constructor(private readonly db: DbClient) {}

  async save(review: Omit<ScorecardReviewRecord, "id" | "createdAt" | "updatedAt">): Promise<ScorecardReviewRecord> {
    const { workspaceId, partnerId, quarter } = review;
    const content = { ratings: JSON.stringify(review.ratings), notes: review.notes, reviewedBy: review.reviewedBy };
    const row = await this.db.scorecardReview.upsert({
      where: { partnerId_quarter: { partnerId, quarter } },
      create: { workspaceId, partnerId, quarter, ...content },
      update: content,
    });
    return toRecord(row);
  }

  async forQuarters(partnerId: number, quarters: readonly string[]): Promise<ScorecardReviewRecord[]> {
    if (quarters.length === 0) return [];
    const rows = await this.db.scorecardReview.findMany({
      where: { partnerId, quarter: { in: [...quarters] } },
      orderBy: { quarter: "asc" },
    });
    return rows.map(toRecord);
  }
}
