import { LogLevel, WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/sandbox/fake-slack";
import { FILE_LIMIT } from "../../src/sandbox/fake-slack-file-store";

/** The fake Slack's file uploads, driven by Slack's own client: files.uploadV2 and what follows. */

let fake: FakeSlack;
let client: WebClient;

/** A PNG as far as the fake looks (its signature), with bytes that tell uploads apart. */
function png(mark: string): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(mark, "utf8")]);
}

interface Uploaded {
  files: { files?: { id?: string; title?: string }[] }[];
}

async function upload(mark: string, extra: Record<string, string> = {}): Promise<string> {
  const result = (await client.files.uploadV2({
    file: png(mark),
    filename: `${mark}.png`,
    alt_text: `chart ${mark}`,
    ...extra,
  })) as unknown as Uploaded;
  const id = result.files[0]?.files?.[0]?.id;
  if (!id) throw new Error("files.uploadV2 returned no file id");
  return id;
}

beforeAll(async () => {
  fake = await new FakeSlack().start();
  client = new WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR });
});

afterAll(async () => {
  await fake?.stop();
});

describe("files.uploadV2 against the fake Slack", () => {
  it("uploads without a channel: the bytes are kept, files.info describes the file, nothing is posted", async () => {
    const before = fake.messages.length;
    const id = await upload("lonely");
    expect(id).toMatch(/^F[A-Z0-9]+$/);
    const methods = fake.calls.map((call) => call.method);
    expect(methods.slice(-2)).toEqual(["files.getUploadURLExternal", "files.completeUploadExternal"]);
    expect(fake.callsOf("files.getUploadURLExternal").at(-1)?.args).toMatchObject({
      filename: "lonely.png",
      length: String(png("lonely").length),
      alt_text: "chart lonely",
    });
    expect(fake.file(id)?.bytes?.equals(png("lonely"))).toBe(true);
    expect(fake.messages.length).toBe(before);

    const info = await client.files.info({ file: id });
    expect(info.file).toMatchObject({
      id,
      name: "lonely.png",
      title: "lonely.png",
      mimetype: "image/png",
      filetype: "png",
      size: png("lonely").length,
      user: fake.directory.botUserId,
      channels: [],
    });
    const served = await fetch(String(info.file?.url_private));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png("lonely"))).toBe(true);
  });

  it("uploads to a channel: Slack posts the file there with the comment, in a thread when asked", async () => {
    const id = await upload("shared", {
      channel_id: "C0SALES",
      initial_comment: "This month's leaders",
      title: "Leaders",
    });
    const message = fake.channelMessages("C0SALES").find((entry) => entry.files?.includes(id));
    expect(message).toMatchObject({ text: "This month's leaders", user: fake.directory.botUserId, files: [id] });
    expect(fake.file(id)?.title).toBe("Leaders");
    expect((await client.files.info({ file: id })).file?.channels).toEqual(["C0SALES"]);

    const parent = await client.chat.postMessage({ channel: "C0SALES", text: "Leaderboard" });
    const reply = await upload("threaded", { channel_id: "C0SALES", thread_ts: String(parent.ts) });
    const thread = fake.channelMessages("C0SALES", { threadTs: String(parent.ts) });
    expect(thread.find((entry) => entry.files?.includes(reply))?.threadTs).toBe(parent.ts);
  });

  it("accepts an image block naming an uploaded file by id, url_private or permalink", async () => {
    const id = await upload("block");
    const { file } = await client.files.info({ file: id });
    for (const slackFile of [{ id }, { url: String(file?.url_private) }, { url: String(file?.permalink) }]) {
      const posted = await client.chat.postMessage({
        channel: "C0SALES",
        text: "chart",
        blocks: [{ type: "image", slack_file: slackFile, alt_text: "chart" }],
      });
      expect(posted.ok).toBe(true);
    }
  });

  it("refuses an image block whose file it does not have, or whose upload was not completed", async () => {
    const post = (slackFile: { id: string } | { url: string }) =>
      client.chat.postMessage({
        channel: "C0SALES",
        text: "chart",
        blocks: [{ type: "image", slack_file: slackFile, alt_text: "chart" }],
      });
    await expect(post({ id: "F0NOSUCHFILE" })).rejects.toMatchObject({ data: { error: "invalid_blocks" } });
    await expect(post({ url: "https://example.com/chart.png" })).rejects.toMatchObject({
      data: { error: "invalid_blocks" },
    });
    const pending = await client.files.getUploadURLExternal({ filename: "pending.png", length: 9 });
    await expect(post({ id: String(pending.file_id) })).rejects.toMatchObject({ data: { error: "invalid_blocks" } });
    await expect(
      client.chat.postEphemeral({
        channel: "C0SALES",
        user: "U0MANAGER",
        text: "chart",
        blocks: [
          {
            type: "section",
            text: { type: "mrkdwn", text: "x" },
            accessory: { type: "image", slack_file: { id: "F0GONE" }, alt_text: "x" },
          },
        ],
      }),
    ).rejects.toMatchObject({ data: { error: "invalid_blocks" } });
  });

  it("answers Slack's errors: no length, bytes never uploaded, unknown file, an upload URL used twice", async () => {
    await expect(client.files.getUploadURLExternal({ filename: "x.png" } as never)).rejects.toMatchObject({
      data: { error: "invalid_arguments" },
    });
    const pending = await client.files.getUploadURLExternal({ filename: "never.png", length: 5 });
    await expect(
      client.files.completeUploadExternal({ files: [{ id: String(pending.file_id) }] }),
    ).rejects.toMatchObject({ data: { error: "file_not_found" } });
    await expect(client.files.info({ file: String(pending.file_id) })).rejects.toMatchObject({
      data: { error: "file_not_found" },
    });

    // Raw bytes (not multipart) are taken too, once per URL.
    const raw = await client.files.getUploadURLExternal({ filename: "raw.png", length: 9 });
    const first = await fetch(String(raw.upload_url), { method: "POST", body: new Uint8Array(png("r")) });
    expect(first.status).toBe(200);
    const again = await fetch(String(raw.upload_url), { method: "POST", body: new Uint8Array(png("r")) });
    expect(again.status).toBe(404);
    await client.files.completeUploadExternal({ files: [{ id: String(raw.file_id), title: "Raw" }] });
    expect(fake.file(String(raw.file_id))?.title).toBe("Raw");
  });

  it(`keeps the bytes of the last ${FILE_LIMIT} files only`, async () => {
    const first = await upload("oldest");
    const ids: string[] = [];
    for (let i = 0; i < FILE_LIMIT; i++) ids.push(await upload(`bulk-${i}`));
    expect(fake.file(first)).toBeUndefined();
    await expect(client.files.info({ file: first })).rejects.toMatchObject({ data: { error: "file_not_found" } });
    expect(fake.files.length).toBeLessThanOrEqual(FILE_LIMIT);
    expect(fake.file(ids.at(-1) ?? "")?.bytes?.equals(png(`bulk-${FILE_LIMIT - 1}`))).toBe(true);
  });
});
