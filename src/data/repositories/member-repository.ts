import { isRole, type Role } from "../../domain/partners/roles";
import type { MemberRecord } from "../../services/records";
import type { MemberPatch, MemberRepository, NewMember } from "../../services/store";
import { type DbClient, isUniqueViolation } from "../db-client";

const SELECT = {
  id: true,
  workspaceId: true,
  slackUserId: true,
  slackTeamId: true,
  displayName: true,
  role: true,
  partnerId: true,
  announceShoutouts: true,
  timezone: true,
} as const;

type Row = Omit<MemberRecord, "role"> & { role: string };

function toRecord(row: Row): MemberRecord {
  return { ...row, role: isRole(row.role) ? row.role : "member" };
}

export class PrismaMemberRepository implements MemberRepository {
  constructor(private readonly db: DbClient) {}

  async find(workspaceId: number, slackUserId: string): Promise<MemberRecord | null> {
    const row = await this.db.member.findUnique({
      where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
      select: SELECT,
    });
    return row && toRecord(row);
  }

  /** Every request calls this: a plain indexed read, writing only for a new person or a changed team. */
  async ensure(workspaceId: number, slackUserId: string, slackTeamId: string | null): Promise<MemberRecord> {
    const found = await this.find(workspaceId, slackUserId);
    if (found && (slackTeamId === null || found.slackTeamId === slackTeamId)) return found;
    // Never an empty update: only then does Prisma write one INSERT … ON CONFLICT DO UPDATE, which a
    // concurrent insert of the same person cannot fail. Otherwise it selects and inserts, and on
    // PostgreSQL the losing insert aborts the surrounding transaction (`/partner assign`).
    const row = await this.db.member.upsert({
      where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
      create: { workspaceId, slackUserId, slackTeamId },
      update: slackTeamId ? { slackTeamId } : { slackUserId },
      select: SELECT,
    });
    return toRecord(row);
  }

  async setRole(memberId: number, role: Role): Promise<MemberRecord> {
    return toRecord(await this.db.member.update({ where: { id: memberId }, data: { role }, select: SELECT }));
  }

  async setPartner(memberId: number, partnerId: number | null): Promise<MemberRecord> {
    return toRecord(await this.db.member.update({ where: { id: memberId }, data: { partnerId }, select: SELECT }));
  }

  countByRole(workspaceId: number, role: Role): Promise<number> {
    return this.db.member.count({ where: { workspaceId, role } });
  }

  async listByPartner(partnerId: number): Promise<MemberRecord[]> {
    const rows = await this.db.member.findMany({ where: { partnerId }, orderBy: { createdAt: "asc" }, select: SELECT });
    return rows.map(toRecord);
  }

  async create(member: NewMember): Promise<MemberRecord | null> {
    // Checked first: on PostgreSQL a failed insert would abort the surrounding transaction.
    if (await this.find(member.workspaceId, member.slackUserId)) return null;
    try {
      return toRecord(await this.db.member.create({ data: member, select: SELECT }));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async update(memberId: number, patch: MemberPatch): Promise<MemberRecord> {
    return toRecord(await this.db.member.update({ where: { id: memberId }, data: patch, select: SELECT }));
  }

  async setAnnounceShoutouts(memberId: number, on: boolean): Promise<MemberRecord> {
    const data = { announceShoutouts: on };
    return toRecord(await this.db.member.update({ where: { id: memberId }, data, select: SELECT }));
  }

  async setTimezone(memberId: number, timezone: string | null): Promise<MemberRecord> {
    return toRecord(await this.db.member.update({ where: { id: memberId }, data: { timezone }, select: SELECT }));
  }
}
