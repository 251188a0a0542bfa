import { describe, expect, it } from "vitest";
import { renderBlock } from "../../src/sandbox/page/render-blocks";
import type { RenderContext } from "../../src/sandbox/page/render-context";
import { renderMessage } from "../../src/sandbox/page/render-message";
import type { MessageView } from "../../src/sandbox/sandbox-protocol";
import { slackFileIdOf } from "../../src/sandbox/slack-file-urls";

/** Image blocks and shared files on the sandbox page: uploaded charts are served by the sandbox. */

const context: RenderContext = { users: {}, channels: {}, me: "U0PAT", timeZone: "UTC" };

describe("image blocks", () => {
  it("shows a slack_file named by id from the sandbox's copy of the upload", () => {
    const html = renderBlock(
      {
        type: "image",
        slack_file: { id: "F000000012" },
        alt_text: "Revenue this month",
        title: { type: "plain_text", text: "Leaders" },
      },
      context,
    );
    expect(html).toContain('<img src="/sandbox/files/F000000012" alt="Revenue this month"');
    expect(html).toContain("<figcaption>Leaders</figcaption>");
  });

  it("shows a slack_file named by its url_private or permalink, and nothing for a URL it cannot place", () => {
    for (const url of [
      "http://127.0.0.1:4000/files-pri/T0VENDOR-F000000034/chart.png",
      "https://vendor.slack.com/files/U0PARTNERHUB/F000000034/chart.png",
    ]) {
      expect(renderBlock({ type: "image", slack_file: { url }, alt_text: "chart" }, context)).toContain(
        'src="/sandbox/files/F000000034"',
      );
    }
    const unknown = renderBlock(
      { type: "image", slack_file: { url: "https://example.com/x.png" }, alt_text: "chart" },
      context,
    );
    expect(unknown).not.toContain("<img");
    expect(unknown).toContain('<div class="image-missing">chart</div>');
    // An id that is not a Slack file id never reaches the URL.
    const hostile = renderBlock({ type: "image", slack_file: { id: "../../state" }, alt_text: "x" }, context);
    expect(hostile).not.toContain("<img");
  });

  it("keeps image_url images, web links only", () => {
    expect(renderBlock({ type: "image", image_url: "https://example.com/a.png", alt_text: "a" }, context)).toContain(
      'src="https://example.com/a.png"',
    );
    expect(renderBlock({ type: "image", image_url: "javascript:alert(1)", alt_text: "a" }, context)).not.toContain(
      "<img",
    );
  });

  it("shows a slack_file image element in a context block", () => {
    const html = renderBlock(
      { type: "context", elements: [{ type: "image", slack_file: { id: "F000000056" }, alt_text: "logo" }] },
      context,
    );
    expect(html).toContain('src="/sandbox/files/F000000056"');
  });

  it("reads file ids out of Slack's file URLs only", () => {
    expect(slackFileIdOf("https://files.slack.com/files-pri/T0VENDOR-F0ABC123/chart.png")).toBe("F0ABC123");
    expect(slackFileIdOf("https://vendor.slack.com/files/U0X/F0ABC123/chart.png")).toBe("F0ABC123");
    expect(slackFileIdOf("https://example.com/F0ABC123.png")).toBeUndefined();
  });
});

describe("files shared with a message", () => {
  const base: MessageView = {
    channel: "C0SALES",
    ts: "1700000000.000100",
    user: "U0BOT",
    isBot: true,
    text: "This month's leaders",
    blocks: [],
    ephemeral: false,
    replyCount: 0,
    edited: false,
  };
  const options = { appName: "Partner Hub", botUserId: "U0BOT", inThread: false, messageShortcuts: false };

  it("shows an image file under the text, and says when the bytes are gone", () => {
    const html = renderMessage(
      {
        ...base,
        files: [
          { id: "F000000078", title: "leaders.png", mimetype: "image/png", available: true },
          { id: "F000000079", title: "", mimetype: "", available: false },
        ],
      },
      context,
      options,
    );
    expect(html).toContain("This month&#39;s leaders");
    expect(html).toContain('<img src="/sandbox/files/F000000078" alt="leaders.png"');
    expect(html).toContain("This file is no longer available.");
  });

  it("offers other files as a download", () => {
    const html = renderMessage(
      {
        ...base,
        files: [{ id: "F000000090", title: "data.csv", mimetype: "application/octet-stream", available: true }],
      },
      context,
      options,
    );
    expect(html).toContain('<a href="/sandbox/files/F000000090" download="data.csv">Download</a>');
  });
});
