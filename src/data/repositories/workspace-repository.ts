import type { ProgramSettingsPatch } from "../../domain/partners/program-settings";
import type { WorkspaceRecord } from "../../services/records";
import type { NewWorkspace, WorkspaceRepository } from "../../services/store";
import { type DbClient, isUniqueViolation } from "../db-client";

const SELECT = {
  id: true,
  teamId: true,
  timezone: true,
  reportingCurrency: true,
  weekStartsOn: true,
  protectionDays: true,
  approvalsChannel: true,
  firstAdminUserId: true,
  shoutoutAllowance: true,
  companyValues: true,
  celebrateFirstWin: true,
  celebrateRecordMonth: true,
  celebrationsChannel: true,
  approvalReminderDays: true,
  leaderboardAmounts: true,
  programRules: true,
} as const;

type Row = Omit<WorkspaceRecord, "companyValues" | "leaderboardAmounts"> & {
  companyValues: string;
  leaderboardAmounts: string;
};

/** The values are stored as a JSON array of strings; anything else reads as no values. */
function parseValues(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((value): value is string => typeof value === "string") : [];
  } catch {
    return [];
  }
}

function toRecord(row: Row): WorkspaceRecord {
  return {
    ...row,
    companyValues: parseValues(row.companyValues),
    // Anything but "all" keeps other partners' amounts private: the safe reading of an odd value.
    leaderboardAmounts: row.leaderboardAmounts === "all" ? "all" : "own",
  };
}

export class PrismaWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly db: DbClient) {}

  /** Every request calls this: a plain indexed read, writing only the first time a team is seen. */
  async ensure(teamId: string): Promise<WorkspaceRecord> {
    const found = await this.find(teamId);
    if (found) return found;
    // A non-empty update makes it one atomic INSERT … ON CONFLICT (see members' ensure).
    return toRecord(
      await this.db.workspace.upsert({ where: { teamId }, create: { teamId }, update: { teamId }, select: SELECT }),
    );
  }

  async find(teamId: string): Promise<WorkspaceRecord | null> {
    const row = await this.db.workspace.findUnique({ where: { teamId }, select: SELECT });
    return row && toRecord(row);
  }

  async findById(workspaceId: number): Promise<WorkspaceRecord | null> {
    const row = await this.db.workspace.findUnique({ where: { id: workspaceId }, select: SELECT });
    return row && toRecord(row);
  }

  async all(): Promise<WorkspaceRecord[]> {
    const rows = await this.db.workspace.findMany({ orderBy: { id: "asc" }, select: SELECT });
    return rows.map(toRecord);
  }

  async claimFirstAdmin(workspaceId: number, userId: string): Promise<boolean> {
    const { count } = await this.db.workspace.updateMany({
      where: { id: workspaceId, firstAdminUserId: null },
      data: { firstAdminUserId: userId },
    });
    return count === 1;
  }

  async lock(workspaceId: number): Promise<void> {
    await this.db.workspace.updateMany({ where: { id: workspaceId }, data: { updatedAt: new Date() } });
  }

  async updateSettings(workspaceId: number, patch: ProgramSettingsPatch): Promise<WorkspaceRecord> {
    const { companyValues, ...rest } = patch;
    const data = { ...rest, ...(companyValues && { companyValues: JSON.stringify(companyValues) }) };
    return toRecord(await this.db.workspace.update({ where: { id: workspaceId }, data, select: SELECT }));
  }

  async setProgramRules(workspaceId: number, text: string | null, onlyIfUnset: boolean): Promise<boolean> {
    const { count } = await this.db.workspace.updateMany({
      where: { id: workspaceId, ...(onlyIfUnset && { programRules: null }) },
      data: { programRules: text },
    });
    return count === 1;
  }

  async setApprovalsChannel(workspaceId: number, channel: string, onlyIfUnset: boolean): Promise<boolean> {
    const { count } = await this.db.workspace.updateMany({
      where: { id: workspaceId, ...(onlyIfUnset && { approvalsChannel: null }) },
      data: { approvalsChannel: channel },
    });
    return count === 1;
  }

  async create(workspace: NewWorkspace): Promise<WorkspaceRecord | null> {
    // Checked first: on PostgreSQL a failed insert would abort the surrounding transaction.
    if (await this.db.workspace.findUnique({ where: { teamId: workspace.teamId }, select: { id: true } })) return null;
    try {
      return toRecord(await this.db.workspace.create({ data: workspace, select: SELECT }));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async fillName(workspaceId: number, name: string): Promise<boolean> {
    const { count } = await this.db.workspace.updateMany({ where: { id: workspaceId, name: null }, data: { name } });
    return count === 1;
  }

  count(): Promise<number> {
    return this.db.workspace.count();
  }
}
