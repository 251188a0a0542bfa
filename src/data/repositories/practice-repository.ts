import type {
  NewPractice,
  PracticePatch,
  PracticeRecord,
  PracticeRepository,
} from "../../services/practices/practice-store";
import type { Dialect } from "../database";
import { type DbClient, isUniqueViolation } from "../db-client";
import type { Prisma } from "../generated/sqlite/client";
import { type PracticeSearchIndex, practiceSearchIndex } from "./practice-search";

const INCLUDE = {
  tags: { select: { tag: true }, orderBy: { id: "asc" } },
  workspace: { select: { teamId: true } },
} as const;
type Row = Prisma.PracticeGetPayload<{ include: typeof INCLUDE }>;

const LIVE = { deletedAt: null } as const;
const MOST_HELPFUL: Prisma.PracticeOrderByWithRelationInput[] = [
  { helpfulCount: "desc" },
  { createdAt: "desc" },
  { id: "desc" },
];
const NEWEST: Prisma.PracticeOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

function toRecord(row: Row): PracticeRecord {
  const { workspace, tags, partnerId: _partner, idempotencyKey: _key, ...rest } = row;
  return { ...rest, teamId: workspace.teamId, tags: tags.map((t) => t.tag) };
}

/** The tag table allows each tag once per practice; the first mention keeps its place. */
function distinct(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

export class PrismaPracticeRepository implements PracticeRepository {
  private readonly index: PracticeSearchIndex;

  /** Writes its search entry with the same client, so a caller's transaction covers both. */
  constructor(
    private readonly db: DbClient,
    dialect: Dialect,
  ) {
    this.index = practiceSearchIndex(dialect);
  }

  async create(practice: NewPractice): Promise<PracticeRecord | null> {
    // Checked first: on PostgreSQL a unique violation would abort the caller's whole transaction.
    if (await this.findByIdempotencyKey(practice.idempotencyKey)) return null;
    const { tags, ...rest } = practice;
    try {
      const row = await this.db.practice.create({
        data: { ...rest, tags: { create: distinct(tags).map((tag) => ({ tag })) } },
        include: INCLUDE,
      });
      const record = toRecord(row);
      await this.index.write(this.db, record);
      return record;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async findByIdempotencyKey(key: string): Promise<PracticeRecord | null> {
    const row = await this.db.practice.findUnique({ where: { idempotencyKey: key }, include: INCLUDE });
    return row && toRecord(row);
  }

  async findById(workspaceId: number, id: number): Promise<PracticeRecord | null> {
    const row = await this.db.practice.findFirst({ where: { id, workspaceId }, include: INCLUDE });
    return row && toRecord(row);
  }

  async update(id: number, patch: PracticePatch): Promise<PracticeRecord | null> {
    const { title, body, tags, region, link } = patch;
    const data = { title, body, region, link };
    const { count } = await this.db.practice.updateMany({ where: { id, ...LIVE }, data });
    if (count === 0) return null;
    await this.db.practiceTag.deleteMany({ where: { practiceId: id } });
    await this.db.practiceTag.createMany({ data: distinct(tags).map((tag) => ({ practiceId: id, tag })) });
    const record = toRecord(await this.db.practice.findUniqueOrThrow({ where: { id }, include: INCLUDE }));
    await this.index.write(this.db, record);
    return record;
  }

  async markDeleted(id: number, at: Date): Promise<PracticeRecord | null> {
    const { count } = await this.db.practice.updateMany({ where: { id, ...LIVE }, data: { deletedAt: at } });
    if (count === 0) return null;
    await this.index.remove(this.db, id);
    return toRecord(await this.db.practice.findUniqueOrThrow({ where: { id }, include: INCLUDE }));
  }

  async toggleVote(practiceId: number, userId: string): Promise<{ voted: boolean; helpfulCount: number }> {
    const key = { practiceId_userId: { practiceId, userId } };
    const existing = await this.db.practiceVote.findUnique({ where: key });
    if (existing) {
      // deleteMany: a concurrent click may have taken it back already; only a real removal counts.
      const { count } = await this.db.practiceVote.deleteMany({ where: { practiceId, userId } });
      return { voted: false, helpfulCount: await this.adjustCount(practiceId, -count) };
    }
    try {
      await this.db.practiceVote.create({ data: { practiceId, userId, value: 1 } });
    } catch (error) {
      // A concurrent click voted first: the vote stands, counted once.
      if (!isUniqueViolation(error)) throw error;
      return { voted: true, helpfulCount: await this.adjustCount(practiceId, 0) };
    }
    return { voted: true, helpfulCount: await this.adjustCount(practiceId, 1) };
  }

  private async adjustCount(practiceId: number, by: number): Promise<number> {
    const row = await this.db.practice.update({
      where: { id: practiceId },
      data: { helpfulCount: { increment: by } },
      select: { helpfulCount: true },
    });
    return row.helpfulCount;
  }

  async votedBy(userId: string, practiceIds: readonly number[]): Promise<Set<number>> {
    if (practiceIds.length === 0) return new Set();
    const rows = await this.db.practiceVote.findMany({
      where: { userId, practiceId: { in: [...practiceIds] } },
      select: { practiceId: true },
    });
    return new Set(rows.map((row) => row.practiceId));
  }

  async search(workspaceId: number, terms: readonly string[], limit: number): Promise<PracticeRecord[]> {
    const ids = await this.index.find(this.db, workspaceId, terms, limit);
    if (ids.length === 0) return [];
    const rows = await this.db.practice.findMany({ where: { id: { in: ids } }, include: INCLUDE });
    const byId = new Map(rows.map((row) => [row.id, toRecord(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async top(workspaceId: number, since: Date | null, limit: number): Promise<PracticeRecord[]> {
    const createdAt = since ? { gte: since } : undefined;
    return this.list({ workspaceId, ...LIVE, createdAt }, MOST_HELPFUL, limit);
  }

  async createdBetween(
    workspaceId: number,
    range: { start: Date; end: Date },
    limit: number,
  ): Promise<{ practices: PracticeRecord[]; total: number }> {
    const where = { workspaceId, ...LIVE, createdAt: { gte: range.start, lt: range.end } };
    const [practices, total] = await Promise.all([
      this.list(where, MOST_HELPFUL, limit),
      this.db.practice.count({ where }),
    ]);
    return { practices, total };
  }

  /** Most helpful first: a tag is browsed for what works best. */
  async byTag(workspaceId: number, tag: string, limit: number): Promise<PracticeRecord[]> {
    return this.list({ workspaceId, ...LIVE, tags: { some: { tag } } }, MOST_HELPFUL, limit);
  }

  /** Newest first: one's own list is read as a history. */
  async byAuthor(workspaceId: number, userId: string, limit: number): Promise<PracticeRecord[]> {
    return this.list({ workspaceId, ...LIVE, authorId: userId }, NEWEST, limit);
  }

  async newest(workspaceId: number, limit: number): Promise<PracticeRecord[]> {
    return this.list({ workspaceId, ...LIVE }, NEWEST, limit);
  }

  async knownTags(workspaceId: number, limit: number): Promise<string[]> {
    const rows = await this.db.practiceTag.groupBy({
      by: ["tag"],
      where: { practice: { workspaceId, ...LIVE } },
      _count: { tag: true },
      orderBy: [{ _count: { tag: "desc" } }, { tag: "asc" }],
      take: limit,
    });
    return rows.map((row) => row.tag);
  }

  private async list(
    where: Prisma.PracticeWhereInput,
    orderBy: Prisma.PracticeOrderByWithRelationInput[],
    limit: number,
  ): Promise<PracticeRecord[]> {
    const rows = await this.db.practice.findMany({ where, orderBy, take: limit, include: INCLUDE });
    return rows.map(toRecord);
  }
}
