import { describe, expect, it } from "vitest";
import type { RenderContext } from "../../src/sandbox/page/render-context";
import { formatSlackDate, renderMrkdwn, renderPlainText, renderText } from "../../src/sandbox/page/render-mrkdwn";

const context: RenderContext = {
  users: { U0PAT: { name: "pat", realName: "Pat Partner" }, U0MAX: { name: "max", realName: "Max Manager" } },
  channels: { C0SALES: "sales" },
  me: "U0MAX",
  timeZone: "UTC",
};

const md = (text: string) => renderMrkdwn(text, context);

describe("renderMrkdwn", () => {
  it("formats bold, italic, strike and inline code", () => {
    expect(md("*bold* _italic_ ~gone~ `x = 1`")).toBe("<b>bold</b> <i>italic</i> <s>gone</s> <code>x = 1</code>");
  });

  it("only formats markers at word edges, as Slack does", () => {
    expect(md("2*3*4 and snake_case_name stay as typed")).toBe("2*3*4 and snake_case_name stay as typed");
    expect(md("* not bold *")).toBe("* not bold *");
  });

  it("does not format inside code", () => {
    expect(md("`*not bold*` *bold*")).toBe("<code>*not bold*</code> <b>bold</b>");
  });

  it("renders preformatted blocks with their text escaped and unformatted", () => {
    expect(md("```\nif (a < b) *x*\n```\nafter")).toBe('<pre class="pre">if (a &lt; b) *x*</pre>after');
  });

  it("renders quotes, also when Slack escaped the >", () => {
    expect(md("> quoted *line*\nplain")).toBe("<blockquote>quoted <b>line</b></blockquote>plain");
    expect(md("&gt; typed quote")).toBe("<blockquote>typed quote</blockquote>");
  });

  it("keeps line breaks", () => {
    expect(md("one\ntwo")).toBe("one<br>two");
  });

  it("renders user mentions by name and highlights the reader's own", () => {
    expect(md("<@U0PAT> and <@U0MAX>")).toBe(
      '<span class="mention" data-user="U0PAT">@pat</span> and <span class="mention mention-me" data-user="U0MAX">@max</span>',
    );
  });

  it("falls back to the label, then the id, for unknown people", () => {
    expect(md("<@U0NOBODY|nobody> <@U0GHOST>")).toBe(
      '<span class="mention" data-user="U0NOBODY">@nobody</span> <span class="mention" data-user="U0GHOST">@U0GHOST</span>',
    );
  });

  it("renders channel mentions and special mentions", () => {
    expect(md("<#C0SALES> <#C0OTHER|other> <!here> <!channel>")).toBe(
      '<span class="channel-link" data-channel="C0SALES">#sales</span> <span class="channel-link" data-channel="C0OTHER">#other</span> <span class="mention mention-broadcast">@here</span> <span class="mention mention-broadcast">@channel</span>',
    );
  });

  it("renders links with labels, decoding Slack's entities once", () => {
    expect(md("<https://example.com/?a=1&amp;b=2|AT&amp;T> <mailto:ops@example.com|mail us> <https://x.dev>")).toBe(
      '<a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">AT&amp;T</a> <a href="mailto:ops@example.com" target="_blank" rel="noopener noreferrer">mail us</a> <a href="https://x.dev" target="_blank" rel="noopener noreferrer">https://x.dev</a>',
    );
  });

  it("never makes a javascript: link", () => {
    const html = md("<javascript:alert(1)|click me>");
    expect(html).not.toContain("<a");
    expect(html).toBe("click me");
  });

  it("escapes HTML in every piece of text", () => {
    expect(md('&lt;img src=x onerror="alert(1)"&gt; & <b>')).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;b&gt;",
    );
    expect(md("<https://ok.dev|<script>>")).not.toContain("<script>");
    expect(md('`<img src=x onerror="x">`')).toBe("<code>&lt;img src=x onerror=&quot;x&quot;&gt;</code>");
  });

  it("turns known emoji shortcodes into emoji and leaves unknown ones as text", () => {
    expect(md(":white_check_mark: done")).toBe('<span class="emoji" title=":white_check_mark:">✅</span> done');
    expect(md(":party_parrot:")).toBe('<span class="emoji-code">:party_parrot:</span>');
  });

  it("does not read underscores inside shortcodes as italics", () => {
    expect(md("_:white_check_mark: approved_")).toBe(
      '<i><span class="emoji" title=":white_check_mark:">✅</span> approved</i>',
    );
  });

  it("formats around mentions", () => {
    expect(md("*<@U0PAT> won*")).toBe('<b><span class="mention" data-user="U0PAT">@pat</span> won</b>');
  });

  it("renders <!date> in the reader's timezone", () => {
    expect(md("<!date^1700000000^{date_short} at {time}|Nov 14>")).toBe(
      '<span class="date">Nov 14, 2023 at 10:13 PM</span>',
    );
    expect(formatSlackDate(1700000000, "{date_num} · {date_long}", "Asia/Tokyo")).toBe(
      "2023-11-15 · Wednesday, November 15th, 2023",
    );
  });
});

describe("Slack date tokens", () => {
  // 2026-11-27 23:30 UTC: Friday evening in London, already Saturday in Singapore, afternoon in New York.
  const instant = Date.UTC(2026, 10, 27, 23, 30) / 1000;
  const token = `<!date^${instant}^{date} {time}|2026-11-28 00:30 CET>`;
  const as = (timeZone: string, now?: Date) => renderMrkdwn(token, { ...context, timeZone, now });

  it("renders the app's {date} {time} token in each reader's own time zone", () => {
    expect(as("Europe/London")).toBe('<span class="date">November 27th, 2026 11:30 PM</span>');
    expect(as("Asia/Singapore")).toBe('<span class="date">November 28th, 2026 7:30 AM</span>');
    expect(as("America/New_York")).toBe('<span class="date">November 27th, 2026 6:30 PM</span>');
    expect(renderMrkdwn(`<!date^${instant}^{date}|2026-11-28>`, { ...context, timeZone: "Asia/Tokyo" })).toBe(
      '<span class="date">November 28th, 2026</span>',
    );
  });

  it("shows the fallback for a format or a timestamp Slack can't read, and escapes it", () => {
    expect(md(`<!date^${instant}^{date} {weekday}|Fri 27 Nov>`)).toBe('<span class="date">Fri 27 Nov</span>');
    expect(md("<!date^soon^{date}|next week>")).toBe('<span class="date">next week</span>');
    expect(md("<!date^1.5^{date}|1970-01-01>")).toBe('<span class="date">1970-01-01</span>');
    expect(md("<!date^x^{date}|&lt;b&gt; &amp; co>")).toBe('<span class="date">&lt;b&gt; &amp; co</span>');
  });

  it("keeps the text around the token and formats around it", () => {
    expect(md(`*Registered* <!date^1700000000^{date_num}|2023-11-14> by <@U0PAT>`)).toBe(
      '<b>Registered</b> <span class="date">2023-11-14</span> by <span class="mention" data-user="U0PAT">@pat</span>',
    );
  });

  it("says today, yesterday and tomorrow for the _pretty tokens, on the reader's calendar", () => {
    const now = new Date(Date.UTC(2026, 10, 28, 1, 0));
    const pretty = `<!date^${instant}^{date_pretty} at {time}|x>`;
    expect(renderMrkdwn(pretty, { ...context, timeZone: "Europe/London", now })).toBe(
      '<span class="date">yesterday at 11:30 PM</span>',
    );
    expect(renderMrkdwn(pretty, { ...context, timeZone: "Asia/Singapore", now })).toBe(
      '<span class="date">today at 7:30 AM</span>',
    );
    expect(formatSlackDate(instant + 86_400, "{date_short_pretty}", "Asia/Singapore", now)).toBe("tomorrow");
    expect(formatSlackDate(instant - 5 * 86_400, "{date_pretty}", "UTC", now)).toBe("November 22nd, 2026");
  });

  it("says how long ago with {ago}", () => {
    const now = new Date((instant + 3 * 3_600 + 59) * 1000);
    expect(formatSlackDate(instant, "{ago}", "UTC", now)).toBe("3 hours ago");
    expect(formatSlackDate(instant, "{ago}", "UTC", new Date(instant * 1000 + 20_000))).toBe("just now");
    expect(formatSlackDate(instant + 2 * 86_400, "{ago}", "UTC", now)).toBe("in 1 day");
    expect(formatSlackDate(instant - 86_400 * 61, "{ago}", "UTC", now)).toBe("2 months ago");
  });
});

describe("renderPlainText and renderText", () => {
  it("escapes plain text and converts emoji only when asked", () => {
    expect(renderPlainText("<b>:tada:</b>\nnext")).toBe(
      '&lt;b&gt;<span class="emoji" title=":tada:">🎉</span>&lt;/b&gt;<br>next',
    );
    expect(renderPlainText(":tada:", false)).toBe(":tada:");
  });

  it("picks the renderer from the text object's type", () => {
    expect(renderText({ type: "mrkdwn", text: "*x*" }, context)).toBe("<b>x</b>");
    expect(renderText({ type: "plain_text", text: "*x*" }, context)).toBe("*x*");
    expect(renderText(undefined, context)).toBe("");
  });
});
