import { describe, expect, it } from "vitest";
import { permalink } from "../../src/sandbox/fake-slack-chat";
import { parsePermalink } from "../../src/sandbox/page/permalink";

/** The fake Slack's permalinks and the page's reading of them, both ways. */

describe("permalinks", () => {
  it("are Slack's: the ts without its dot, and a reply names its thread and channel", () => {
    expect(permalink("vendor", { channel: "C0SALES", ts: "1700000000.000123" })).toBe(
      "https://vendor.slack.com/archives/C0SALES/p1700000000000123",
    );
    expect(permalink("vendor", { channel: "C0SALES", ts: "1700000005.000130", threadTs: "1700000000.000123" })).toBe(
      "https://vendor.slack.com/archives/C0SALES/p1700000005000130?thread_ts=1700000000.000123&cid=C0SALES",
    );
    // A thread's parent carries no thread_ts of its own.
    expect(permalink("vendor", { channel: "C0SALES", ts: "1700000000.000123", threadTs: "1700000000.000123" })).toBe(
      "https://vendor.slack.com/archives/C0SALES/p1700000000000123",
    );
  });

  it("are read back to the message, and to its thread for a reply", () => {
    expect(parsePermalink("https://vendor.slack.com/archives/C0APPROVALS/p1700000000000123", "vendor")).toEqual({
      channel: "C0APPROVALS",
      ts: "1700000000.000123",
    });
    expect(
      parsePermalink(
        "https://vendor.slack.com/archives/D0PARTNERA/p1700000005000130?thread_ts=1700000000.000123&cid=D0PARTNERA",
        "vendor",
      ),
    ).toEqual({ channel: "D0PARTNERA", ts: "1700000005.000130", threadTs: "1700000000.000123" });
  });

  it("leave other links alone: other workspaces, other paths, other sites, lookalikes", () => {
    for (const url of [
      "https://acme.slack.com/archives/C0SALES/p1700000000000123",
      "https://vendor.slack.com/archives/C0SALES",
      "https://vendor.slack.com.evil.dev/archives/C0SALES/p1700000000000123",
      "http://vendor.slack.com/archives/C0SALES/p1700000000000123",
      "https://example.com/archives/C0SALES/p1700000000000123",
      "not a url",
    ]) {
      expect(parsePermalink(url, "vendor"), url).toBeUndefined();
    }
  });
});
