import type { AuditEntryRecord, AuditLog } from "../../services/store";
import type { DbClient } from "../db-client";

/** The stored JSON, or an empty object when a row holds something else (written by hand, or cut). */
function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

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

  async latest(query: {
    workspaceId: number;
    limit: number;
    actor?: string;
    actionPrefix?: string;
  }): Promise<AuditEntryRecord[]> {
    const rows = await this.db.auditEntry.findMany({
      where: {
        workspaceId: query.workspaceId,
        ...(query.actor !== undefined && { actor: query.actor }),
        ...(query.actionPrefix !== undefined && { action: { startsWith: query.actionPrefix } }),
      },
      // The id breaks ties between entries written in the same millisecond, in the order they were written.
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit,
    });
    return rows.map((row) => ({
      id: row.id,
      actor: row.actor,
      action: row.action,
      target: row.target,
      data: parseData(row.data),
      createdAt: row.createdAt,
    }));
  }
}
