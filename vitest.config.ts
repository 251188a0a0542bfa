import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Most files wait on HTTP, the fake Slack or the database rather than the CPU: three forks on the
    // 2-core CI machine run the suite in ~60 % of the time one fork (vitest's default there) takes.
    maxWorkers: 3,
    // Each fork keeps its loaded modules between files instead of importing Bolt, Prisma and the app
    // again for every one of ~160 files: the suite takes about half the time (SQLite 333 s → 177 s,
    // PostgreSQL 427 s → 257 s on a slow day of the CI machine). Every file still builds its own
    // app, database and fake Slack, so no state is shared through the modules themselves.
    isolate: false,
  },
});
