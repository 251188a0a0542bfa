import type { MilestoneRepository } from "../../services/recognition/recognition-store";
import type { Dialect } from "../database";
import { type DbClient, isUniqueViolation } from "../db-client";

type Milestone = Parameters<MilestoneRepository["claim"]>[0];

export class PrismaMilestoneRepository implements MilestoneRepository {
  constructor(
    private readonly db: DbClient,
    private readonly dialect: Dialect,
  ) {}

  async claim(milestone: Milestone): Promise<boolean> {
    const { workspaceId, partnerId, kind, key, at } = milestone;
    if (this.dialect === "postgresql") {
      // ON CONFLICT DO NOTHING: a concurrent claim waits for the first and then inserts nothing,
      // where a unique violation would abort the caller's whole transaction.
      const inserted = await this.db.$executeRaw`
        INSERT INTO "Milestone" ("workspaceId", "partnerId", "kind", "key", "createdAt")
        VALUES (${workspaceId}, ${partnerId}, ${kind}, ${key}, ${at})
        ON CONFLICT ("workspaceId", "partnerId", "kind", "key") DO NOTHING`;
      return inserted === 1;
    }
    // SQLite runs one writer at a time and a failed statement leaves its transaction usable.
    const where = { workspaceId_partnerId_kind_key: { workspaceId, partnerId, kind, key } };
    if (await this.db.milestone.findUnique({ where, select: { id: true } })) return false;
    try {
      await this.db.milestone.create({ data: { workspaceId, partnerId, kind, key, createdAt: at } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
