import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { sqlitePath } from "../../src/data/database";
import { loadMigrations, migrate } from "../../src/data/migrator";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

async function appliedMigrations(database: TestDatabase): Promise<{ migration_name: string; checksum: string }[]> {
  const sql = `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`;
  if (database.dialect === "sqlite") {
    const db = new Database(sqlitePath(database.url), { readonly: true });
    try {
      return db.prepare(sql).all() as { migration_name: string; checksum: string }[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe(`migrator (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it("migrates an empty database, records Prisma's checksums, and is a no-op the second time", async () => {
    database = await createTestDatabase();
    const expected = loadMigrations(database.dialect);
    expect(expected.length).toBeGreaterThan(0);
    const first = await migrate(database.url);
    expect(first.applied).toEqual(expected.map((migration) => migration.name));
    const second = await migrate(database.url);
    expect(second).toEqual({ applied: [], alreadyApplied: expected.length });
    expect(await appliedMigrations(database)).toEqual(
      expected.map((migration) => ({ migration_name: migration.name, checksum: migration.checksum })),
    );
  });

  it("lets several instances start together: each migration is applied exactly once", async () => {
    database = await createTestDatabase();
    const url = database.url;
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const applied = results.flatMap((result) => result.applied);
    expect(applied.sort()).toEqual(loadMigrations(database.dialect).map((migration) => migration.name));
    expect(await appliedMigrations(database)).toHaveLength(applied.length);
  });

  // Prisma's CLI reads SQLite through the adapter; through @prisma/adapter-pg 6.19 it cannot
  // introspect at all ("Column type 'name' could not be deserialized"), so this check is SQLite's.
  if (!process.env.TEST_DATABASE_URL) {
    it("agrees with prisma migrate status", async () => {
      database = await createTestDatabase();
      await migrate(database.url);
      const output = execFileSync("npx", ["--no-install", "prisma", "migrate", "status"], {
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: "utf8",
      });
      expect(output).toContain("Database schema is up to date!");
    });
  }
});

// A later migration that rebuilds a table the way Prisma's SQLite scripts do must keep child rows.
if (!process.env.TEST_DATABASE_URL) {
  describe("migrator (SQLite table rebuilds)", () => {
    it("keeps child rows when a parent table is rebuilt by copy, drop and rename", async () => {
      const database = await createTestDatabase();
      const root = mkdtempSync(join(tmpdir(), "ph-migrations-"));
      try {
        await migrate(database.url);
        const db = new Database(sqlitePath(database.url));
        db.exec(`INSERT INTO "Workspace" (teamId, updatedAt) VALUES ('T1', '2026-01-01T00:00:00.000+00:00');
          INSERT INTO "AuditEntry" (workspaceId, actor, action) VALUES (1, 'U1', 'x');`);
        const ddl = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'Workspace'`).get() as { sql: string }).sql;
        db.close();
        cpSync(fileURLToPath(new URL("../../prisma/migrations/sqlite", import.meta.url)), join(root, "sqlite"), {
          recursive: true,
        });
        const folder = join(root, "sqlite", "29990101000000_rebuild_workspace");
        mkdirSync(folder);
        writeFileSync(
          join(folder, "migration.sql"),
          `${ddl.replace('"Workspace"', '"new_Workspace"')};
INSERT INTO "new_Workspace" SELECT * FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_teamId_key" ON "Workspace"("teamId");`,
        );
        const result = await migrate(database.url, `${root}/`);
        expect(result.applied).toEqual(["29990101000000_rebuild_workspace"]);
        const check = new Database(sqlitePath(database.url), { readonly: true });
        expect((check.prepare(`SELECT COUNT(*) AS n FROM "AuditEntry"`).get() as { n: number }).n).toBe(1);
        check.close();
      } finally {
        rmSync(root, { recursive: true, force: true });
        await database.drop();
      }
    });
  });
}
