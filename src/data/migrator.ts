import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type Dialect, dialectOf, sqlitePath } from "./database";

/**
 * Applies the committed migration SQL at start, for both dialects, and records each migration in
 * Prisma's own `_prisma_migrations` table with the checksum Prisma writes (SHA-256 of the file), so
 * `prisma migrate status` agrees. The Prisma CLI cannot migrate PostgreSQL through the pg adapter,
 * hence this. Instances starting together are serialized: an advisory lock on PostgreSQL, one
 * IMMEDIATE transaction per migration on SQLite.
 */

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

const MIGRATIONS_ROOT = fileURLToPath(new URL("../../prisma/migrations/", import.meta.url));
/** Arbitrary but fixed: every instance of the app must take the same advisory lock. */
const PG_MIGRATION_LOCK = 7_470_110_542;

const CREATE_TABLE: Record<Dialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

export function loadMigrations(dialect: Dialect, root = MIGRATIONS_ROOT): Migration[] {
  const folder = `${root}${dialect}`;
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{14}_/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(`${folder}/${name}/migration.sql`);
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

export class MigrationError extends Error {}

interface AppliedRow {
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** Throws when an earlier attempt failed half-way: that needs a person (prisma migrate resolve). */
function isApplied(name: string, rows: AppliedRow[]): boolean {
  const live = rows.filter((row) => row.rolled_back_at === null);
  if (live.some((row) => row.finished_at === null)) {
    throw new MigrationError(
      `migration ${name} failed earlier and is marked unfinished in _prisma_migrations; fix the database, then run prisma migrate resolve`,
    );
  }
  return live.length > 0;
}

function migrateSqlite(databaseUrl: string, migrations: Migration[]): MigrationResult {
  const path = sqlitePath(databaseUrl);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 30_000 });
  const applied: string[] = [];
  try {
    // WAL lets readers work while another instance writes; it is a property of the file and persists.
    db.pragma("journal_mode = WAL");
    db.exec(CREATE_TABLE.sqlite);
    const select = db.prepare(
      `SELECT checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = ?`,
    );
    const insert = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    );
    // Prisma's SQLite migrations rebuild a table by copy, DROP and rename. With foreign keys on,
    // that DROP would cascade into child rows; the pragma only works outside a transaction, so it
    // is turned off around them and the keys are checked before each commit instead.
    db.pragma("foreign_keys = OFF");
    for (const migration of migrations) {
      const apply = db.transaction(() => {
        if (isApplied(migration.name, select.all(migration.name) as AppliedRow[])) return false;
        const startedAt = sqliteTimestamp(new Date());
        db.exec(migration.sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) {
          throw new MigrationError(`migration ${migration.name} leaves ${broken.length} rows with broken foreign keys`);
        }
        insert.run(randomUUID(), migration.checksum, sqliteTimestamp(new Date()), migration.name, startedAt);
        return true;
      });
      if (apply.immediate()) applied.push(migration.name);
    }
    db.pragma("foreign_keys = ON");
  } finally {
    db.close();
  }
  return { applied, alreadyApplied: migrations.length - applied.length };
}

/** The format Prisma's own migrate writes into SQLite. */
function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

async function migratePostgres(databaseUrl: string, migrations: Migration[]): Promise<MigrationResult> {
  // Loaded here, not at the top: an SQLite deployment never needs pg (about 8 MB and 100 ms).
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_MIGRATION_LOCK]);
    try {
      await client.query(CREATE_TABLE.postgresql);
      for (const migration of migrations) {
        const { rows } = await client.query<AppliedRow>(
          `SELECT checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = $1`,
          [migration.name],
        );
        if (isApplied(migration.name, rows)) continue;
        await client.query("BEGIN");
        try {
          const startedAt = new Date();
          await client.query(migration.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, $4, 1)`,
            [randomUUID(), migration.checksum, migration.name, startedAt],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`);
        }
        applied.push(migration.name);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PG_MIGRATION_LOCK]);
    }
  } finally {
    await client.end();
  }
  return { applied, alreadyApplied: migrations.length - applied.length };
}

/** `root` is the migrations folder (holding sqlite/ and postgresql/); tests point it elsewhere. */
export async function migrate(databaseUrl: string, root = MIGRATIONS_ROOT): Promise<MigrationResult> {
  const dialect = dialectOf(databaseUrl);
  const migrations = loadMigrations(dialect, root);
  if (dialect === "sqlite") {
    try {
      return migrateSqlite(databaseUrl, migrations);
    } catch (error) {
      if (error instanceof MigrationError) throw error;
      throw new MigrationError(`SQLite migration failed: ${(error as Error).message}`);
    }
  }
  return migratePostgres(databaseUrl, migrations);
}
