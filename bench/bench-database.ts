import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type Db, type Dialect } from "../src/data/database";
import { migrate } from "../src/data/migrator";

export interface BenchDatabase {
  /** The DATABASE_URL to start the app with. */
  url: string;
  /** One line for the report, without credentials. */
  describe: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one benchmark run, as the test harness makes them: an SQLite file in
 * a temp folder, or, when `serverUrl` is a postgresql:// URL, a scratch database created on that
 * server (and dropped afterwards) so the run neither depends on nor leaves rows in the database named.
 */
export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
    const folder = mkdtempSync(join(tmpdir(), "partner-hub-bench-"));
    const file = join(folder, "bench.db");
    return {
      url: `file:${file}`,
      describe: `SQLite ${file}`,
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  // node-postgres, unlike psql, does not fall back to the OS account when neither the URL, PGUSER
  // nor USER names a user (USER is often unset in containers): default to postgres then.
  const server = new URL(serverUrl);
  if (!server.username) server.username = process.env.PGUSER || process.env.USER || "postgres";
  const name = `ph_bench_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const scratch = new URL(server.toString());
  scratch.pathname = `/${name}`;
  const version = await serverVersion(server.toString());
  return {
    url: scratch.toString(),
    describe: `PostgreSQL ${version} at ${scratch.host} as ${scratch.username}, scratch database ${name}`,
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function serverVersion(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>("SHOW server_version");
    return result.rows[0]?.server_version.split(" ")[0] ?? "?";
  } finally {
    await client.end();
  }
}

/** The PostgreSQL server of the benches when DATABASE_URL names none. */
const DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";

/**
 * Runs `run` on SQLite, then on PostgreSQL (serverUrl: DATABASE_URL when it is a postgresql:// URL,
 * else the local test server); `only` ("sqlite", "postgresql") keeps one.
 */
export async function onEachDialect(
  only: string,
  run: (dialect: Dialect, serverUrl: string | undefined) => Promise<void>,
): Promise<void> {
  const serverUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : DEFAULT_POSTGRES;
  if (only !== "postgresql") await run("sqlite", undefined);
  if (only !== "sqlite") await run("postgresql", serverUrl);
}

/** A fresh database (createBenchDatabase), migrated, with a Prisma client on it for `work`. */
export async function withMigratedDatabase<T>(
  serverUrl: string | undefined,
  work: (database: BenchDatabase, db: Db) => Promise<T>,
): Promise<T> {
  const database = await createBenchDatabase(serverUrl);
  let db: Db | undefined;
  try {
    await migrate(database.url);
    db = createDb(database.url);
    return await work(database, db);
  } finally {
    // Disconnect first: dropping WITH (FORCE) terminates any connection still open (57P01), and an
    // idle pool client that gets it throws an unhandled 'error' that hides the run's real failure.
    await db?.$disconnect();
    await database.drop();
  }
}
