import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import type { FakeSlack } from "../../src/sandbox/fake-slack";
import { type Sandbox, startSandbox } from "../../src/sandbox/sandbox";
import { SandboxDriver } from "../../src/sandbox/sandbox-driver";
import { readSandboxManifest } from "../../src/sandbox/sandbox-manifest";
import type { ActionResult, SandboxState } from "../../src/sandbox/sandbox-protocol";
import type { AppAnswer, SlackClientSimulator } from "../../src/sandbox/slack-client-simulator";
import { createTestDatabase } from "../support/test-database";
import { startTestSandbox, type TestSandbox } from "../support/test-sandbox";

/** The sandbox server without a browser: its JSON API, its Slack behaviour and its live stream. */

let running: TestSandbox;
let sandbox: Sandbox;
let base: string;

beforeAll(async () => {
  running = await startTestSandbox();
  sandbox = running.sandbox;
  base = running.url;
});

afterAll(async () => {
  await running?.stop();
});

async function state(user: string, channel?: string, thread?: string): Promise<SandboxState> {
  const params = new URLSearchParams({ user, ...(channel && { channel }), ...(thread && { thread }) });
  const response = await fetch(`${base}/sandbox/state?${params}`);
  expect(response.status).toBe(200);
  return (await response.json()) as SandboxState;
}

async function post(path: string, body: object): Promise<{ status: number; result: ActionResult }> {
  const response = await fetch(`${base}/sandbox/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, result: (await response.json()) as ActionResult };
}

/** Waits until `probe` holds; the app answers slash commands through response_url, a moment later. */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function openModal(fake: FakeSlack, userId: string, view: object): Promise<string> {
  const response = await fetch(`${fake.apiUrl}views.open`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" },
    body: JSON.stringify({ trigger_id: fake.issueTrigger(userId), view }),
  });
  const body = (await response.json()) as { ok: boolean; view: { id: string } };
  expect(body.ok).toBe(true);
  return body.view.id;
}

describe("the sandbox server", () => {
  it("serves the page, its script and its styles", async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain('<script src="/sandbox/page.js">');
    const script = await fetch(`${base}/sandbox/page.js`);
    expect(await script.text()).toContain("/sandbox/events");
    expect((await fetch(`${base}/sandbox/page.css`)).headers.get("content-type")).toContain("text/css");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("seeds the demo network on first start and shows each person's real role and company", async () => {
    expect(sandbox.seeded).toBe(true);
    expect(await sandbox.db.partner.count()).toBe(12);
    const { personas } = await state("U0ADMIN");
    const byId = Object.fromEntries(personas.map((persona) => [persona.userId, persona]));
    expect(byId.U0ADMIN).toMatchObject({ role: "admin", company: "Vendor Inc", external: false });
    expect(byId.U0MANAGER).toMatchObject({ role: "manager", company: "Vendor Inc" });
    expect(byId.U0PARTNERA).toMatchObject({ role: "member", company: "Acme Solutions", external: false });
    expect(byId.U0PARTNERB).toMatchObject({ role: "member", company: "Globex Distribution" });
    expect(byId.U0EXTERNAL).toMatchObject({ role: "member", company: "Acme Solutions", external: true });
    // Not a partner yet: Initech's person is of another organization, with no company in the program.
    expect(byId.U0PROSPECT).toMatchObject({
      role: "member",
      company: "T0INITECH (another organization)",
      external: true,
    });
  });

  it("posts the demo's waiting registrations to #deal-approvals on first start, the Tanabe conflict among them", async () => {
    const waiting = await sandbox.db.deal.count({
      where: { status: { in: ["pending", "conflict", "info_requested"] } },
    });
    const requests = await eventually(async () => {
      const { messages } = await state("U0MANAGER", "C0APPROVALS");
      const cards = messages.filter((message) => message.text.startsWith("Deal registration #"));
      return cards.length === waiting ? cards : undefined;
    }, "the approval requests");
    const tanabe = requests.find((message) => message.text.includes("#88"));
    expect(tanabe?.text).toContain("Tanabe Robotics");
    expect(JSON.stringify(tanabe?.blocks)).toContain("#70");
  });

  it("shows each person only the channels they are in, and the App Home only to its own organization", async () => {
    const admin = await state("U0ADMIN");
    expect(admin.channels.map((channel) => channel.id)).toEqual([
      "C0SALES",
      "C0APPROVALS",
      "C0PARTNERA",
      "C0PARTNERB",
      "C0PROSPECT",
      "D0ADMIN",
    ]);
    // Both partner channels are Slack Connect channels with their partner's organization, and so is
    // the channel of Initech, a company applying to become a partner.
    expect(admin.channels.filter((channel) => channel.shared).map((channel) => channel.id)).toEqual([
      "C0PARTNERA",
      "C0PARTNERB",
      "C0PROSPECT",
    ]);
    expect(admin.team).toEqual({ id: "T0VENDOR", name: "Vendor Inc", domain: "vendor" });
    const partnerA = await state("U0PARTNERA");
    expect(partnerA.channels.map((channel) => channel.id)).toEqual(["C0PARTNERA", "D0PARTNERA"]);
    const external = await state("U0EXTERNAL");
    expect(external.channels.map((channel) => channel.id)).toEqual(["C0PARTNERA"]);
    expect(external.homeAvailable).toBe(false);
    expect(external.commands).toEqual([]);
    const refused = await post("command", { user: "U0PARTNERA", channel: "C0SALES", text: "/hub help" });
    expect(refused.status).toBe(403);
  });

  it("runs a slash command as a signed request and shows the ephemeral answer to that person only", async () => {
    const sent = await post("command", { user: "U0ADMIN", channel: "C0SALES", text: "/hub help" });
    expect(sent.result.ok).toBe(true);
    const help = await eventually(async () => {
      const { messages } = await state("U0ADMIN", "C0SALES");
      return messages.find((message) => message.text.startsWith("Partner Hub commands"));
    }, "the help");
    expect(help.ephemeral).toBe(true);
    expect(JSON.stringify(help.blocks)).toContain("/partner add");
    const manager = await state("U0MANAGER", "C0SALES");
    expect(manager.messages.some((message) => message.text.startsWith("Partner Hub commands"))).toBe(false);
  });

  it("turns @names into the mentions Slack sends for commands with should_escape", async () => {
    await post("command", { user: "U0MANAGER", channel: "C0SALES", text: "/partner assign @lars Globex Distribution" });
    const reply = await eventually(async () => {
      const { messages } = await state("U0MANAGER", "C0SALES");
      return messages.find((message) => message.text.includes("now belongs to"));
    }, "the assignment");
    expect(reply.text).toContain("<@U0NORD01>");
    expect(reply.text).toContain("Globex Distribution");
  });

  it("answers like Slack for commands the manifest does not declare and for people of other organizations", async () => {
    await post("command", { user: "U0ADMIN", channel: "C0SALES", text: "/nope" });
    const { messages } = await state("U0ADMIN", "C0SALES");
    const note = messages.find((message) => message.user === "USLACKBOT" && message.text.includes("/nope"));
    expect(note?.text).toContain("is not a valid command");
    const before = sandbox.fake.responses.length;
    await post("command", { user: "U0EXTERNAL", channel: "C0PARTNERA", text: "/partner list" });
    const external = await state("U0EXTERNAL", "C0PARTNERA");
    expect(external.messages.at(-1)).toMatchObject({ user: "USLACKBOT", ephemeral: true });
    expect(external.messages.at(-1)?.text).toContain("doesn't share slash commands");
    expect(sandbox.fake.responses.length).toBe(before);
  });

  it("posts messages and thread replies as the person, with Slack's escaping", async () => {
    await post("message", { user: "U0MANAGER", channel: "C0PARTNERA", text: "Welcome @pat & team <3" });
    const seenByPat = await state("U0PARTNERA", "C0PARTNERA");
    const posted = seenByPat.messages.at(-1);
    expect(posted).toMatchObject({ user: "U0MANAGER", isBot: false, text: "Welcome <@U0PARTNERA> &amp; team &lt;3" });
    await post("message", { user: "U0PARTNERA", channel: "C0PARTNERA", text: "Thanks!", threadTs: posted?.ts });
    const thread = await state("U0MANAGER", "C0PARTNERA", posted?.ts);
    expect(thread.thread.map((message) => message.text)).toEqual(["Welcome <@U0PARTNERA> &amp; team &lt;3", "Thanks!"]);
    expect(thread.messages.find((message) => message.ts === posted?.ts)?.replyCount).toBe(1);
  });

  it("streams a change event when the fake Slack changes", async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/sandbox/events`, { signal: controller.signal });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = "";
    await reader.read().then(({ value }) => {
      received += decoder.decode(value);
    });
    sandbox.fake.postAsUser("U0ADMIN", "C0SALES", "ping");
    while (!received.includes("event: change")) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    controller.abort();
    expect(received).toContain('event: change\ndata: {"kind":"message","channel":"C0SALES"}');
  });

  it("refuses POSTs from other sites", async () => {
    const response = await fetch(`${base}/sandbox/message`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ user: "U0ADMIN", channel: "C0SALES", text: "hi" }),
    });
    expect(response.status).toBe(403);
  });
});

describe("the sandbox driver, with the app's answers stubbed", () => {
  const modal = {
    type: "modal",
    callback_id: "fixture",
    title: { type: "plain_text", text: "Fixture" },
    submit: { type: "plain_text", text: "Save" },
    blocks: [
      {
        type: "input",
        block_id: "name_block",
        label: { type: "plain_text", text: "Name" },
        element: { type: "plain_text_input", action_id: "name" },
      },
    ],
  };

  function driverAnswering(answer: () => Promise<AppAnswer>): SandboxDriver {
    const simulator = {
      submitView: answer,
      command: answer,
      closeView: async () => undefined,
    } as unknown as SlackClientSimulator;
    return new SandboxDriver({
      fake: sandbox.fake,
      simulator,
      store: sandbox.store,
      access: sandbox.services.access,
      manifest: readSandboxManifest(),
      logger: createLogger("silent"),
      deadlineMs: 100,
    });
  }

  it("keeps response_action errors by block for the page to show under the fields", async () => {
    const viewId = await openModal(sandbox.fake, "U0MANAGER", modal);
    const driver = driverAnswering(async () => ({
      status: 200,
      body: "",
      json: { response_action: "errors", errors: { name_block: "Give it a name" } },
    }));
    const result = await driver.submit("U0MANAGER", viewId, { "name_block.name": null });
    expect(result).toEqual({ ok: false, errors: { name_block: "Give it a name" } });
    const seen = await driver.state("U0MANAGER");
    expect(seen.modal).toMatchObject({ id: viewId, errors: { name_block: "Give it a name" }, depth: 0 });
    driver.detach();
    sandbox.fake.closeModal("U0MANAGER", viewId);
  });

  it("shows Slack's connection trouble when the app is slow, fails, or names blocks that are not inputs", async () => {
    const viewId = await openModal(sandbox.fake, "U0MANAGER", modal);
    const slow = driverAnswering(() => new Promise(() => undefined));
    expect((await slow.submit("U0MANAGER", viewId, {})).ok).toBe(false);
    expect((await slow.state("U0MANAGER")).modal?.failure).toBe("We had some trouble connecting. Try again?");
    const stray = driverAnswering(async () => ({
      status: 200,
      body: "",
      json: { response_action: "errors", errors: { nowhere: "x" } },
    }));
    await stray.submit("U0MANAGER", viewId, {});
    expect((await stray.state("U0MANAGER")).modal?.failure).toContain("not inputs: nowhere");
    slow.detach();
    stray.detach();
    sandbox.fake.closeModal("U0MANAGER", viewId);
  });

  it("shows a slash command's ack body to the person, and Slack's error when the app fails", async () => {
    const json = {
      response_type: "ephemeral",
      text: "Right away",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "*Right away*" } }],
    };
    const acked = driverAnswering(async () => ({ status: 200, body: JSON.stringify(json), json }));
    await acked.command("U0MANAGER", "C0APPROVALS", "/hub help");
    const plainText = driverAnswering(async () => ({ status: 200, body: "Plain ack", json: undefined }));
    await plainText.command("U0MANAGER", "C0APPROVALS", "/hub help");
    const failing = driverAnswering(async () => ({ status: 500, body: "", json: undefined }));
    expect((await failing.command("U0MANAGER", "C0APPROVALS", "/hub help")).ok).toBe(false);
    // #deal-approvals also holds the demo's approval requests: only the notes to Max are looked at.
    const notes = (await acked.state("U0MANAGER", "C0APPROVALS")).messages.filter((message) => message.ephemeral);
    expect(notes.map(({ user, text, ephemeral }) => ({ user, text, ephemeral }))).toEqual([
      { user: "U0PARTNERHUB", text: "Right away", ephemeral: true },
      { user: "U0PARTNERHUB", text: "Plain ack", ephemeral: true },
      { user: "USLACKBOT", text: '`/hub` failed with the error "dispatch_failed" (HTTP 500).', ephemeral: true },
    ]);
    expect(notes[0]?.blocks).toEqual(json.blocks);
    expect((await acked.state("U0ADMIN", "C0APPROVALS")).messages.filter((message) => message.ephemeral)).toEqual([]);
    for (const driver of [acked, plainText, failing]) driver.detach();
  });

  it("closes the whole stack with the X and only the top view with Cancel", async () => {
    const first = await openModal(sandbox.fake, "U0ADMIN", modal);
    const pushed = await fetch(`${sandbox.fake.apiUrl}views.push`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" },
      body: JSON.stringify({ trigger_id: sandbox.fake.issueTrigger("U0ADMIN"), view: modal }),
    });
    const second = ((await pushed.json()) as { view: { id: string } }).view.id;
    expect((await state("U0ADMIN")).modal).toMatchObject({ id: second, depth: 1 });
    await post("close", { user: "U0ADMIN", viewId: second, all: false });
    expect((await state("U0ADMIN")).modal).toMatchObject({ id: first, depth: 0 });
    await openModal(sandbox.fake, "U0ADMIN", modal);
    const top = (await state("U0ADMIN")).modal?.id;
    await post("close", { user: "U0ADMIN", viewId: top ?? "", all: true });
    expect((await state("U0ADMIN")).modal).toBeUndefined();
  });
});

describe("stopping the sandbox", () => {
  it("ends live streams, stops the app and the fake Slack", async () => {
    const database2 = await createTestDatabase();
    const config = loadConfig({ PORT: "0", DATABASE_URL: database2.url, LOG_LEVEL: "silent" });
    const second = await startSandbox(config, createLogger("silent"), { seedWhenEmpty: false, slackState: false });
    expect(second.seeded).toBe(false);
    const stream = await fetch(`http://127.0.0.1:${second.port}/sandbox/events`);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await second.stop();
    let ended = false;
    for (;;) {
      const { done } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
    }
    expect(ended).toBe(true);
    await expect(fetch(`${second.fake.url}/api/auth.test`, { method: "POST" })).rejects.toThrow();
    await database2.drop();
  });
});
