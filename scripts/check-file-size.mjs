// Fails when a source file grows past 400 lines: a file that long does more than one job
// (../shared/ARCHITECTURE.md). Generated Prisma clients are not ours to split.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const MAX_LINES = 400;
const root = fileURLToPath(new URL("..", import.meta.url));
const roots = ["src", "bench", "scripts", "prisma"];
const sourceFile = /\.(ts|mts|mjs|cjs|js|css|html)$/;
const skipped = new Set(["generated", "node_modules", "migrations"]);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (sourceFile.test(entry.name)) yield path;
  }
}

const tooLong = [];
for (const top of roots) {
  for (const path of files(join(root, top))) {
    const lines = readFileSync(path, "utf8").split("\n").length - 1;
    if (lines > MAX_LINES) tooLong.push(`${relative(root, path)}: ${lines} lines`);
  }
}
if (tooLong.length > 0) {
  console.error(`Source files over ${MAX_LINES} lines (split them by job):\n  ${tooLong.join("\n  ")}`);
  process.exit(1);
}
console.log(`No source file over ${MAX_LINES} lines.`);
