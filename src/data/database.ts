import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { SQLITE_BUSY_TIMEOUT_MS } from "./sqlite-busy";
import { serializedSqlite } from "./sqlite-serialized";

// The URL helpers live beside config (the sandbox reads them too); kept importable from here.
export { type Dialect, dialectOf, sqlitePath } from "../database-url";

import { type Dialect, dialectOf, sqlitePath } from "../database-url";

/**
 * The one client type the code is written against. Both generated clients come from the same
 * models, so the PostgreSQL client is used through the SQLite client's type: code sticks to the
 * subset both dialects share (no enums, no Json, no insensitive mode, no skipDuplicates).
 */
export type Db = SqliteClient;

/** Which dialect each client speaks: raw SQL (full-text search) is written per dialect. */
const dialects = new WeakMap<Db, Dialect>();

/** The dialect of a client made by createDb (SQLite for any other, as the type says). */
export function dialectOfDb(db: Db): Dialect {
  return dialects.get(db) ?? "sqlite";
}

export function createDb(databaseUrl: string): Db {
  const dialect = dialectOf(databaseUrl);
  let client: Db;
  if (dialect === "sqlite") {
    const path = sqlitePath(databaseUrl);
    mkdirSync(dirname(path), { recursive: true });
    // A short driver timeout: better-sqlite3 waits for a lock synchronously (see sqlite-busy).
    const adapter = new PrismaBetterSQLite3({ url: path, timeout: SQLITE_BUSY_TIMEOUT_MS });
    client = new SqliteClient({ adapter: serializedSqlite(adapter) });
  } else {
    // Same models, same generator, different provider: see the note on Db above.
    client = new PostgresClient({
      adapter: lazyPostgresAdapter({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 }),
    }) as unknown as Db;
  }
  dialects.set(client, dialect);
  return client;
}

/**
 * The pg driver costs about 8 MB and 100 ms to load: an SQLite deployment never loads it, a
 * PostgreSQL one loads it when Prisma first connects.
 */
function lazyPostgresAdapter(config: ConstructorParameters<typeof PrismaPg>[0]) {
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: async () => {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg(config).connect();
    },
  };
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function pingDb(db: Db, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), timeoutMs);
  });
  try {
    return await Promise.race([db.$queryRawUnsafe("SELECT 1").then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
