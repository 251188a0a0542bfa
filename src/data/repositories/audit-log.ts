import type { AuditLog } from "../../services/store";
import type { DbClient } from "../db-client";

export class PrismaAuditLog implements AuditLog {
  constructor(private readonly db: DbClient) {}

  async record(entry: {
    workspaceId: number;
    actor: string;
    action: string;
    target?: string;
    data?: object;
  }): Promise<void> {
    await this.db.auditEntry.create({
      data: {
        workspaceId: entry.workspaceId,
        actor: entry.actor,
        action: entry.action,
        target: entry.target ?? null,
        data: JSON.stringify(entry.data ?? {}),
      },
    });
  }
}
