import { TIERS, type Tier } from "../../domain/partners/partner-rules";
import { RESOURCE_KINDS, type ResourceKind } from "../../domain/program/program-types";
import type {
  CompletionRecord,
  NewResource,
  ResourceRecord,
  ResourceRepository,
} from "../../services/program/program-store";
import type { Dialect } from "../database";
import { type DbClient, isUniqueViolation } from "../db-client";
import type { Prisma } from "../generated/sqlite/client";
import { parseJson } from "./program-json";

const SELECT = {
  id: true,
  workspaceId: true,
  title: true,
  url: true,
  kind: true,
  tags: true,
  minTier: true,
  requiredFor: true,
  createdBy: true,
  createdAt: true,
} as const;
type Row = Prisma.ResourceGetPayload<{ select: typeof SELECT }>;

const COMPLETION_SELECT = {
  id: true,
  resourceId: true,
  slackUserId: true,
  partnerId: true,
  completedAt: true,
  confirmedBy: true,
  confirmedAt: true,
} as const;

const isTier = (value: unknown): value is Tier => (TIERS as readonly unknown[]).includes(value);

function tags(json: string): string[] {
  const parsed = parseJson(json);
  return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === "string") : [];
}

function toRecord(row: Row): ResourceRecord {
  return {
    ...row,
    kind: (RESOURCE_KINDS as readonly string[]).includes(row.kind) ? (row.kind as ResourceKind) : "link",
    tags: tags(row.tags),
    // An unreadable tier shows the resource to the top tier only: never wider than intended.
    minTier: isTier(row.minTier) ? row.minTier : "platinum",
    requiredFor: isTier(row.requiredFor) ? row.requiredFor : null,
  };
}

export class PrismaResourceRepository implements ResourceRepository {
  constructor(
    private readonly db: DbClient,
    private readonly dialect: Dialect,
  ) {}

  async create(resource: NewResource): Promise<ResourceRecord> {
    const row = await this.db.resource.create({
      data: { ...resource, tags: JSON.stringify(resource.tags) },
      select: SELECT,
    });
    return toRecord(row);
  }

  /** A removed resource is not found: it can be neither opened, completed nor removed again. */
  async findById(workspaceId: number, id: number): Promise<ResourceRecord | null> {
    const row = await this.db.resource.findFirst({ where: { id, workspaceId, removedAt: null }, select: SELECT });
    return row && toRecord(row);
  }

  async list(workspaceId: number): Promise<ResourceRecord[]> {
    const rows = await this.db.resource.findMany({
      where: { workspaceId, removedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: SELECT,
    });
    return rows.map(toRecord);
  }

  async remove(workspaceId: number, id: number, at: Date): Promise<boolean> {
    const { count } = await this.db.resource.updateMany({
      where: { id, workspaceId, removedAt: null },
      data: { removedAt: at },
    });
    return count === 1;
  }

  async complete(completion: {
    workspaceId: number;
    resourceId: number;
    slackUserId: string;
    partnerId: number | null;
    at: Date;
  }): Promise<boolean> {
    const { workspaceId, resourceId, slackUserId, partnerId, at } = completion;
    if (this.dialect === "postgresql") {
      // ON CONFLICT DO NOTHING: a double click waits for the first insert and then adds nothing,
      // where a unique violation would abort the caller's whole transaction.
      const inserted = await this.db.$executeRaw`
        INSERT INTO "TrainingCompletion" ("workspaceId", "resourceId", "slackUserId", "partnerId", "completedAt")
        VALUES (${workspaceId}, ${resourceId}, ${slackUserId}, ${partnerId}, ${at})
        ON CONFLICT ("resourceId", "slackUserId") DO NOTHING`;
      return inserted === 1;
    }
    // SQLite runs one writer at a time and a failed statement leaves its transaction usable.
    const where = { resourceId_slackUserId: { resourceId, slackUserId } };
    if (await this.db.trainingCompletion.findUnique({ where, select: { id: true } })) return false;
    try {
      await this.db.trainingCompletion.create({
        data: { workspaceId, resourceId, slackUserId, partnerId, completedAt: at },
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async confirm(workspaceId: number, completionId: number, by: string, at: Date): Promise<boolean> {
    const { count } = await this.db.trainingCompletion.updateMany({
      where: { id: completionId, workspaceId, confirmedBy: null },
      data: { confirmedBy: by, confirmedAt: at },
    });
    return count === 1;
  }

  /** Newest first; without a partner, every completion of the workspace (people in no partner too). */
  async completions(filter: { workspaceId: number; partnerId?: number; since?: Date }): Promise<CompletionRecord[]> {
    return this.db.trainingCompletion.findMany({
      where: {
        workspaceId: filter.workspaceId,
        resource: { removedAt: null },
        ...(filter.partnerId !== undefined && { partnerId: filter.partnerId }),
        ...(filter.since && { completedAt: { gte: filter.since } }),
      },
      orderBy: [{ completedAt: "desc" }, { id: "desc" }],
      select: COMPLETION_SELECT,
    });
  }
}
