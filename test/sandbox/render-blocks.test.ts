import { describe, expect, it } from "vitest";
import { renderBlock, renderBlocks, renderElement } from "../../src/sandbox/page/render-blocks";
import type { RenderContext } from "../../src/sandbox/page/render-context";
import { renderMessage } from "../../src/sandbox/page/render-message";
import { renderModal } from "../../src/sandbox/page/render-modal";
import type { MessageView } from "../../src/sandbox/sandbox-protocol";

const context: RenderContext = {
  users: {
    U0PAT: { name: "pat", realName: "Pat Partner" },
    U0ELI: { name: "eli", realName: "Eli External", external: true },
  },
  channels: { C0SALES: "sales", C0ACME: "partner-acme" },
  me: "U0PAT",
  timeZone: "UTC",
};

const text = (value: string) => ({ type: "plain_text", text: value });
const md = (value: string) => ({ type: "mrkdwn", text: value });
const option = (value: string, label = value) => ({ text: text(label), value });

/** The HTML as a document-free list of tags, to assert on structure without a DOM. */
function count(html: string, fragment: string): number {
  return html.split(fragment).length - 1;
}

describe("renderBlocks: layout blocks", () => {
  it("renders a section with mrkdwn text, two-column fields and a button accessory", () => {
    const html = renderBlock(
      {
        type: "section",
        block_id: "deal",
        text: md("*Acme* registered a deal"),
        fields: [md("*Amount*\n€12,500"), md("*Stage*\nProposal")],
        accessory: { type: "button", action_id: "deal_open", text: text("Open"), value: "42" },
      },
      context,
    );
    expect(html).toContain('class="block block-section" data-block-id="deal"');
    expect(html).toContain("<b>Acme</b> registered a deal");
    expect(count(html, 'class="field"')).toBe(2);
    expect(html).toContain("<b>Amount</b><br>€12,500");
    expect(html).toContain(
      '<button type="button" class="btn" data-action-id="deal_open" data-block-id="deal" data-type="button">Open</button>',
    );
  });

  it("renders header, divider, context and image blocks", () => {
    const html = renderBlocks(
      [
        { type: "header", text: text("Leaderboard :trophy:") },
        { type: "divider" },
        {
          type: "context",
          elements: [{ type: "image", image_url: "https://img.dev/a.png", alt_text: "logo" }, md("Updated _now_")],
        },
        { type: "image", image_url: "https://img.dev/chart.png", alt_text: "Q3 chart", title: text("Q3") },
      ],
      context,
    );
    expect(html).toContain(
      '<div class="block block-header">Leaderboard <span class="emoji" title=":trophy:">🏆</span></div>',
    );
    expect(html).toContain('<div class="block block-divider"><hr></div>');
    expect(html).toContain('<img class="element-image" src="https://img.dev/a.png" alt="logo"');
    expect(html).toContain('<span class="context-text">Updated <i>now</i></span>');
    expect(html).toContain("<figcaption>Q3</figcaption>");
    expect(html).toContain('src="https://img.dev/chart.png" alt="Q3 chart"');
  });

  it("renders rich_text sections, lists, quotes and preformatted text with styles", () => {
    const html = renderBlock(
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "text", text: "Hi " },
              { type: "user", user_id: "U0PAT" },
              { type: "text", text: " bold", style: { bold: true } },
              { type: "emoji", name: "tada" },
              { type: "link", url: "https://docs.dev", text: "docs" },
            ],
          },
          {
            type: "rich_text_list",
            style: "ordered",
            elements: [
              { type: "rich_text_section", elements: [{ type: "text", text: "one" }] },
              { type: "rich_text_section", elements: [{ type: "text", text: "two", style: { code: true } }] },
            ],
          },
          { type: "rich_text_quote", elements: [{ type: "text", text: "quote" }] },
          { type: "rich_text_preformatted", elements: [{ type: "text", text: "a < b" }] },
        ],
      },
      context,
    );
    expect(html).toContain('Hi <span class="mention mention-me" data-user="U0PAT">@pat</span><b> bold</b>');
    expect(html).toContain("🎉");
    expect(html).toContain('<a href="https://docs.dev" target="_blank" rel="noopener noreferrer">docs</a>');
    expect(html).toContain('<ol class="rich-list" style="--indent:0"><li>one</li><li><code>two</code></li></ol>');
    expect(html).toContain("<blockquote>quote</blockquote>");
    expect(html).toContain('<pre class="pre">a &lt; b</pre>');
  });

  it("says so for a block type it does not draw, instead of dropping it silently", () => {
    expect(renderBlock({ type: "video", block_id: "v" }, context)).toContain(
      "A video block (not shown in the sandbox)",
    );
  });

  it("escapes text and refuses unsafe URLs everywhere", () => {
    const html = renderBlocks(
      [
        { type: "header", text: text("<script>alert(1)</script>") },
        { type: "image", image_url: "javascript:alert(1)", alt_text: '"><script>' },
        {
          type: "actions",
          block_id: '"><b>',
          elements: [{ type: "button", action_id: "x", text: text("<i>go</i>"), url: "javascript:alert(1)" }],
        },
      ],
      context,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<i>go</i>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('data-block-id="&quot;&gt;&lt;b&gt;"');
  });
});

describe("renderElement: interactive elements", () => {
  it("renders buttons with their style and URL", () => {
    const html = renderElement(
      { type: "button", action_id: "approve", text: text("Approve"), style: "primary", url: "https://crm.dev/1" },
      "b1",
      context,
    );
    expect(html).toContain('class="btn btn-primary"');
    expect(html).toContain('data-url="https://crm.dev/1"');
    expect(
      renderElement({ type: "button", action_id: "no", text: text("Decline"), style: "danger" }, "b1", context),
    ).toContain("btn-danger");
  });

  it("renders a static select with groups, placeholder and its initial option", () => {
    const html = renderElement(
      {
        type: "static_select",
        action_id: "stage",
        placeholder: text("Pick a stage"),
        option_groups: [
          { label: text("Open"), options: [option("prospecting", "Prospecting"), option("proposal", "Proposal")] },
        ],
        initial_option: option("proposal", "Proposal"),
      },
      "deal_stage",
      context,
    );
    expect(html).toContain(
      '<select class="select" data-action-id="stage" data-block-id="deal_stage" data-type="static_select" name="deal_stage.stage">',
    );
    expect(html).toContain('<option value="">Pick a stage</option>');
    expect(html).toContain(
      '<optgroup label="Open"><option value="prospecting">Prospecting</option><option value="proposal" selected>Proposal</option></optgroup>',
    );
  });

  it("lists the directory's people in a users select and channels in a conversations select", () => {
    const users = renderElement({ type: "users_select", action_id: "who", initial_user: "U0ELI" }, "b", context);
    expect(users).toContain('<option value="U0PAT">Pat Partner</option>');
    expect(users).toContain('<option value="U0ELI" selected>Eli External</option>');
    const multi = renderElement({ type: "multi_users_select", action_id: "who" }, "b", context);
    expect(multi).toContain("<select multiple");
    const channels = renderElement({ type: "conversations_select", action_id: "where" }, "b", context);
    expect(channels).toContain('<option value="C0ACME">#partner-acme</option>');
  });

  it("renders an overflow menu whose items carry their values", () => {
    const html = renderElement(
      { type: "overflow", action_id: "more", options: [option("edit", "Edit"), option("withdraw", "Withdraw")] },
      "card",
      context,
    );
    expect(html).toContain('<details class="overflow">');
    expect(html).toContain(
      'data-action-id="more" data-block-id="card" data-type="overflow" data-value="withdraw">Withdraw</button>',
    );
  });

  it("renders date and time pickers with their initial values", () => {
    expect(
      renderElement({ type: "datepicker", action_id: "close", initial_date: "2026-03-31" }, "b", context),
    ).toContain(
      'type="date" class="input input-date" data-action-id="close" data-block-id="b" data-type="datepicker" name="b.close" value="2026-03-31"',
    );
    expect(renderElement({ type: "timepicker", action_id: "at" }, "b", context)).toContain('type="time"');
  });

  it("renders text inputs: single line, multi-line with limits, number, email, URL", () => {
    expect(
      renderElement(
        { type: "plain_text_input", action_id: "name", initial_value: "Acme", max_length: 80 },
        "b",
        context,
      ),
    ).toContain(
      'type="text" class="input" data-action-id="name" data-block-id="b" data-type="plain_text_input" name="b.name" maxlength="80" value="Acme"',
    );
    expect(
      renderElement(
        { type: "plain_text_input", action_id: "notes", multiline: true, initial_value: "<hi>" },
        "b",
        context,
      ),
    ).toMatch(/<textarea[^>]*name="b.notes"[^>]*>&lt;hi&gt;<\/textarea>/);
    const number = renderElement(
      { type: "number_input", action_id: "amount", is_decimal_allowed: true, min_value: "0" },
      "b",
      context,
    );
    expect(number).toContain('type="number"');
    expect(number).toContain('step="any" min="0"');
    expect(renderElement({ type: "email_text_input", action_id: "e" }, "b", context)).toContain('type="email"');
    expect(renderElement({ type: "url_text_input", action_id: "u" }, "b", context)).toContain('type="url"');
  });

  it("renders checkboxes and radio buttons with descriptions and initial choices", () => {
    const checks = renderElement(
      {
        type: "checkboxes",
        action_id: "notify",
        options: [{ ...option("dm"), description: md("a _DM_") }, option("channel")],
        initial_options: [option("channel")],
      },
      "b",
      context,
    );
    expect(count(checks, 'type="checkbox"')).toBe(2);
    expect(checks).toContain('value="channel" checked');
    expect(checks).toContain('<span class="choice-description">a <i>DM</i></span>');
    const radios = renderElement(
      {
        type: "radio_buttons",
        action_id: "tier",
        options: [option("gold"), option("silver")],
        initial_option: option("gold"),
      },
      "b",
      context,
    );
    expect(radios).toContain('type="radio" name="b.tier" value="gold" checked');
  });

  it("shows what was entered instead of the initial value", () => {
    const html = renderElement({ type: "plain_text_input", action_id: "name", initial_value: "Acme" }, "b", context, {
      drafts: { "b.name": "Globex" },
    });
    expect(html).toContain('value="Globex"');
    const cleared = renderElement(
      { type: "checkboxes", action_id: "c", options: [option("x")], initial_options: [option("x")] },
      "b",
      context,
      { drafts: { "b.c": [] } },
    );
    expect(cleared).not.toContain("checked");
  });
});

describe("input blocks", () => {
  const input = {
    type: "input",
    block_id: "amount_block",
    label: text("Amount"),
    hint: text("In the deal's currency"),
    element: { type: "number_input", action_id: "amount", is_decimal_allowed: false },
  };

  it("renders label, hint and an empty error slot; marks optional inputs", () => {
    const html = renderBlock(input, context);
    expect(html).toContain('<label class="input-label">Amount</label>');
    expect(html).toContain('<div class="input-hint">In the deal&#39;s currency</div>');
    expect(html).toContain('<div class="field-error" data-error-for="amount_block" hidden></div>');
    expect(html).toContain('data-input="true"');
    expect(renderBlock({ ...input, optional: true }, context)).toContain('<span class="optional">(optional)</span>');
  });

  it("shows a response_action error under its own field", () => {
    const html = renderBlock(input, context, { errors: { amount_block: "Amount must be positive" } });
    expect(html).toContain('class="block block-input has-error"');
    expect(html).toContain('<div class="field-error" data-error-for="amount_block">Amount must be positive</div>');
    expect(renderBlock(input, context, { errors: { other: "x" } })).not.toContain("has-error");
  });

  it("shows the error in place of the hint, as Slack does, and the hint again without one", () => {
    const html = renderBlock(input, context, { errors: { amount_block: "Amount must be positive" } });
    expect(html).toContain('<div class="input-hint" hidden>In the deal&#39;s currency</div>');
    expect(html.indexOf("input-hint")).toBeLessThan(html.indexOf("field-error"));
    const other = renderBlock(input, context, { errors: { other: "x" } });
    expect(other).toContain('<div class="input-hint">In the deal&#39;s currency</div>');
  });

  it("lets an input with dispatch_action send block_actions", () => {
    expect(renderBlock({ ...input, dispatch_action: true }, context)).not.toContain("data-input");
  });
});

describe("renderModal", () => {
  const view = {
    type: "modal",
    callback_id: "deal_register",
    title: text("Register a deal"),
    submit: text("Register"),
    close: text("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: "customer",
        label: text("Customer"),
        element: { type: "plain_text_input", action_id: "name" },
      },
    ],
  };

  it("renders title, inputs, close and submit", () => {
    const html = renderModal(view, context, { viewId: "V1", depth: 0, appName: "Partner Hub" });
    expect(html).toContain('data-surface="modal" data-view-id="V1" data-callback-id="deal_register"');
    expect(html).toContain('<h2 id="modal-title">Register a deal</h2>');
    expect(html).toContain('name="customer.name"');
    expect(html).toContain('<button type="button" class="btn" data-modal="cancel">Cancel</button>');
    expect(html).toContain('<button type="submit" class="btn btn-primary" data-modal="submit">Register</button>');
    expect(html).not.toContain('data-modal="back"');
    expect(html).toContain('<div class="modal-failure" role="alert" hidden></div>');
  });

  it("offers a back arrow on a pushed view, shows failures, and has no submit when the view has none", () => {
    const { submit: _submit, ...info } = view;
    const html = renderModal(info, context, {
      viewId: "V2",
      depth: 1,
      appName: "Partner Hub",
      failure: "We had some trouble connecting. Try again?",
    });
    expect(html).toContain('data-modal="back"');
    expect(html).not.toContain('data-modal="submit"');
    expect(html).toContain('<div class="modal-failure" role="alert">We had some trouble connecting. Try again?</div>');
  });
});

describe("renderMessage", () => {
  const base: MessageView = {
    channel: "C0SALES",
    ts: "1700000000.000100",
    user: "U0BOT",
    isBot: true,
    text: "fallback *text*",
    blocks: [],
    ephemeral: false,
    replyCount: 0,
    edited: false,
  };
  const options = { appName: "Partner Hub", botUserId: "U0BOT", inThread: false, messageShortcuts: false };

  it("shows the app with its APP badge and renders text as mrkdwn when there are no blocks", () => {
    const html = renderMessage(base, context, options);
    expect(html).toContain('<span class="author">Partner Hub</span><span class="app-badge">APP</span>');
    expect(html).toContain("fallback <b>text</b>");
    expect(html).toContain('data-surface="message" data-channel="C0SALES" data-ts="1700000000.000100"');
    expect(html).toContain("10:13 PM");
  });

  it("renders blocks instead of the fallback text when the message has blocks", () => {
    const html = renderMessage({ ...base, blocks: [{ type: "section", text: md("*Blocks*") }] }, context, options);
    expect(html).toContain("<b>Blocks</b>");
    expect(html).not.toContain("fallback");
  });

  it("marks ephemeral messages as visible only to the reader", () => {
    const html = renderMessage({ ...base, ephemeral: true }, context, options);
    expect(html).toContain('class="message ephemeral"');
    expect(html).toContain("Only visible to you");
  });

  it("links to the thread from the reply count, and marks edits and external people", () => {
    const html = renderMessage({ ...base, replyCount: 3, edited: true }, context, options);
    expect(html).toContain(
      '<button type="button" class="thread-link" data-thread="1700000000.000100">3 replies</button>',
    );
    expect(html).toContain("(edited)");
    const external = renderMessage({ ...base, user: "U0ELI", isBot: false }, context, options);
    expect(external).toContain('<span class="author">Eli External</span>');
    expect(external).toContain("external-badge");
    expect(renderMessage({ ...base, replyCount: 1 }, context, { ...options, inThread: true })).not.toContain(
      "thread-link",
    );
  });

  it("shows Slackbot's notes as Slackbot", () => {
    expect(renderMessage({ ...base, user: "USLACKBOT" }, context, options)).toContain(
      '<span class="author">Slackbot</span>',
    );
  });
});
