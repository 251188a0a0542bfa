import { describe, expect, it } from "vitest";
import { emptyContext } from "../../src/sandbox/page/render-context";
import { renderMrkdwn, renderPlainText } from "../../src/sandbox/page/render-mrkdwn";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  fields,
  header,
  input,
  LIMITS,
  link,
  md,
  mention,
  mentionSafe,
  modal,
  mrkdwn,
  option,
  plainTextInput,
  section,
  staticSelect,
  text,
  truncate,
  truncateMrkdwn,
  trusted,
} from "../../src/slack/views/block-kit";
import { linesToSections, message } from "../../src/slack/views/message";

const render = (mrkdwnText: string) => renderMrkdwn(mrkdwnText, emptyContext());
const textOf = (block: unknown) => (block as { text: { text: string } }).text.text;

describe("escapeMrkdwn", () => {
  it("turns Slack's control characters into its entities", () => {
    expect(escapeMrkdwn("AT&T <!channel> <@U123> <https://evil.example|click>")).toBe(
      "AT&amp;T &lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt;",
    );
  });

  it("leaves no formatting marker that could open or close bold, italic, strike or code", () => {
    const escaped = escapeMrkdwn("*bold* _it_ ~gone~ `code` ```pre```");
    expect(escaped).not.toMatch(/[*`]|(^|\s)[_~]|[_~](\s|$)/);
    expect(render(escaped)).not.toMatch(/<(b|i|s|code|pre)[ >]/);
    expect(render(escaped)).toBe("∗bold∗ ˍitˍ ∼gone∼ ˋcodeˋ ˋˋˋpreˋˋˋ");
  });

  it("keeps markers inside words, where no client formats them", () => {
    expect(escapeMrkdwn("snake_case foo~bar acme_corp.com")).toBe("snake_case foo~bar acme_corp.com");
    expect(escapeMrkdwn("2*3")).toBe("2∗3");
  });

  it("keeps a > that opens a line from starting a quote", () => {
    const escaped = escapeMrkdwn("> not a quote\n> nor this\nmid > line");
    expect(render(escaped)).not.toContain("<blockquote>");
    expect(escaped).toContain("mid &gt; line");
  });

  it("shows user text literally inside the app's own bold", () => {
    expect(render(md`*${"*bold* _it_ <!channel>"}*`.text)).toBe("<b>∗bold∗ ˍitˍ &lt;!channel&gt;</b>");
  });
});

describe("md and the trusted builders", () => {
  it("escapes interpolated strings, keeps numbers and mrkdwn the app built", () => {
    const inner = md`*${"<@U1>"}*`;
    expect(md`${inner} · ${42} · ${"a&b"}`.text).toBe("*&lt;@U1&gt;* · 42 · a&amp;b");
  });

  it("takes app-written mrkdwn as it is only when asked to", () => {
    expect(section(trusted("*bold* `/deal`")).text?.text).toBe("*bold* `/deal`");
    expect(section("*bold* `/deal`").text?.text).toBe("∗bold∗ ˋ/dealˋ");
  });

  it("mentionSafe disables mentions and links but keeps the app's formatting", () => {
    expect(mentionSafe("No partner named “<!channel>”: try `/partner list`").text).toBe(
      "No partner named “&lt;!channel&gt;”: try `/partner list`",
    );
  });

  it("mentions Slack ids and shows anything else as text", () => {
    expect(mention("U0ABC").text).toBe("<@U0ABC>");
    expect(mention("C0ABC", "#").text).toBe("<#C0ABC>");
    expect(mention("U1> <!channel").text).toBe("@U1&gt; &lt;!channel");
  });

  it("links keep their URL and show their label literally", () => {
    expect(link("https://x.slack.com/archives/C1/p1?a=1&b=2", "*Open* <it>").text).toBe(
      "<https://x.slack.com/archives/C1/p1?a=1&amp;b=2|∗Open∗ &lt;it&gt;>",
    );
  });

  it("plain_text shows user text as typed, so headers never turn it bold", () => {
    const block = header("*bold* _it_ <!channel> & co");
    expect(block.text).toEqual({ type: "plain_text", text: "*bold* _it_ <!channel> & co", emoji: true });
    expect(renderPlainText(block.text.text)).toBe("*bold* _it_ &lt;!channel&gt; &amp; co");
  });
});

describe("truncation at Slack's limits", () => {
  const long = (n: number) => "x".repeat(n);

  it("cuts plain text with an ellipsis, never inside a surrogate pair", () => {
    expect(truncate(long(10), 10)).toBe(long(10));
    expect(truncate(long(11), 10)).toBe(`${long(9)}…`);
    const emoji = `${long(8)}😀😀`;
    expect(truncate(emoji, 10)).toBe(`${long(8)}…`);
  });

  it("cuts mrkdwn before an entity or a mention it would break", () => {
    expect(truncateMrkdwn(`${long(5)}&amp;${long(10)}`, 8)).toBe(`${long(5)}…`);
    expect(truncateMrkdwn(`${long(3)}<@U12345>${long(10)}`, 8)).toBe(`${long(3)}…`);
    expect(truncateMrkdwn(`${long(3)}<@U1>${long(10)}`, 10)).toBe(`${long(3)}<@U1>x…`);
  });

  it("keeps each text within its limit", () => {
    expect(section(long(5000)).text?.text).toHaveLength(LIMITS.sectionText);
    expect(section("&".repeat(1000)).text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(section("&".repeat(1000)).text?.text).toMatch(/^(&amp;)+…$/);
    expect(mrkdwn(long(100), 50).text).toHaveLength(50);
    expect(header(long(200)).text.text).toHaveLength(LIMITS.header);
    expect(button("a", long(100), "v").text.text).toHaveLength(LIMITS.buttonText);
    expect(button("a", "b", long(3000)).value).toHaveLength(LIMITS.buttonValue);
    expect(option("v", long(100)).text.text).toHaveLength(LIMITS.optionText);
    expect(text(long(4000)).text).toHaveLength(3000);
    const view = modal({ title: long(30), submit: long(30), close: long(30), blocks: [] });
    expect([view.title.text, view.submit?.text, view.close?.text].map((entry) => entry?.length)).toEqual([24, 24, 24]);
    const field = fields([["Notes", long(3000)]]).fields?.[0];
    expect(field?.text).toHaveLength(LIMITS.field);
    const block = input("b", long(3000), plainTextInput("a", { placeholder: long(200), initial: long(50), max: 30 }), {
      hint: long(3000),
    });
    expect(block.label.text).toHaveLength(LIMITS.label);
    expect(block.hint?.text).toHaveLength(LIMITS.hint);
    expect(block.element).toMatchObject({ initial_value: long(30), max_length: 30 });
    expect((block.element as { placeholder: { text: string } }).placeholder.text).toHaveLength(LIMITS.placeholder);
    expect(message(long(50_000), []).text).toHaveLength(LIMITS.messageText);
  });

  it("keeps each block within its element counts", () => {
    expect(context(...Array.from({ length: 12 }, () => "c")).elements).toHaveLength(LIMITS.contextElements);
    const many = Array.from({ length: 30 }, (_, i) => button(`a${i}`, "b"));
    expect(actions(many).elements).toHaveLength(LIMITS.actionsElements);
    const facts = Array.from({ length: 12 }, (_, i): [string, string] => [`f${i}`, "v"]);
    expect(fields(facts).fields).toHaveLength(LIMITS.fields);
    const choices = Array.from({ length: 150 }, (_, i) => option(String(i), `o${i}`));
    expect(staticSelect("a", choices).options).toHaveLength(LIMITS.options);
  });

  it("packs lines into sections of at most 3000 characters", () => {
    const blocks = linesToSections(["a".repeat(2999), "&", "b".repeat(4000)]);
    expect(blocks.map(textOf).map((entry) => entry.length)).toEqual([2999, 5, 3000]);
  });
});

describe("mentionSafe: sentences the app wrote around typed text", () => {
  it("shows the quoted, typed part literally and keeps the app's own formatting", () => {
    expect(mentionSafe("No partner named “*Acme* <@U1>”: see `/partner list`").text).toBe(
      "No partner named “∗Acme∗ &lt;@U1&gt;”: see `/partner list`",
    );
  });

  it("keeps mentions of people and channels by id, disables broadcasts and links", () => {
    expect(mentionSafe("Approvals go to <#C0SALES> (ask <@U1|bob>) <!channel> <https://x.example|y>").text).toBe(
      "Approvals go to <#C0SALES> (ask <@U1|bob>) &lt;!channel&gt; &lt;https://x.example|y&gt;",
    );
  });
});
