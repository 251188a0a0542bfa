import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestDatabase {
  url: string;
  dialect: "sqlite" | "postgresql";
  drop(): Promise<void>;
}

/** The PostgreSQL server to test against; unset = SQLite only. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh, empty database for one test file: a file in a temp folder (SQLite) or a new database on
 * the TEST_DATABASE_URL server (PostgreSQL), so test files run in parallel without sharing rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const folder = mkdtempSync(join(tmpdir(), "partner-hub-test-"));
    return {
      url: `file:${join(folder, "test.db")}`,
      dialect: "sqlite",
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const name = `ph_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(TEST_DATABASE_URL, name),
    dialect: "postgresql",
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
