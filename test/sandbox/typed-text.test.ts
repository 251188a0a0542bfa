import { describe, expect, it } from "vitest";
import { defaultDirectory } from "../../src/sandbox/fake-slack-directory";
import { encodeTypedText } from "../../src/sandbox/typed-text";

const directory = defaultDirectory();

describe("encodeTypedText: what Slack makes of typed text", () => {
  it("escapes & < > first, as Slack does for commands and messages", () => {
    expect(encodeTypedText("AT&T <b>", directory, "escaped-only")).toBe("AT&amp;T &lt;b&gt;");
  });

  it("links known @names and #channels with labels for commands with should_escape", () => {
    expect(encodeTypedText("assign @pat Acme (see #sales)", directory, "command")).toBe(
      "assign <@U0PARTNERA|pat> Acme (see <#C0SALES|sales>)",
    );
  });

  it("links them without labels in messages", () => {
    expect(encodeTypedText("hi @Max, look at #deal-approvals", directory, "message")).toBe(
      "hi <@U0MANAGER>, look at <#C0APPROVALS>",
    );
  });

  it("leaves unknown names, e-mail addresses and commands without should_escape as typed", () => {
    expect(encodeTypedText("@nobody mail ops@pat.dev #nowhere", directory, "command")).toBe(
      "@nobody mail ops@pat.dev #nowhere",
    );
    expect(encodeTypedText("@pat #sales", directory, "escaped-only")).toBe("@pat #sales");
  });

  it("links web addresses in messages, leaving sentence punctuation outside", () => {
    expect(
      encodeTypedText(
        "See https://vendor.slack.com/archives/C0APPROVALS/p1700000000000123. And (https://x.dev/?a=1&b=2)!",
        directory,
        "message",
      ),
    ).toBe(
      "See <https://vendor.slack.com/archives/C0APPROVALS/p1700000000000123>. And (<https://x.dev/?a=1&amp;b=2>)!",
    );
    expect(encodeTypedText("go to https://x.dev", directory, "command")).toBe("go to https://x.dev");
    expect(encodeTypedText("no link: vendor.slack.com", directory, "message")).toBe("no link: vendor.slack.com");
  });
});
