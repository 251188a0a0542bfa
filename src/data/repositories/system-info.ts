import type { MigrationsApplied, SystemInfo } from "../../services/operations/operations-store";
import type { Db, Dialect } from "../database";

/** Reads Prisma's own migration table, which src/data/migrator.ts writes on both dialects. */
export class PrismaSystemInfo implements SystemInfo {
  constructor(
    private readonly db: Db,
    readonly dialect: Dialect,
  ) {}

  async migrations(): Promise<MigrationsApplied> {
    const rows = await this.db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
    );
    return { count: rows.length, latest: rows.at(-1)?.migration_name ?? null };
  }
}
