import type {
  DigestKind,
  DigestRepository,
  DigestRunKey,
  DigestSubscriptionInput,
  DigestSubscriptionRecord,
} from "../../services/digest/digest-store";
import type { Dialect } from "../database";
import type { DbClient } from "../db-client";
import type { Prisma } from "../generated/sqlite/client";

type Row = Prisma.DigestSubscriptionGetPayload<object>;

function toRecord(row: Row): DigestSubscriptionRecord {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    channelId: row.channelId,
    kind: (row.kind === "manager" ? "manager" : "channel") satisfies DigestKind,
    timezone: row.timezone,
    weekday: row.weekday,
    hour: row.hour,
    minute: row.minute,
    active: row.active,
    createdBy: row.createdBy,
  };
}

const runKey = (key: DigestRunKey) => `${key.subscriptionId}:${key.periodKey}`;

/** Claims per statement: well within both dialects' limits on bound values. */
const CLAIM_BATCH = 200;

export class PrismaDigestRepository implements DigestRepository {
  constructor(
    private readonly db: DbClient,
    private readonly dialect: Dialect,
  ) {}

  async upsert(input: DigestSubscriptionInput): Promise<DigestSubscriptionRecord> {
    const schedule = {
      timezone: input.timezone,
      weekday: input.weekday,
      hour: input.hour,
      minute: input.minute,
      kind: input.kind,
      createdBy: input.createdBy,
    };
    const row = await this.db.digestSubscription.upsert({
      where: { workspaceId_channelId: { workspaceId: input.workspaceId, channelId: input.channelId } },
      create: { workspaceId: input.workspaceId, channelId: input.channelId, ...schedule },
      update: { ...schedule, active: true },
    });
    return toRecord(row);
  }

  async find(workspaceId: number, channelId: string): Promise<DigestSubscriptionRecord | null> {
    const row = await this.db.digestSubscription.findUnique({
      where: { workspaceId_channelId: { workspaceId, channelId } },
    });
    return row && toRecord(row);
  }

  async findById(id: number): Promise<DigestSubscriptionRecord | null> {
    const row = await this.db.digestSubscription.findUnique({ where: { id } });
    return row && toRecord(row);
  }

  async deactivate(workspaceId: number, channelId: string): Promise<boolean> {
    const { count } = await this.db.digestSubscription.updateMany({
      where: { workspaceId, channelId, active: true },
      data: { active: false },
    });
    return count > 0;
  }

  async listActive(): Promise<DigestSubscriptionRecord[]> {
    const rows = await this.db.digestSubscription.findMany({ where: { active: true }, orderBy: { id: "asc" } });
    return rows.map(toRecord);
  }

  async claimedRuns(keys: readonly DigestRunKey[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.db.digestRun.findMany({
      where: {
        subscriptionId: { in: [...new Set(keys.map((key) => key.subscriptionId))] },
        periodKey: { in: [...new Set(keys.map((key) => key.periodKey))] },
      },
      select: { subscriptionId: true, periodKey: true },
    });
    const wanted = new Set(keys.map(runKey));
    return new Set(rows.map(runKey).filter((key) => wanted.has(key)));
  }

  async claimRuns(keys: readonly DigestRunKey[], at: Date): Promise<DigestRunKey[]> {
    // One order for every instance: two transactions inserting overlapping keys then wait on each
    // other in the same sequence instead of deadlocking.
    const sorted = [...new Map(keys.map((key) => [runKey(key), key])).values()].sort(
      (a, b) => a.subscriptionId - b.subscriptionId || a.periodKey.localeCompare(b.periodKey),
    );
    const claimed: DigestRunKey[] = [];
    for (let i = 0; i < sorted.length; i += CLAIM_BATCH) {
      const batch = sorted.slice(i, i + CLAIM_BATCH);
      // ON CONFLICT DO NOTHING, not a caught unique violation: on PostgreSQL a failed insert would
      // abort the caller's transaction. A conflicting insert waits for the other transaction and
      // inserts nothing once it commits.
      const params: (string | number)[] = [];
      const values = batch.map((key) => {
        params.push(key.subscriptionId, key.periodKey, this.time(at));
        const n = params.length;
        return this.dialect === "sqlite" ? "(?, ?, ?)" : `($${n - 2}::int, $${n - 1}::text, $${n}::timestamp)`;
      });
      const rows = await this.db.$queryRawUnsafe<{ subscriptionId: number | bigint; periodKey: string }[]>(
        `INSERT INTO "DigestRun" ("subscriptionId", "periodKey", "createdAt") VALUES ${values.join(", ")}
         ON CONFLICT ("subscriptionId", "periodKey") DO NOTHING RETURNING "subscriptionId", "periodKey"`,
        ...params,
      );
      claimed.push(...rows.map((row) => ({ subscriptionId: Number(row.subscriptionId), periodKey: row.periodKey })));
    }
    return claimed;
  }

  /** DateTime as each dialect stores it: SQLite as the adapter's ISO text, PostgreSQL as timestamp(3) in UTC. */
  private time(value: Date): string {
    const iso = value.toISOString();
    return this.dialect === "sqlite" ? iso.replace("Z", "+00:00") : iso.slice(0, 23).replace("T", " ");
  }
}
