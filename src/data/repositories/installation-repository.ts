import type { InstallationRepository } from "../../services/installation-store";
import type { DbClient } from "../db-client";

export class PrismaInstallationRepository implements InstallationRepository {
  constructor(private readonly db: DbClient) {}

  async save(entry: {
    installKey: string;
    teamId: string | null;
    enterpriseId: string | null;
    botUserId: string | null;
    data: string;
  }): Promise<void> {
    const workspace = entry.teamId
      ? await this.db.workspace.upsert({
          where: { teamId: entry.teamId },
          create: { teamId: entry.teamId },
          // Not empty, so it is one atomic INSERT … ON CONFLICT (see members' ensure).
          update: { teamId: entry.teamId },
          select: { id: true },
        })
      : null;
    const fields = { ...entry, workspaceId: workspace?.id ?? null };
    await this.db.installation.upsert({ where: { installKey: entry.installKey }, create: fields, update: fields });
  }

  async find(installKey: string): Promise<string | null> {
    const row = await this.db.installation.findUnique({ where: { installKey }, select: { data: true } });
    return row?.data ?? null;
  }

  async delete(installKey: string): Promise<void> {
    await this.db.installation.deleteMany({ where: { installKey } });
  }
}
