import {
  type NewPartner,
  PARTNER_STATUSES,
  type PartnerStatus,
  TIERS,
  type Tier,
} from "../../domain/partners/partner-rules";
import type { PartnerRecord, PartnerSummary } from "../../services/records";
import type { EstablishedPartner, PartnerRepository } from "../../services/store";
import { type DbClient, isUniqueViolation } from "../db-client";

const SELECT = {
  id: true,
  workspaceId: true,
  name: true,
  nameKey: true,
  region: true,
  tier: true,
  status: true,
  connectTeamId: true,
  homeChannel: true,
  onboardedAt: true,
  tierHeldUntil: true,
} as const;

type Row = Omit<PartnerRecord, "tier" | "status"> & { tier: string; status: string };

function toRecord(row: Row): PartnerRecord {
  return {
    ...row,
    tier: (TIERS as readonly string[]).includes(row.tier) ? (row.tier as Tier) : "registered",
    status: (PARTNER_STATUSES as readonly string[]).includes(row.status) ? (row.status as PartnerStatus) : "active",
  };
}

export class PrismaPartnerRepository implements PartnerRepository {
  constructor(private readonly db: DbClient) {}

  async create(workspaceId: number, partner: NewPartner): Promise<PartnerRecord | null> {
    if (await this.findByKey(workspaceId, partner.nameKey)) return null;
    try {
      return toRecord(await this.db.partner.create({ data: { workspaceId, ...partner }, select: SELECT }));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async findByKey(workspaceId: number, nameKey: string): Promise<PartnerRecord | null> {
    const row = await this.db.partner.findUnique({
      where: { workspaceId_nameKey: { workspaceId, nameKey } },
      select: SELECT,
    });
    return row && toRecord(row);
  }

  async findById(workspaceId: number, id: number): Promise<PartnerRecord | null> {
    const row = await this.db.partner.findFirst({ where: { id, workspaceId }, select: SELECT });
    return row && toRecord(row);
  }

  async findByConnectTeam(workspaceId: number, connectTeamId: string): Promise<PartnerRecord | null> {
    const row = await this.db.partner.findFirst({ where: { workspaceId, connectTeamId }, select: SELECT });
    return row && toRecord(row);
  }

  async findByChannel(workspaceId: number, channelId: string): Promise<PartnerRecord | null> {
    const row = await this.db.partner.findUnique({
      where: { workspaceId_homeChannel: { workspaceId, homeChannel: channelId } },
      select: SELECT,
    });
    return row && toRecord(row);
  }

  async setHomeChannel(partnerId: number, channelId: string | null): Promise<PartnerRecord> {
    return toRecord(
      await this.db.partner.update({ where: { id: partnerId }, data: { homeChannel: channelId }, select: SELECT }),
    );
  }

  async setTier(partnerId: number, expected: Tier, tier: Tier): Promise<PartnerRecord | null> {
    // Conditional: a concurrent recalculation or a manager's decision that moved it first wins.
    const { count } = await this.db.partner.updateMany({ where: { id: partnerId, tier: expected }, data: { tier } });
    if (count === 0) return null;
    const row = await this.db.partner.findUnique({ where: { id: partnerId }, select: SELECT });
    return row && toRecord(row);
  }

  async setStatus(partnerId: number, status: PartnerStatus, onboardedAt: Date | null): Promise<PartnerRecord> {
    return toRecord(
      await this.db.partner.update({ where: { id: partnerId }, data: { status, onboardedAt }, select: SELECT }),
    );
  }

  async holdTier(partnerId: number, until: Date | null): Promise<PartnerRecord> {
    return toRecord(
      await this.db.partner.update({ where: { id: partnerId }, data: { tierHeldUntil: until }, select: SELECT }),
    );
  }

  async list(workspaceId: number): Promise<PartnerSummary[]> {
    const rows = await this.db.partner.findMany({
      where: { workspaceId },
      orderBy: { nameKey: "asc" },
      select: { ...SELECT, _count: { select: { members: true } } },
    });
    return rows.map(({ _count, ...row }) => ({ ...toRecord(row), memberCount: _count.members }));
  }

  async createEstablished(workspaceId: number, partner: EstablishedPartner): Promise<PartnerRecord | null> {
    // Checked first: on PostgreSQL a failed insert would abort the surrounding transaction.
    if (await this.findByKey(workspaceId, partner.nameKey)) return null;
    try {
      return toRecord(await this.db.partner.create({ data: { workspaceId, ...partner }, select: SELECT }));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
}
