import type {
  MessageRef,
  OutboxDraft,
  OutboxRepository,
  OutboxRow,
  OutboxStatus,
  OutboxSummary,
} from "../../services/outbox/outbox-message";
import type { DbClient } from "../db-client";
import type { Prisma } from "../generated/sqlite/client";

const INCLUDE = { workspace: { select: { teamId: true } } } as const;
type Row = Prisma.OutboxMessageGetPayload<{ include: typeof INCLUDE }>;

const STATUSES: readonly OutboxStatus[] = ["pending", "sent", "failed", "skipped", "superseded"];
const asStatus = (value: string): OutboxStatus =>
  (STATUSES as readonly string[]).includes(value) ? (value as OutboxStatus) : "failed";

function parseSubject(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function toRow(row: Row): OutboxRow {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    teamId: row.workspace.teamId,
    dedupeKey: row.dedupeKey,
    kind: row.kind,
    subject: parseSubject(row.subject),
    action: row.action === "update" ? "update" : "post",
    channelId: row.channelId,
    fallbackChannelId: row.fallbackChannelId,
    messageKey: row.messageKey,
    threadKey: row.threadKey,
    status: asStatus(row.status),
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    sentChannel: row.sentChannel,
    sentTs: row.sentTs,
    createdAt: row.createdAt,
  };
}

/** A lease that is free: never taken, or taken by an instance that did not finish in time. */
const unclaimed = (now: Date): Prisma.OutboxMessageWhereInput => ({
  OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
});

export class PrismaOutboxRepository implements OutboxRepository {
  constructor(
    private readonly db: DbClient,
    /** Told after a write, so the dispatcher of this instance wakes (see prisma-store.ts). */
    private readonly wrote: () => void = () => {},
  ) {}

  async enqueue(drafts: readonly OutboxDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    // Read first: on PostgreSQL a failed insert would abort the caller's whole transaction.
    const known = await this.db.outboxMessage.findMany({
      where: { dedupeKey: { in: drafts.map((draft) => draft.dedupeKey) } },
      select: { dedupeKey: true },
    });
    const seen = new Set(known.map((row) => row.dedupeKey));
    for (const draft of drafts) {
      if (seen.has(draft.dedupeKey)) continue;
      seen.add(draft.dedupeKey);
      if (draft.action === "update" && draft.messageKey) {
        // The renderer draws the message as it is at delivery: one update carries every change.
        await this.db.outboxMessage.updateMany({
          where: {
            workspaceId: draft.workspaceId,
            messageKey: draft.messageKey,
            action: "update",
            status: "pending",
            lockedUntil: null,
          },
          data: { status: "superseded" },
        });
      }
      await this.db.outboxMessage.create({
        data: {
          workspaceId: draft.workspaceId,
          dedupeKey: draft.dedupeKey,
          kind: draft.kind,
          subject: JSON.stringify(draft.subject),
          action: draft.action,
          channelId: draft.channelId ?? null,
          fallbackChannelId: draft.fallbackChannelId ?? null,
          messageKey: draft.messageKey ?? null,
          threadKey: draft.threadKey ?? null,
        },
      });
    }
    this.wrote();
  }

  async due(now: Date, limit: number, skipChannels: readonly string[] = []): Promise<OutboxRow[]> {
    // Rows without a channel (thread replies) are never skipped: NOT IN alone would drop them (NULL).
    const skip = { OR: [{ channelId: null }, { channelId: { notIn: [...skipChannels] } }] };
    const rows = await this.db.outboxMessage.findMany({
      where: {
        status: "pending",
        nextAttemptAt: { lte: now },
        AND: [unclaimed(now), ...(skipChannels.length > 0 ? [skip] : [])],
      },
      include: INCLUDE,
      orderBy: { id: "asc" },
      take: limit,
    });
    return rows.map(toRow);
  }

  async claim(id: number, owner: string, now: Date, until: Date): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, status: "pending", ...unclaimed(now) },
      data: { lockedUntil: until, lockedBy: owner },
    });
    return count === 1;
  }

  async messageKeysStartingWith(workspaceId: number, prefix: string): Promise<string[]> {
    const rows = await this.db.outboxMessage.findMany({
      where: { workspaceId, action: "post", messageKey: { startsWith: prefix }, status: { in: ["pending", "sent"] } },
      select: { messageKey: true },
      orderBy: { id: "asc" },
    });
    return rows.flatMap((row) => (row.messageKey ? [row.messageKey] : []));
  }

  async findMessage(workspaceId: number, messageKey: string): Promise<MessageRef | null> {
    const row = await this.db.outboxMessage.findFirst({
      where: { workspaceId, messageKey, action: "post" },
      orderBy: { id: "asc" },
      select: { status: true, sentChannel: true, sentTs: true },
    });
    return row && { status: asStatus(row.status), channel: row.sentChannel, ts: row.sentTs };
  }

  async markSent(id: number, ref: { channel: string; ts: string | null }, at: Date): Promise<void> {
    await this.db.outboxMessage.update({
      where: { id },
      data: {
        status: "sent",
        sentChannel: ref.channel,
        sentTs: ref.ts,
        sentAt: at,
        lockedUntil: null,
        lockedBy: null,
        lastError: null,
      },
    });
  }

  async release(id: number, patch: { at: Date; attempts?: number; error?: string; channelId?: string }): Promise<void> {
    await this.db.outboxMessage.update({
      where: { id },
      data: {
        nextAttemptAt: patch.at,
        lockedUntil: null,
        lockedBy: null,
        ...(patch.attempts !== undefined && { attempts: patch.attempts }),
        ...(patch.error !== undefined && { lastError: patch.error }),
        ...(patch.channelId !== undefined && { channelId: patch.channelId }),
      },
    });
  }

  async finish(id: number, status: "failed" | "skipped", error: string): Promise<void> {
    await this.db.outboxMessage.update({
      where: { id },
      data: { status, lastError: error, lockedUntil: null, lockedBy: null },
    });
  }

  async retry(workspaceId: number, id: number, now: Date): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, workspaceId, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null, lockedBy: null },
    });
    if (count === 1) this.wrote();
    return count === 1;
  }

  async summary(workspaceId: number, failureLimit: number): Promise<OutboxSummary> {
    const [counts, oldest, failures] = await Promise.all([
      this.db.outboxMessage.groupBy({ by: ["status"], where: { workspaceId }, _count: { _all: true } }),
      this.db.outboxMessage.findFirst({
        where: { workspaceId, status: "pending" },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
      }),
      this.db.outboxMessage.findMany({
        where: { workspaceId, status: "failed" },
        orderBy: { id: "desc" },
        take: failureLimit,
        select: { id: true, kind: true, channelId: true, lastError: true, attempts: true, createdAt: true },
      }),
    ]);
    const count = (status: OutboxStatus) => counts.find((row) => row.status === status)?._count._all ?? 0;
    return {
      pending: count("pending"),
      oldestPendingAt: oldest?.createdAt ?? null,
      sent: count("sent"),
      failed: count("failed"),
      failures,
    };
  }

  async nextDueAt(now: Date): Promise<Date | null> {
    // Rows due already are not "next": the ones left unclaimed wait for room in a lane (which wakes
    // the dispatcher when it frees), the claimed ones for their lease. Counting them made the
    // dispatcher look again at once, in a loop, for as long as anyone held a row.
    const [retry, lease] = await Promise.all([
      this.db.outboxMessage.findFirst({
        where: { status: "pending", nextAttemptAt: { gt: now } },
        orderBy: { nextAttemptAt: "asc" },
        select: { nextAttemptAt: true },
      }),
      this.db.outboxMessage.findFirst({
        where: { status: "pending", lockedUntil: { gte: now } },
        orderBy: { lockedUntil: "asc" },
        select: { lockedUntil: true },
      }),
    ]);
    // unclaimed() frees a lease only once it is strictly past.
    const lapses = lease?.lockedUntil ? [lease.lockedUntil.getTime() + 1] : [];
    const times = [...(retry ? [retry.nextAttemptAt.getTime()] : []), ...lapses];
    return times.length > 0 ? new Date(Math.min(...times)) : null;
  }
}
