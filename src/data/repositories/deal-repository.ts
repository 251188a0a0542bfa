import type { CustomerKeys } from "../../domain/deals/customer";
import { isRegistrationStatus, UNDECIDED_STATUSES } from "../../domain/deals/registration";
import { isStage } from "../../domain/deals/stages";
import type { DealEventRecord, DealRecord } from "../../services/records";
import type {
  DealExpectation,
  DealListFilter,
  DealPatch,
  DealRepository,
  NewDeal,
  PastDeal,
  PastDealEvent,
} from "../../services/store";
import { type DbClient, isUniqueViolation } from "../db-client";
import type { Prisma } from "../generated/sqlite/client";

const INCLUDE = {
  partner: { select: { name: true } },
  workspace: { select: { teamId: true, timezone: true } },
} as const;
type Row = Prisma.DealGetPayload<{ include: typeof INCLUDE }>;

function toRecord(row: Row): DealRecord {
  const { partner, workspace, customerDomain, customerNameKey, amountMinor, idempotencyKey: _key, ...rest } = row;
  return {
    ...rest,
    teamId: workspace.teamId,
    timezone: workspace.timezone,
    partnerName: partner.name,
    customer: { domain: customerDomain, nameKey: customerNameKey },
    amountMinor: Number(amountMinor),
    stage: isStage(row.stage) ? row.stage : "prospecting",
    status: isRegistrationStatus(row.status) ? row.status : "pending",
  };
}

function toData(patch: DealPatch): Prisma.DealUpdateManyMutationInput {
  const { amountMinor, customer, ...rest } = patch;
  return {
    ...rest,
    ...(amountMinor !== undefined && { amountMinor: BigInt(amountMinor) }),
    ...(customer !== undefined && { customerDomain: customer.domain, customerNameKey: customer.nameKey }),
  };
}

export class PrismaDealRepository implements DealRepository {
  constructor(private readonly db: DbClient) {}

  async create(deal: NewDeal): Promise<DealRecord | null> {
    const { customer, amountMinor, ...rest } = deal;
    try {
      const row = await this.db.deal.create({
        data: {
          ...rest,
          customerDomain: customer.domain,
          customerNameKey: customer.nameKey,
          amountMinor: BigInt(amountMinor),
        },
        include: INCLUDE,
      });
      return toRecord(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async findByIdempotencyKey(key: string): Promise<DealRecord | null> {
    const row = await this.db.deal.findUnique({ where: { idempotencyKey: key }, include: INCLUDE });
    return row && toRecord(row);
  }

  async findById(workspaceId: number, id: number): Promise<DealRecord | null> {
    const row = await this.db.deal.findFirst({ where: { id, workspaceId }, include: INCLUDE });
    return row && toRecord(row);
  }

  async findSameCustomer(workspaceId: number, customer: CustomerKeys): Promise<DealRecord[]> {
    const keys: Prisma.DealWhereInput[] = [{ customerNameKey: customer.nameKey }];
    if (customer.domain) keys.push({ customerDomain: customer.domain });
    const rows = await this.db.deal.findMany({
      where: { workspaceId, stage: { not: "lost" }, OR: keys },
      include: INCLUDE,
      orderBy: { id: "asc" },
    });
    return rows.map(toRecord);
  }

  async update(id: number, expected: DealExpectation, patch: DealPatch): Promise<DealRecord | null> {
    const { count } = await this.db.deal.updateMany({ where: { id, ...expected }, data: toData(patch) });
    if (count === 0) return null;
    const row = await this.db.deal.findUnique({ where: { id }, include: INCLUDE });
    return row && toRecord(row);
  }

  async list(filter: DealListFilter, page: { offset: number; limit: number }) {
    const where: Prisma.DealWhereInput = {
      workspaceId: filter.workspaceId,
      ...(filter.partnerId !== undefined && { partnerId: filter.partnerId }),
      ...(filter.stages && { stage: { in: [...filter.stages] } }),
      ...(filter.statuses && { status: { in: [...filter.statuses] } }),
      ...(filter.decidedSince && { decidedAt: { gte: filter.decidedSince } }),
      ...((filter.createdFrom || filter.createdBefore) && {
        createdAt: {
          ...(filter.createdFrom && { gte: filter.createdFrom }),
          ...(filter.createdBefore && { lt: filter.createdBefore }),
        },
      }),
      ...((filter.closedFrom || filter.closedBefore) && {
        closedAt: {
          ...(filter.closedFrom && { gte: filter.closedFrom }),
          ...(filter.closedBefore && { lt: filter.closedBefore }),
        },
      }),
      ...(filter.conflicted !== undefined && { conflictDealId: filter.conflicted ? { not: null } : null }),
      ...(filter.extensionRequested !== undefined && {
        extensionRequestedAt: filter.extensionRequested ? { not: null } : null,
      }),
    };
    return this.page(where, page, filter.order);
  }

  async searchCustomers(
    filter: { workspaceId: number; partnerId?: number; words: readonly string[] },
    page: { offset: number; limit: number },
  ) {
    // Name keys and domains are stored folded to lower case, so a plain substring match suits both databases.
    const where: Prisma.DealWhereInput = {
      workspaceId: filter.workspaceId,
      ...(filter.partnerId !== undefined && { partnerId: filter.partnerId }),
      AND: filter.words.map((word) => ({
        OR: [{ customerNameKey: { contains: word } }, { customerDomain: { contains: word } }],
      })),
    };
    return this.page(where, page);
  }

  /** One page of matching deals, newest (or oldest) first, with how many match in all. */
  private async page(
    where: Prisma.DealWhereInput,
    page: { offset: number; limit: number },
    order: "newest" | "oldest" = "newest",
  ) {
    const direction = order === "newest" ? "desc" : "asc";
    const [rows, total] = await Promise.all([
      this.db.deal.findMany({
        where,
        include: INCLUDE,
        orderBy: [{ createdAt: direction }, { id: direction }],
        skip: page.offset,
        take: page.limit,
      }),
      this.db.deal.count({ where }),
    ]);
    return { deals: rows.map(toRecord), total };
  }

  async undecided(): Promise<DealRecord[]> {
    const rows = await this.db.deal.findMany({
      where: { status: { in: [...UNDECIDED_STATUSES] } },
      include: INCLUDE,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toRecord);
  }

  async protectionEndingBefore(until: Date): Promise<DealRecord[]> {
    const rows = await this.db.deal.findMany({
      where: { status: "approved", protectedUntil: { lt: until }, stage: { notIn: ["won", "lost"] } },
      include: INCLUDE,
      orderBy: { protectedUntil: "asc" },
    });
    return rows.map(toRecord);
  }

  async addEvent(event: { dealId: number; actor: string; type: string; data?: object; at: Date }): Promise<number> {
    const row = await this.db.dealEvent.create({
      data: {
        dealId: event.dealId,
        actor: event.actor,
        type: event.type,
        data: JSON.stringify(event.data ?? {}),
        createdAt: event.at,
      },
      select: { id: true },
    });
    return row.id;
  }

  async events(dealId: number): Promise<DealEventRecord[]> {
    const rows = await this.db.dealEvent.findMany({
      where: { dealId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
  }

  async createWithHistory(deal: PastDeal, events: PastDealEvent[]): Promise<number> {
    const { customer, amountMinor, ...rest } = deal;
    const history = events.map(({ actor, type, data, at }) => ({
      actor,
      type,
      data: JSON.stringify(data ?? {}),
      createdAt: at,
    }));
    const row = await this.db.deal.create({
      data: {
        ...rest,
        customerDomain: customer.domain,
        customerNameKey: customer.nameKey,
        amountMinor: BigInt(amountMinor),
        events: { create: history },
      },
      select: { id: true },
    });
    return row.id;
  }

  async idsByKeyPrefix(workspaceId: number, prefix: string): Promise<Map<string, number>> {
    const rows = await this.db.deal.findMany({
      where: { workspaceId, idempotencyKey: { startsWith: prefix } },
      select: { id: true, idempotencyKey: true },
    });
    return new Map(rows.flatMap((row) => (row.idempotencyKey === null ? [] : [[row.idempotencyKey, row.id] as const])));
  }
}
