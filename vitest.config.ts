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
  },
});
