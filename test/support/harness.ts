import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { type PartnerHub, startPartnerHub } from "../../src/main";
import { FakeSlack } from "../../src/sandbox/fake-slack";
import { SlackClientSimulator } from "../../src/sandbox/slack-client-simulator";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const SIGNING_SECRET = "test-signing-secret";

export interface Harness {
  fake: FakeSlack;
  slack: SlackClientSimulator;
  hub: PartnerHub;
  database: TestDatabase;
  appUrl: string;
  close(): Promise<void>;
}

/**
 * Boots the real app (the same startPartnerHub that npm start runs) on port 0 against a fresh
 * database and a fake Slack, and returns a simulator that sends it signed requests.
 */
export async function startHarness(
  options: { hubAdmins?: string[]; env?: Record<string, string> } = {},
): Promise<Harness> {
  const fake = await new FakeSlack().start();
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
  const hub = await startPartnerHub(config, createLogger(config.logLevel));
  const appUrl = `http://127.0.0.1:${hub.port}`;
  const slack = new SlackClientSimulator({ appUrl, signingSecret: SIGNING_SECRET, fake });
  return {
    fake,
    slack,
    hub,
    database,
    appUrl,
    close: async () => {
      await hub.stop();
      await fake.stop();
      await database.drop();
    },
  };
}
