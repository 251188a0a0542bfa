import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { createDb } from "../../src/data/database";
import { loadMigrations } from "../../src/data/migrator";
import { createLogger } from "../../src/logger";
import { composePartnerHub, startPartnerHub } from "../../src/partner-hub";
import { FakeSlack } from "../../src/sandbox/fake-slack";
import { SlackClientSimulator } from "../../src/sandbox/slack-client-simulator";
import { type Harness, SIGNING_SECRET, startHarness, visibleText } from "../support/harness";
import { createTestDatabase } from "../support/test-database";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function harness(): Promise<Harness> {
  const h = await startHarness();
  cleanups.push(() => h.close());
  return h;
}

describe("/healthz", () => {
  it("is 200 when the database answers, and says Slack confirmed the bot token", async () => {
    const h = await harness();
    const response = await fetch(`${h.appUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: "up", slack: "up" });
  });
});

describe("a database that is down", () => {
  it("makes /healthz 503 and commands answer that nothing was changed", async () => {
    const fake = await new FakeSlack().start();
    // Nothing listens on port 1: every query fails, as when the database server is down.
    const db = createDb("postgresql://postgres@127.0.0.1:1/down");
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-t",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
    });
    const hub = await composePartnerHub(config, db, createLogger("silent"), { jobs: false });
    cleanups.push(async () => {
      await hub.stop();
      await fake.stop();
    });

    const health = await fetch(`http://127.0.0.1:${hub.port}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, database: "down", slack: "up" });

    const client = new SlackClientSimulator({
      appUrl: `http://127.0.0.1:${hub.port}`,
      signingSecret: SIGNING_SECRET,
      fake,
    });
    const answer = await client.command("U0ADMIN", "/partner", "add Acme");
    expect(answer.status).toBe(200);
    const reply = await fake.waitForResponse(0, 15_000);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(visibleText(reply.body.blocks)).toContain("can't reach its database right now, so nothing was changed");
  });
});

describe("graceful shutdown", () => {
  it("finishes a request in flight, then refuses new connections", async () => {
    const h = await startHarness();
    h.fake.failNext("response_url", { kind: "slow", ms: 600 });
    const answer = await h.slack.command("U0ADMIN", "/hub", "help");
    expect(answer.status).toBe(200);
    await h.hub.stop();
    expect(h.fake.responses).toHaveLength(1);
    await expect(fetch(`${h.appUrl}/healthz`)).rejects.toThrow();
    await h.fake.stop();
    await h.database.drop();
  });
});

describe("two instances starting together on one database", () => {
  it("both come up, migrations applied once, and both answer", async () => {
    const database = await createTestDatabase();
    const fake = await new FakeSlack().start();
    const env = {
      SLACK_BOT_TOKEN: "xoxb-t",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATABASE_URL: database.url,
    };
    const [a, b] = await Promise.all([
      startPartnerHub(loadConfig(env), createLogger("silent")),
      startPartnerHub(loadConfig(env), createLogger("silent")),
    ]);
    cleanups.push(async () => {
      await a.stop();
      await b.stop();
      await fake.stop();
      await database.drop();
    });
    const migrations = await a.db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM "_prisma_migrations"`,
    );
    expect(Number(migrations[0]?.n)).toBe(loadMigrations(database.dialect).length);
    for (const hub of [a, b]) {
      const client = new SlackClientSimulator({
        appUrl: `http://127.0.0.1:${hub.port}`,
        signingSecret: SIGNING_SECRET,
        fake,
      });
      expect((await client.command("U0MANAGER", "/hub", "help")).status).toBe(200);
    }
    await fake.waitForResponse(1);
  });
});
