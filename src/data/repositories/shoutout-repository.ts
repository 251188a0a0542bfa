import type { NewShoutout, ShoutoutRecord, ShoutoutRepository } from "../../services/recognition/recognition-store";
import { type DbClient, isUniqueViolation } from "../db-client";
import type { Prisma } from "../generated/sqlite/client";

const INCLUDE = {
  recipients: {
    select: { userId: true, partnerId: true, partner: { select: { name: true } } },
    orderBy: { id: "asc" },
  },
  workspace: { select: { teamId: true } },
} as const;
type Row = Prisma.ShoutoutGetPayload<{ include: typeof INCLUDE }>;

const NEWEST: Prisma.ShoutoutOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

function toRecord(row: Row): ShoutoutRecord {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    teamId: row.workspace.teamId,
    fromUserId: row.fromUserId,
    message: row.message,
    value: row.value,
    award: row.award,
    announce: row.announce,
    channelId: row.channelId,
    recipients: row.recipients.map((r) => ({
      userId: r.userId,
      partnerId: r.partnerId,
      partnerName: r.partner?.name ?? null,
    })),
    plusOneCount: row.plusOneCount,
    createdAt: row.createdAt,
  };
}

export class PrismaShoutoutRepository implements ShoutoutRepository {
  constructor(private readonly db: DbClient) {}

  async create(shoutout: NewShoutout): Promise<ShoutoutRecord | null> {
    // Checked first: on PostgreSQL a unique violation would abort the caller's whole transaction.
    if (await this.findByIdempotencyKey(shoutout.idempotencyKey)) return null;
    const { recipients, ...rest } = shoutout;
    try {
      const row = await this.db.shoutout.create({
        data: { ...rest, recipients: { create: recipients } },
        include: INCLUDE,
      });
      return toRecord(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async findByIdempotencyKey(key: string): Promise<ShoutoutRecord | null> {
    const row = await this.db.shoutout.findUnique({ where: { idempotencyKey: key }, include: INCLUDE });
    return row && toRecord(row);
  }

  async findById(workspaceId: number, id: number): Promise<ShoutoutRecord | null> {
    const row = await this.db.shoutout.findFirst({ where: { id, workspaceId }, include: INCLUDE });
    return row && toRecord(row);
  }

  recipientsGivenSince(workspaceId: number, fromUserId: string, since: Date): Promise<number> {
    return this.db.shoutoutRecipient.count({
      where: { shoutout: { workspaceId, fromUserId, createdAt: { gte: since } } },
    });
  }

  async togglePlusOne(shoutoutId: number, userId: string): Promise<{ added: boolean; plusOneCount: number }> {
    const key = { shoutoutId_userId: { shoutoutId, userId } };
    if (await this.db.shoutoutPlusOne.findUnique({ where: key })) {
      // deleteMany: a concurrent click may have taken it back already; only a real removal counts.
      const { count } = await this.db.shoutoutPlusOne.deleteMany({ where: { shoutoutId, userId } });
      return { added: false, plusOneCount: await this.adjustCount(shoutoutId, -count) };
    }
    try {
      await this.db.shoutoutPlusOne.create({ data: { shoutoutId, userId } });
    } catch (error) {
      // A concurrent click added it first: the +1 stands, counted once.
      if (!isUniqueViolation(error)) throw error;
      return { added: true, plusOneCount: await this.adjustCount(shoutoutId, 0) };
    }
    return { added: true, plusOneCount: await this.adjustCount(shoutoutId, 1) };
  }

  async received(workspaceId: number, userId: string, limit: number): Promise<ShoutoutRecord[]> {
    return this.list({ workspaceId, recipients: { some: { userId } } }, limit);
  }

  async given(workspaceId: number, userId: string, limit: number): Promise<ShoutoutRecord[]> {
    return this.list({ workspaceId, fromUserId: userId }, limit);
  }

  async recent(workspaceId: number, limit: number): Promise<ShoutoutRecord[]> {
    return this.list({ workspaceId }, limit);
  }

  async announcedBetween(
    filter: {
      workspaceId: number;
      start: Date;
      end: Date;
      recipients?: { partnerId: number; userIds: readonly string[] };
    },
    limit: number,
  ): Promise<{ shoutouts: ShoutoutRecord[]; total: number }> {
    const { recipients } = filter;
    const where: Prisma.ShoutoutWhereInput = {
      workspaceId: filter.workspaceId,
      announce: true,
      createdAt: { gte: filter.start, lt: filter.end },
      ...(recipients && {
        recipients: {
          some: { OR: [{ partnerId: recipients.partnerId }, { userId: { in: [...recipients.userIds] } }] },
        },
      }),
    };
    const [rows, total] = await Promise.all([
      this.db.shoutout.findMany({
        where,
        orderBy: [{ plusOneCount: "desc" }, ...NEWEST],
        take: limit,
        include: INCLUDE,
      }),
      this.db.shoutout.count({ where }),
    ]);
    return { shoutouts: rows.map(toRecord), total };
  }

  private async list(where: Prisma.ShoutoutWhereInput, limit: number): Promise<ShoutoutRecord[]> {
    const rows = await this.db.shoutout.findMany({ where, orderBy: NEWEST, take: limit, include: INCLUDE });
    return rows.map(toRecord);
  }

  private async adjustCount(shoutoutId: number, by: number): Promise<number> {
    const row = await this.db.shoutout.update({
      where: { id: shoutoutId },
      data: { plusOneCount: { increment: by } },
      select: { plusOneCount: true },
    });
    return row.plusOneCount;
  }
}
