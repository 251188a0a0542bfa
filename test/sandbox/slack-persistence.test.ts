import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { type Sandbox, startSandbox } from "../../src/sandbox/sandbox";
import type { SandboxState } from "../../src/sandbox/sandbox-protocol";
import { slackStatePath } from "../../src/sandbox/slack-state-file";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** The sandbox's fake Slack outlives a restart: the channels come back as they were. */

const ACME = "C0PARTNERA";

let folder: string;
let file: string;
let database: TestDatabase;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "partner-hub-slack-state-"));
  file = join(folder, "slack.json");
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
  rmSync(folder, { recursive: true, force: true });
});

async function start(url = database.url): Promise<Sandbox> {
  const config = loadConfig({ PORT: "0", DATABASE_URL: url, LOG_LEVEL: "silent" });
  return startSandbox(config, createLogger("silent"), { slackState: file });
}

async function post(sandbox: Sandbox, path: string, body: object): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${sandbox.port}/sandbox/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function state(sandbox: Sandbox, user: string, channel: string, thread?: string): Promise<SandboxState> {
  const params = new URLSearchParams({ user, channel, ...(thread && { thread }) });
  return (await fetch(`http://127.0.0.1:${sandbox.port}/sandbox/state?${params}`)).json() as Promise<SandboxState>;
}

async function publishHome(sandbox: Sandbox, userId: string, title: string): Promise<void> {
  const response = await fetch(`${sandbox.fake.apiUrl}views.publish`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" },
    body: JSON.stringify({
      user_id: userId,
      view: { type: "home", blocks: [{ type: "header", text: { type: "plain_text", text: title } }] },
    }),
  });
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
}

describe("the sandbox's Slack between starts", () => {
  it("keeps the file next to the database", () => {
    expect(slackStatePath("file:./data/partner-hub.db")).toBe(resolve("data/partner-hub.sandbox-slack.json"));
    expect(slackStatePath("file:/tmp/demo/hub.db?mode=rwc")).toBe("/tmp/demo/hub.sandbox-slack.json");
    expect(slackStatePath("postgresql://hub@db:5432/partner_hub")).toBe(resolve("data/sandbox-slack.json"));
  });

  it("shows messages, thread replies and Home tabs again after a restart, but not ephemeral answers", async () => {
    const first = await start();
    expect(first.slackStateFile).toBe(file);
    await post(first, "message", {
      user: "U0MANAGER",
      channel: ACME,
      text: "Quarter closes Friday, *get your deals in*",
    });
    const parent = (await state(first, "U0MANAGER", ACME)).messages.find((m) => m.text.startsWith("Quarter closes"));
    expect(parent).toBeDefined();
    await post(first, "message", { user: "U0PARTNERA", channel: ACME, text: "On it", threadTs: parent?.ts });
    await post(first, "command", { user: "U0PARTNERA", channel: ACME, text: "/hub help" });
    await first.fake.waitFor(
      () => first.fake.messages.find((message) => message.visibleTo === "U0PARTNERA"),
      5_000,
      "the ephemeral help",
    );
    await publishHome(first, "U0PARTNERB", "Published before the restart");
    await first.stop();
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ version: 1 });

    const second = await start();
    try {
      expect(second.seeded).toBe(false);
      const seen = await state(second, "U0PARTNERA", ACME);
      const again = seen.messages.find((message) => message.text.startsWith("Quarter closes"));
      expect(again).toMatchObject({ ts: parent?.ts, user: "U0MANAGER", replyCount: 1 });
      expect(seen.messages.some((message) => message.ephemeral)).toBe(false);
      const thread = await state(second, "U0PARTNERA", ACME, parent?.ts);
      expect(thread.thread.map((message) => message.text)).toEqual([
        "Quarter closes Friday, *get your deals in*",
        "On it",
      ]);
      expect(JSON.stringify(second.fake.homeTabs.get("U0PARTNERB"))).toContain("Published before the restart");

      // New messages come after the old ones.
      await post(second, "message", { user: "U0PARTNERA", channel: ACME, text: "Two more this week" });
      const after = (await state(second, "U0PARTNERA", ACME)).messages.map((message) => message.text);
      expect(after.slice(-2)).toEqual(["Quarter closes Friday, *get your deals in*", "Two more this week"]);
    } finally {
      await second.stop();
    }
    expect(readFileSync(file, "utf8")).toContain("Two more this week");
  });

  it("starts with empty channels for a new database, whose deals the old messages don't know", async () => {
    expect(existsSync(file)).toBe(true);
    const fresh = await createTestDatabase();
    const sandbox = await start(fresh.url);
    try {
      expect(sandbox.seeded).toBe(true);
      expect((await state(sandbox, "U0PARTNERA", ACME)).messages).toEqual([]);
      // The old file was discarded; what the new demo posts at start may already be saved again.
      expect(existsSync(file) ? readFileSync(file, "utf8") : "").not.toContain("Two more this week");
    } finally {
      await sandbox.stop();
      await fresh.drop();
    }
  });
});
