// Prisma CLI configuration for the derived PostgreSQL schema. Migrations for PostgreSQL are
// generated against PGlite (in-process PostgreSQL, dev only) because the pg adapter cannot run the
// schema engine's introspection; the app applies the committed SQL itself (src/data/migrator.ts).
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "../migrations/postgresql" },
  async adapter() {
    // The adapter is typed against an older driver-adapter-utils; its runtime interface is the same.
    return new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
  },
});
