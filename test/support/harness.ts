import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { composePartnerHub, type PartnerHub, type StartOptions, startPartnerHub } from "../../src/partner-hub";
import { FakeSlack } from "../../src/sandbox/fake-slack";
import type { FakeDirectory } from "../../src/sandbox/fake-slack-directory";
import { SlackClientSimulator } from "../../src/sandbox/slack-client-simulator";
import { withDateFallbacks } from "../../src/slack/views/slack-date";
import { expectWithinSlackLimits } from "./block-limits";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const SIGNING_SECRET = "test-signing-secret";

export interface CommandReply {
  /** The response_url body (ephemeral unless the app said otherwise). */
  body: Record<string, unknown>;
  /** Every piece of text a person would read in it, joined by newlines. */
  text: string;
}

/**
 * Every `text` in a message or view, in order: what a person reads. Date tokens read as their
 * fallback (the workspace's zone), so a test finds "2026-12-05" whether or not the view used one.
 */
export function visibleText(node: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "text" && typeof inner === "string") parts.push(withDateFallbacks(inner));
        else walk(inner);
      }
    }
  };
  walk(node);
  return parts.join("\n");
}

export interface Harness {
  /** Runs a slash command and returns the reply posted to its response_url, checked against Slack's limits. */
  command(userId: string, command: string, text?: string, channel?: string): Promise<CommandReply>;
  fake: FakeSlack;
  slack: SlackClientSimulator;
  hub: PartnerHub;
  database: TestDatabase;
  appUrl: string;
  /** Waits until the outbox has delivered (or given up on) every message it holds. */
  outboxDrained(timeoutMs?: number): Promise<void>;
  /**
   * Another instance of the app (a replica) on the same database and fake Slack; close() stops it.
   * On SQLite it shares the first instance's connection: better-sqlite3 waits for a lock
   * synchronously, so two connections in one process would block each other until they time out.
   */
  startInstance(start?: StartOptions): Promise<PartnerHub>;
  close(): Promise<void>;
}

/**
 * Boots the real app (the same startPartnerHub that npm start runs) on port 0 against a fresh
 * database and a fake Slack, and returns a simulator that sends it signed requests.
 */
export async function startHarness(
  options: {
    hubAdmins?: string[];
    env?: Record<string, string>;
    /** Who the fake Slack knows; an enterprise on its team makes it an Enterprise Grid org. */
    directory?: FakeDirectory;
    clock?: () => Date;
    /** Passed to startPartnerHub: `dispatcher: false`, a fast `retryPolicy`, short leases… */
    start?: StartOptions;
  } = {},
): Promise<Harness> {
  const fake = await new FakeSlack(options.directory).start();
  const database = await createTestDatabase();
  const config = loadConfig({
    PORT: "0",
    DATABASE_URL: database.url,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    HUB_ADMINS: (options.hubAdmins ?? []).join(","),
    ...options.env,
  });
  // Jobs are run by the tests themselves (services.deals.sweepProtection) with the injected clock.
  const startOptions = (start: StartOptions | undefined): StartOptions => ({
    jobs: false,
    ...(options.clock && { clock: options.clock }),
    ...start,
  });
  const hub = await startPartnerHub(config, createLogger(config.logLevel), startOptions(options.start));
  const instances: PartnerHub[] = [];
  const appUrl = `http://127.0.0.1:${hub.port}`;
  const slack = new SlackClientSimulator({ appUrl, signingSecret: SIGNING_SECRET, fake });
  return {
    command: async (userId, command, text = "", channel = "C0SALES") => {
      const index = fake.responses.length;
      const answer = await slack.command(userId, command, text, channel);
      if (answer.status !== 200) throw new Error(`${command} ${text}: HTTP ${answer.status} ${answer.body}`);
      const { body } = await fake.waitForResponse(index);
      expectWithinSlackLimits(body);
      return { body, text: visibleText(body.blocks ?? body.text) };
    },
    fake,
    slack,
    hub,
    database,
    appUrl,
    outboxDrained: async (timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      while ((await hub.db.outboxMessage.count({ where: { status: "pending" } })) > 0) {
        if (Date.now() > until) {
          const pending = await hub.db.outboxMessage.findMany({ where: { status: { not: "sent" } } });
          throw new Error(`the outbox still holds undelivered messages: ${JSON.stringify(pending)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    startInstance: async (start) => {
      const logger = createLogger(config.logLevel);
      const instance =
        database.dialect === "sqlite"
          ? await composePartnerHub(config, hub.db, logger, startOptions(start))
          : await startPartnerHub(config, logger, startOptions(start));
      instances.push(instance);
      return instance;
    },
    close: async () => {
      await Promise.all(instances.map((instance) => instance.stop()));
      await hub.stop();
      await fake.stop();
      await database.drop();
    },
  };
}
