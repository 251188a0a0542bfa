import { LogLevel, WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/sandbox/fake-slack";
import { defaultDirectory } from "../../src/sandbox/fake-slack-directory";

/** conversations.info and chat.getPermalink of the fake Slack, through Slack's own client. */

let fake: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  const directory = defaultDirectory();
  directory.channels.push({ id: "G0PRIVATE", name: "pricing-desk", isPrivate: true });
  fake = await new FakeSlack(directory).start();
  client = new WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR });
});

afterAll(async () => {
  await fake?.stop();
});

describe("conversations.info", () => {
  it("says a Slack Connect channel is shared with another organization and names its teams", async () => {
    const { channel } = await client.conversations.info({ channel: "C0PARTNERA" });
    expect(channel).toMatchObject({
      id: "C0PARTNERA",
      name: "partner-acme",
      is_channel: true,
      is_ext_shared: true,
      is_shared: true,
      is_org_shared: false,
      is_pending_ext_shared: false,
      shared_team_ids: ["T0VENDOR", "T0ACMEPART"],
      context_team_id: "T0VENDOR",
    });
  });

  it("says an internal channel is not shared, and a private channel is a group", async () => {
    const { channel } = await client.conversations.info({ channel: "C0APPROVALS" });
    expect(channel).toMatchObject({ name: "deal-approvals", is_ext_shared: false, is_shared: false });
    expect(channel).not.toHaveProperty("shared_team_ids");
    const privateChannel = (await client.conversations.info({ channel: "G0PRIVATE" })).channel;
    expect(privateChannel).toMatchObject({ name: "pricing-desk", is_private: true, is_group: true, is_channel: false });
  });

  it("gives a DM no name, only its person, as Slack does", async () => {
    const dm = fake.dmChannel("U0PARTNERA");
    const { channel } = await client.conversations.info({ channel: dm.id });
    expect(channel).toMatchObject({ id: dm.id, is_im: true, user: "U0PARTNERA", is_ext_shared: false });
    expect(channel).not.toHaveProperty("name");
  });

  it("answers channel_not_found for a channel it does not know", async () => {
    await expect(client.conversations.info({ channel: "C0NOWHERE" })).rejects.toMatchObject({
      data: { ok: false, error: "channel_not_found" },
    });
  });
});

describe("chat.getPermalink", () => {
  it("links a message, and a thread reply with its thread", async () => {
    const parent = await client.chat.postMessage({ channel: "C0APPROVALS", text: "Deal #88 waits" });
    const reply = await client.chat.postMessage({
      channel: "C0APPROVALS",
      text: "Answered",
      thread_ts: parent.ts as string,
    });
    const top = await client.chat.getPermalink({ channel: "C0APPROVALS", message_ts: parent.ts as string });
    expect(top.permalink).toBe(
      `https://vendor.slack.com/archives/C0APPROVALS/p${(parent.ts as string).replace(".", "")}`,
    );
    const inThread = await client.chat.getPermalink({ channel: "C0APPROVALS", message_ts: reply.ts as string });
    expect(inThread.permalink).toBe(
      `https://vendor.slack.com/archives/C0APPROVALS/p${(reply.ts as string).replace(".", "")}?thread_ts=${parent.ts}&cid=C0APPROVALS`,
    );
  });

  it("links a DM message by its D… channel when asked with the person's id", async () => {
    const posted = await client.chat.postMessage({ channel: "U0PARTNERB", text: "Your deal was approved" });
    const { permalink, channel } = await client.chat.getPermalink({
      channel: "U0PARTNERB",
      message_ts: posted.ts as string,
    });
    expect(channel).toBe("D0PARTNERB");
    expect(permalink).toMatch(/^https:\/\/vendor\.slack\.com\/archives\/D0PARTNERB\/p\d{16}$/);
  });

  it("has no permalink for an ephemeral note or a message that is not there", async () => {
    const note = await client.chat.postEphemeral({ channel: "C0SALES", user: "U0ADMIN", text: "only you" });
    await expect(
      client.chat.getPermalink({ channel: "C0SALES", message_ts: note.message_ts as string }),
    ).rejects.toMatchObject({ data: { error: "message_not_found" } });
    await expect(client.chat.getPermalink({ channel: "C0SALES", message_ts: "1.000001" })).rejects.toMatchObject({
      data: { error: "message_not_found" },
    });
  });
});
