// Generates both Prisma clients (SQLite schema of record and its PostgreSQL twin). Runs on install.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const config of ["prisma.config.ts", "prisma/postgres/prisma.config.ts"]) {
  execFileSync("npx", ["--no-install", "prisma", "generate", "--config", config], { cwd: root, stdio: "inherit" });
}
