import { describe, expect, it } from "vitest";
import { renderBlocks } from "../../src/sandbox/page/render-blocks";
import type { RenderContext } from "../../src/sandbox/page/render-context";
import { renderMessage } from "../../src/sandbox/page/render-message";
import { renderModal } from "../../src/sandbox/page/render-modal";
import type { Json, MessageView } from "../../src/sandbox/sandbox-protocol";
import type { PracticeRecord } from "../../src/services/practices/practice-store";
import { practiceCardMessage } from "../../src/slack/views/practice-card-view";
import { editPracticeModal, sharePracticeModal } from "../../src/slack/views/practice-modal-view";

/**
 * What best practices need from the sandbox page, drawn from the app's own builders: the card (a
 * Helpful count, a Delete that asks first), the share modal's tag picker, and a message's
 * "More actions" menu where the Save as best practice shortcut lives.
 */

const context: RenderContext = {
  users: {
    U0PARTNERA: { name: "pat", realName: "Pat Partner-A" },
    U0EXTERNAL: { name: "eli", realName: "Eli External (Acme)", external: true },
  },
  channels: { C0PARTNERA: "partner-acme" },
  me: "U0PARTNERA",
  timeZone: "UTC",
};

const practice: PracticeRecord = {
  id: 41,
  workspaceId: 1,
  teamId: "T0VENDOR",
  authorId: "U0PARTNERA",
  creditedUserId: "U0EXTERNAL",
  title: "Offer the 3-year prepaid plan <!channel>",
  body: "When procurement pushes on price & asks for <@U0ADMIN>, offer the prepaid plan.",
  tags: ["pricing", "renewals"],
  region: "EMEA",
  link: "https://partners.vendor.example/prepaid?a=1&b=2",
  sourcePermalink: "https://vendor.slack.com/archives/C0PARTNERA/p1764460800000100",
  channelId: "C0PARTNERA",
  helpfulCount: 3,
  deletedAt: null,
  createdAt: new Date("2026-11-27T09:00:00Z"),
  updatedAt: new Date("2026-11-27T09:00:00Z"),
};

const blocksOf = (value: unknown) => value as Json[];
/** The app's typed view as the page receives it: plain JSON. */
const asJson = (view: object) => view as unknown as Json;

describe("the practice card in the sandbox page", () => {
  const html = renderBlocks(blocksOf(practiceCardMessage(practice).blocks), context);

  it("shows the title, the text, who shared it, whom it credits, and where it came from", () => {
    expect(html).toContain('class="block block-header"');
    expect(html).toMatch(/Shared by <span class="mention mention-me" data-user="U0PARTNERA">@pat<\/span>/);
    expect(html).toMatch(/credit: <span class="mention" data-user="U0EXTERNAL">@eli<\/span>/);
    expect(html).toContain('href="https://vendor.slack.com/archives/C0PARTNERA/p1764460800000100"');
    expect(html).toContain('href="https://partners.vendor.example/prepaid?a=1&amp;b=2"');
    expect(html).toContain("#pricing #renewals");
  });

  it("shows the practice's markup as text: no channel ping, no forged mention", () => {
    expect(html).toContain("&lt;!channel&gt;");
    expect(html).toContain("&lt;@U0ADMIN&gt;");
    expect(html).toContain("price &amp; asks");
    expect(html).not.toContain("@channel");
  });

  it("draws Helpful with its count and emoji, Edit, and Delete as a danger button", () => {
    expect(html).toMatch(
      /<button type="button" class="btn" data-action-id="practice_helpful"[^>]*><span class="emoji"[^>]*>👍<\/span> Helpful \(3\)</,
    );
    expect(html).toMatch(/data-action-id="practice_edit_open"[^>]*>Edit</);
    // Its confirm dialog is drawn on click, from the same JSON (element-actions.ts).
    expect(html).toMatch(/class="btn btn-danger" data-action-id="practice_delete"[^>]*>Delete</);
  });

  it("draws a deleted practice without buttons", () => {
    const deleted = renderBlocks(blocksOf(practiceCardMessage({ ...practice, deletedAt: new Date() }).blocks), context);
    expect(deleted).toContain("This practice was deleted.");
    expect(deleted).not.toContain("<button");
  });
});

describe("the share and edit modals in the sandbox page", () => {
  const form = { knownTags: ["pricing", "objections", "security-review"], defaultRegion: "EMEA" };
  const metadata = {
    channelId: "C0PARTNERA",
    creditedUserId: "U0EXTERNAL",
    sourcePermalink: practice.sourcePermalink,
    fromHome: false,
  };
  const options = { viewId: "V1", depth: 0, appName: "Partner Hub" };

  it("offers the known tags in a multi-select, with a field for new ones", () => {
    const html = renderModal(asJson(sharePracticeModal(form, metadata, { body: practice.body })), context, options);
    expect(html).toContain("<h2");
    expect(html).toContain("Share a practice");
    expect(html).toMatch(/<select multiple class="select select-multi"[^>]*name="practice_tags\.[a-z_]+"/);
    for (const tag of form.knownTags) expect(html).toContain(`<option value="${tag}">${tag}</option>`);
    expect(html).toContain("New tags");
    expect(html).toContain("Region or market");
    // Prefilled from the saved message; the credit line names its writer.
    expect(html).toContain("When procurement pushes on price &amp; asks for &lt;@U0ADMIN&gt;");
    expect(html).toMatch(
      /Saved from <a[^>]*>a message<\/a> by <span class="mention" data-user="U0EXTERNAL">@eli<\/span>/,
    );
  });

  it("shows the practice's tags as chosen when it is edited, and typed ones in New tags", () => {
    const html = renderModal(
      asJson(editPracticeModal(form, { ...practice, tags: ["pricing", "uk-enterprise"] })),
      context,
      options,
    );
    expect(html).toContain('<option value="pricing" selected>pricing</option>');
    expect(html).toContain('<option value="objections">objections</option>');
    expect(html).toMatch(/<input type="text" class="input"[^>]*value="uk-enterprise"/);
  });

  it("keeps what the person picked over the initial tags when the view is drawn again", () => {
    const view = asJson(editPracticeModal(form, practice));
    const key = /name="(practice_tags\.[a-z_]+)"/.exec(renderModal(view, context, options))?.[1] ?? "";
    const html = renderModal(view, context, { ...options, drafts: { [key]: ["objections", "security-review"] } });
    expect(html).toContain('<option value="objections" selected>');
    expect(html).toContain('<option value="security-review" selected>');
    expect(html).not.toContain('<option value="pricing" selected>');
  });
});

describe("a message's More actions menu", () => {
  const message: MessageView = {
    channel: "C0PARTNERA",
    ts: "1764460800.000100",
    user: "U0EXTERNAL",
    isBot: false,
    text: "Offer the prepaid plan",
    blocks: [],
    ephemeral: false,
    replyCount: 0,
    edited: false,
  };
  const options = { appName: "Partner Hub", botUserId: "U0BOT", inThread: false, messageShortcuts: true };
  const moreActions =
    '<button type="button" class="message-action" data-message-shortcuts="1764460800.000100" title="More actions" aria-label="More actions">⋯</button>';

  it("is offered on people's and the app's messages, in channels and threads, when the app declares a message shortcut", () => {
    expect(renderMessage(message, context, options)).toContain(moreActions);
    expect(renderMessage({ ...message, user: "U0BOT", isBot: true }, context, options)).toContain(moreActions);
    expect(renderMessage(message, context, { ...options, inThread: true })).toContain(moreActions);
  });

  it("is not offered on ephemeral answers, nor when the app declares no message shortcut", () => {
    expect(renderMessage({ ...message, ephemeral: true }, context, options)).not.toContain("data-message-shortcuts");
    expect(renderMessage(message, context, { ...options, messageShortcuts: false })).not.toContain(
      "data-message-shortcuts",
    );
  });
});
