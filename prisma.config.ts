// Prisma CLI configuration for the schema of record (SQLite). The CLI runs its WASM schema engine
// through the driver adapter, so no engine binary is ever downloaded.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations/sqlite" },
  async adapter() {
    // migrate diff needs no database; status and deploy use the one DATABASE_URL names.
    const url = process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : ":memory:";
    return new PrismaBetterSQLite3({ url });
  },
});
