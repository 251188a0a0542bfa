import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/data/database";
import { migrate } from "../../src/data/migrator";
import { FakeSlack } from "../../src/sandbox/fake-slack";
import { SlackClientSimulator } from "../../src/sandbox/slack-client-simulator";
import {
  type AppProcess,
  credentialsEnv,
  freePort,
  killGroup,
  SIGNING_SECRET,
  startApp,
  waitHealthy,
} from "../ops/app-process";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { ACME, APPROVALS, approvalsOf, cardsOf } from "./outbox-fixtures";

/**
 * The app as operators run it (`npm start`, a real process) killed with SIGKILL in the middle of
 * its retries: nothing in the process survives, only what it committed.
 */

let fake: FakeSlack;
let database: TestDatabase;
let db: Db;
const apps: AppProcess[] = [];

beforeAll(async () => {
  fake = await new FakeSlack().start();
  database = await createTestDatabase();
  await migrate(database.url);
  db = createDb(database.url);
});
afterAll(async () => {
  for (const app of apps) killGroup(app);
  await Promise.all(apps.map((app) => app.exited));
  await db?.$disconnect();
  await fake?.stop();
  await database?.drop();
});

/** `npm start`, whatever it runs, with bot-token credentials on a port of its own. */
async function startProcess(): Promise<AppProcess> {
  const env = credentialsEnv({ slackApiUrl: fake.apiUrl, databaseUrl: database.url, port: await freePort() });
  const app = startApp("npm", ["start"], env);
  apps.push(app);
  await waitHealthy(app, performance.now());
  return app;
}

/** Stops the app the way an orchestrator does and waits for it to exit. */
async function stopProcess(app: AppProcess): Promise<void> {
  process.kill(app.pid, "SIGTERM");
  await app.exited;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pendingRows = () => db.outboxMessage.count({ where: { status: "pending" } });

describe("a process killed with SIGKILL while Slack is failing", () => {
  it("leaves its messages to the next process, which posts the card and the approval once", async () => {
    const first = await startProcess();
    const slack = new SlackClientSimulator({
      appUrl: `http://127.0.0.1:${first.port}`,
      signingSecret: SIGNING_SECRET,
      fake,
    });
    const command = async (userId: string, name: string, text: string, channel: string) => {
      const replies = fake.responses.length;
      expect((await slack.command(userId, name, text, channel)).status).toBe(200);
      await fake.waitForResponse(replies);
    };
    await command("U0ADMIN", "/partner", "add Acme Resellers", APPROVALS);
    await command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);

    const opened = fake.callsOf("views.open").length;
    expect((await slack.command("U0PARTNERA", "/deal", "", ACME)).status).toBe(200);
    await fake.waitFor(() => fake.callsOf("views.open")[opened], 5_000, "the registration modal");
    // Slack answers HTTP 500 to the card's and the approval's first attempts, then is fine again.
    fake.failNext("chat.postMessage", { kind: "http", status: 500 }, 2);
    const submitted = await slack.submitView("U0PARTNERA", {
      "deal_customer.value": "Killed Mid Retry GmbH",
      "deal_domain.value": "killed.example",
      "deal_product.value": "Seats",
      "deal_amount.value": "1000",
      "deal_currency.value": "EUR",
      "deal_close.value": "2030-01-15",
    });
    expect(submitted.json?.response_action).toBe("update");
    const deal = await db.deal.findFirstOrThrow({ where: { customerDomain: "killed.example" } });

    // Both messages failed once and wait for their retry (about a second away): kill it now.
    await until(async () => {
      const rows = await db.outboxMessage.findMany({ where: { subject: JSON.stringify({ dealId: deal.id }) } });
      return rows.length === 2 && rows.every((row) => row.attempts >= 1) ? rows : undefined;
    }, "two failed attempts");
    killGroup(first);
    expect(await first.exited).toBeNull();
    expect(cardsOf(fake, deal.id)).toEqual([]);

    const second = await startProcess();
    await until(async () => ((await pendingRows()) === 0 ? true : undefined), "the outbox to drain");
    expect(cardsOf(fake, deal.id).map((message) => message.channel)).toEqual([ACME]);
    expect(approvalsOf(fake, deal.id).map((message) => message.channel)).toEqual([APPROVALS]);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(4);
    await stopProcess(second);
  });
});
