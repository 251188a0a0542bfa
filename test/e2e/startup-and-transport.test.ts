import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { type PartnerHub, startPartnerHub } from "../../src/partner-hub";
import { FakeSlack } from "../../src/sandbox/fake-slack";
import { SlackClientSimulator } from "../../src/sandbox/slack-client-simulator";
import {
  type AppProcess,
  credentialsEnv,
  freePort,
  healthStatus,
  killGroup,
  SIGNING_SECRET as PROCESS_SIGNING_SECRET,
  startApp,
  waitHealthy,
} from "../ops/app-process";
import { SIGNING_SECRET, startHarness } from "../support/harness";
import { createTestDatabase } from "../support/test-database";

/**
 * How the app starts and what it says to anything that reaches its port: a token Slack refuses
 * stops it with one line; a Slack outage never does; paths it does not serve are not errors; a
 * signed request from the future is refused like a stale one.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function healthBody(port: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Concurrent: each test waits on its own child process and its own fake Slack.
describe.concurrent("the app as a process, when Slack's auth.test fails at start", () => {
  // The process runs on SQLite: what is tested here is the process, not the database.
  const folder = mkdtempSync(join(tmpdir(), "partner-hub-startup-"));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));

  async function spawnAgainst(fake: FakeSlack, name: string): Promise<AppProcess> {
    const env = credentialsEnv({
      slackApiUrl: fake.apiUrl,
      databaseUrl: `file:${join(folder, `${name}.db`)}`,
      port: await freePort(),
    });
    const app = startApp(process.execPath, ["--import", "tsx", "src/main.ts"], env);
    cleanups.push(() => killGroup(app));
    return app;
  }

  async function fakeSlack(): Promise<FakeSlack> {
    const fake = await new FakeSlack().start();
    cleanups.push(() => fake.stop());
    return fake;
  }

  it("stops with one line naming SLACK_BOT_TOKEN, exit code 1, when the token is invalid or revoked", async ({
    expect,
  }) => {
    const runs = await Promise.all(
      ["invalid_auth", "token_revoked"].map(async (error) => {
        const fake = await fakeSlack();
        fake.failNext("auth.test", { kind: "error", error }, 100);
        const app = await spawnAgainst(fake, error);
        return { error, app, code: await app.exited };
      }),
    );
    for (const { error, app, code } of runs) {
      expect(code, app.output()).toBe(1);
      const plainLines = app
        .output()
        .split("\n")
        .filter((line) => line.trim() !== "" && !line.startsWith("{"));
      expect(plainLines, app.output()).toHaveLength(1);
      expect(plainLines[0]).toContain("SLACK_BOT_TOKEN");
      expect(plainLines[0]).toContain(error);
      expect(app.output()).not.toMatch(/\n\s+at /);
    }
  });

  it("keeps serving through an outage (HTTP 500 on every attempt): acks requests, /healthz names Slack", async ({
    expect,
  }) => {
    const fake = await fakeSlack();
    fake.failNext("auth.test", { kind: "http", status: 500 }, 10_000);
    const app = await spawnAgainst(fake, "outage");
    let exitCode: number | null | undefined;
    void app.exited.then((code) => {
      exitCode = code;
    });
    await waitHealthy(app, performance.now());
    // The process used to exit about 1.4 s after /healthz first answered.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(exitCode, app.output()).toBeUndefined();
    expect(await healthBody(app.port)).toEqual({
      status: 200,
      body: { ok: true, database: "up", slack: "unreachable" },
    });
    const simulator = new SlackClientSimulator({
      appUrl: `http://127.0.0.1:${app.port}`,
      signingSecret: PROCESS_SIGNING_SECRET,
      fake,
    });
    expect((await simulator.command("U0ADMIN", "/hub", "help")).status).toBe(200);
    expect((await fake.waitForResponse(0)).body.response_type).toBe("ephemeral");
    expect(fake.callsOf("auth.test").length).toBeGreaterThan(1);
    expect(await healthStatus(app.port)).toBe(200);
  });
});

describe("a Slack outage at start, in process (on the test database: SQLite, or PostgreSQL with TEST_DATABASE_URL)", () => {
  it("Slack unreachable: the app serves, answers commands and says Slack is unreachable", async () => {
    const h = await startHarness({ env: { SLACK_API_URL: `http://127.0.0.1:${await freePort()}/api/` } });
    cleanups.push(() => h.close());
    const health = await eventually(
      () => healthBody(h.hub.port),
      (answer) => answer.body.slack === "unreachable",
    );
    expect(health).toEqual({ status: 200, body: { ok: true, database: "up", slack: "unreachable" } });
    // The reply goes to the response_url (the fake), which is reachable.
    expect((await h.slack.command("U0ADMIN", "/hub", "help")).status).toBe(200);
    expect((await h.fake.waitForResponse(0)).body.response_type).toBe("ephemeral");
  });

  it("auth.test hanging: requests are acked at once, and Slack is up once it answers", async () => {
    const fake = await new FakeSlack().start();
    fake.failNext("auth.test", { kind: "slow", ms: 3_500 });
    const database = await createTestDatabase();
    const config = loadConfig({
      PORT: "0",
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "silent",
    });
    const hub: PartnerHub = await startPartnerHub(config, createLogger("silent"), { jobs: false });
    cleanups.push(async () => {
      await hub.stop();
      await fake.stop();
      await database.drop();
    });
    const health = await healthBody(hub.port);
    expect(health.status).toBe(200);
    expect(health.body.slack).not.toBe("up");
    const simulator = new SlackClientSimulator({
      appUrl: `http://127.0.0.1:${hub.port}`,
      signingSecret: SIGNING_SECRET,
      fake,
    });
    const started = performance.now();
    const answer = await simulator.command("U0ADMIN", "/hub", "help");
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(2_500);
    expect((await fake.waitForResponse(0)).body.response_type).toBe("ephemeral");
    const recovered = await eventually(
      () => healthBody(hub.port),
      (answer) => answer.body.slack === "up",
    );
    expect(recovered.body).toEqual({ ok: true, database: "up", slack: "up" });
  });
});

describe("a token refused after the start went on without Slack's answer", () => {
  it("is fatal: onFatal gets the one line naming SLACK_BOT_TOKEN, and /healthz says refused", async () => {
    const fake = await new FakeSlack().start();
    // The first attempt fails fast; the retry, a second later, is past the start's wait.
    fake.failNext("auth.test", { kind: "http", status: 503 });
    fake.failNext("auth.test", { kind: "error", error: "token_revoked" });
    const database = await createTestDatabase();
    const config = loadConfig({
      PORT: "0",
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    let fatal: (error: Error) => void = () => {};
    const refused = new Promise<Error>((resolve) => {
      fatal = resolve;
    });
    const hub = await startPartnerHub(config, createLogger("silent"), { jobs: false, onFatal: fatal });
    cleanups.push(async () => {
      await hub.stop();
      await fake.stop();
      await database.drop();
    });
    expect((await healthBody(hub.port)).body.slack).toBe("unreachable");
    const error = await refused;
    expect(error.message).toMatch(/^Slack refused SLACK_BOT_TOKEN \(token_revoked\)[^\n]*$/);
    expect((await healthBody(hub.port)).body).toEqual({ ok: true, database: "up", slack: "refused" });
  });
});

describe("what reaches the port besides Slack", () => {
  const lines: { level: number; path?: string }[] = [];
  let hub: PartnerHub;
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    const database = await createTestDatabase();
    const config = loadConfig({
      PORT: "0",
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split("\n")) if (line.trim() !== "") lines.push(JSON.parse(line));
        done();
      },
    });
    hub = await startPartnerHub(config, createLogger("debug", sink), { jobs: false });
    cleanups.push(async () => {
      await hub.stop();
      await fake.stop();
      await database.drop();
    });
  });

  it.each([
    ["GET", "/", 404, undefined],
    ["GET", "/favicon.ico", 404, undefined],
    ["POST", "/wp-login.php", 404, undefined],
    ["GET", "/slack/events", 405, "POST"],
    ["PUT", "/healthz", 405, "GET, HEAD"],
  ])("%s %s answers %i, logged at debug level", async (method, path, status, allow) => {
    const before = lines.length;
    const response = await fetch(`http://127.0.0.1:${hub.port}${path}`, {
      method,
      ...(method !== "GET" && { body: "x=1" }),
    });
    await response.arrayBuffer();
    expect(response.status).toBe(status);
    expect(response.headers.get("allow") ?? undefined).toBe(allow);
    const logged = lines.slice(before);
    expect(logged.filter((line) => line.level >= 40)).toEqual([]);
    expect(logged.some((line) => line.level === 20 && line.path === path)).toBe(true);
  });

  it("refuses a signed request from more than 5 minutes in the future with 401 and changes nothing", async () => {
    const future = new SlackClientSimulator({
      appUrl: `http://127.0.0.1:${hub.port}`,
      signingSecret: SIGNING_SECRET,
      fake,
      clockSkewSeconds: 6 * 60,
    });
    expect((await future.command("U0ADMIN", "/partner", "add Future Co")).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.responses).toHaveLength(0);
    expect(await hub.db.partner.count()).toBe(0);
    expect(await hub.db.workspace.count()).toBe(0);

    const skewed = new SlackClientSimulator({
      appUrl: `http://127.0.0.1:${hub.port}`,
      signingSecret: SIGNING_SECRET,
      fake,
      clockSkewSeconds: 60,
    });
    expect((await skewed.command("U0ADMIN", "/hub", "help")).status).toBe(200);
  });
});
