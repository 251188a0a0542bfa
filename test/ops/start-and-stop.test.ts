import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/sandbox/fake-slack";
import {
  type AppProcess,
  credentialsEnv,
  freePort,
  healthStatus,
  killGroup,
  PRODUCTION_NODE_ARGS,
  processTree,
  REPO_ROOT,
  startApp,
  waitGone,
  waitHealthy,
} from "./app-process";

/**
 * How operators run the app: `npm start` and the production start (`npm run build`, then
 * `node dist/main.js`) as real processes with bot-token credentials, stopped by SIGTERM sent to the
 * process they started, the way Docker, systemd or Kubernetes stop it.
 */

let fake: FakeSlack;
let folder: string;
const started: AppProcess[] = [];

beforeAll(async () => {
  fake = await new FakeSlack().start();
  folder = mkdtempSync(join(tmpdir(), "partner-hub-ops-"));
});

afterAll(async () => {
  for (const app of started) killGroup(app);
  await fake.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function start(command: string, args: string[], name: string): Promise<AppProcess> {
  const databaseUrl = `file:${join(folder, `${name}.db`)}`;
  // An empty file, as an operator's fresh volume would hold: the app migrates it at start.
  writeFileSync(databaseUrl.slice("file:".length), "");
  const env = credentialsEnv({ slackApiUrl: fake.apiUrl, databaseUrl, port: await freePort() });
  const app = startApp(command, args, env);
  started.push(app);
  await waitHealthy(app, performance.now());
  return app;
}

describe("npm start", () => {
  it("stops every process it started when the npm process gets SIGTERM", async () => {
    const app = await start("npm", ["start"], "npm-start");
    const tree = processTree(app.pid);
    expect(tree.length).toBeGreaterThanOrEqual(2);

    process.kill(app.pid, "SIGTERM");
    // The graceful stop (requests in flight, the outbox, the jobs) is slower on a loaded machine: what counts is that none is left.
    expect(await waitGone(tree, 15_000)).toEqual([]);
    expect(await healthStatus(app.port)).toBeUndefined();
    expect(await app.exited).toBe(0);
  }, 45_000);
});

describe("the production start", () => {
  // Built inside the repository (packages resolve from node_modules) but not in the dist/ a
  // person may be running.
  const outdir = join("node_modules", ".cache", `partner-hub-ops-${process.pid}`, "dist");

  beforeAll(() => {
    execFileSync(process.execPath, ["scripts/build.mjs", "--outdir", outdir], { cwd: REPO_ROOT, stdio: "pipe" });
  });
  afterAll(() => {
    rmSync(join(REPO_ROOT, outdir, ".."), { recursive: true, force: true });
  });

  it("is started the same way by start:prod, the Dockerfile and these tests", () => {
    const scripts = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(scripts["start:prod"]).toBe(`exec node ${PRODUCTION_NODE_ARGS.join(" ")}`);
    const dockerfile = readFileSync(join(REPO_ROOT, "Dockerfile"), "utf8");
    expect(dockerfile).toContain(`CMD ${JSON.stringify(["node", ...PRODUCTION_NODE_ARGS]).replaceAll(",", ", ")}`);
  });

  it("serves /healthz from the bundle and exits 0 on SIGTERM", async () => {
    const args = PRODUCTION_NODE_ARGS.map((arg) => (arg === "dist/main.js" ? join(outdir, "main.js") : arg));
    const app = await start(process.execPath, args, "production");
    expect(processTree(app.pid)).toEqual([app.pid]);

    process.kill(app.pid, "SIGTERM");
    expect(await app.exited).toBe(0);
    expect(await healthStatus(app.port)).toBeUndefined();
  });
});
