import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

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
