import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, SHORTCUTS, VIEWS } from "../../src/slack/ids";
import { type Harness, startHarness, visibleText } from "../support/harness";
import {
  cardIn,
  cardShows,
  clickCard,
  helpfulLabel,
  openShareModal,
  practiceValues,
  sharePractice,
  waitForModal,
} from "./practices-fixtures";

/** Sharing best practices end to end: signed requests in, what people see in the fake Slack out. */

type Json = Record<string, unknown>;

/** Every mrkdwn text of a message: where markup would fire. */
function mrkdwnTexts(message: { text: string; blocks: unknown[] }): string[] {
  const found = [message.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const object = node as Json;
      if (object.type === "mrkdwn" && typeof object.text === "string") found.push(object.text);
      Object.values(object).forEach(walk);
    }
  };
  walk(message.blocks);
  return found;
}

function elementOf(view: Json, blockId: string): Json | undefined {
  const block = (view.blocks as Json[]).find((entry) => entry.block_id === blockId);
  return block?.element as Json | undefined;
}

describe("sharing best practices", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", "C0SALES");
  });
  afterAll(async () => {
    await h.close();
  });

  it("shares through /practice and the modal: a card with author, tags, region, link and Helpful (0)", async () => {
    const answer = await sharePractice(h, "U0PARTNERA", "C0SALES", practiceValues());
    expect(answer.response_action).toBe("update");
    expect(visibleText(answer.view)).toContain("is shared");

    const card = await cardIn(h, "C0SALES", "3-year TCO");
    const shown = visibleText(card.blocks);
    expect(shown).toContain("The CFO signed in a week.");
    expect(shown).toContain("Shared by <@U0PARTNERA>");
    expect(shown).toContain("#pricing #objections");
    expect(shown).toContain("EMEA");
    expect(shown).toContain("https://wiki.example.com/tco");
    expect(helpfulLabel(card)).toContain("Helpful (0)");
    expect(await h.hub.db.practice.count()).toBe(1);
  });

  it("offers the tags in use next time, and a double-submitted modal shares once", async () => {
    const modal = await openShareModal(h, "U0PARTNERB", "C0SALES");
    const picker = elementOf(modal?.view ?? {}, "practice_tags");
    expect(picker?.type).toBe("multi_static_select");
    expect(((picker?.options ?? []) as { value: string }[]).map((option) => option.value).sort()).toEqual([
      "objections",
      "pricing",
    ]);
    const values = practiceValues({
      "practice_title.value": "Bundle training into the first order",
      "practice_tags.value": ["pricing"],
      "practice_new_tags.value": null,
    });
    // A double-clicked Share sends the same view twice: one practice, one card.
    const [first, second] = await Promise.all([
      h.slack.submitView("U0PARTNERB", values),
      h.slack.submitView("U0PARTNERB", values),
    ]);
    expect(second.json?.response_action).toBe("update");
    expect(first.json?.response_action).toBe("update");
    const card = await cardIn(h, "C0SALES", "Bundle training");
    expect(visibleText(card.blocks)).toContain("#pricing");
    expect(await h.hub.db.practice.count({ where: { title: "Bundle training into the first order" } })).toBe(1);
  });

  it("counts one Helpful vote per person; clicking again takes it back", async () => {
    const card = await cardIn(h, "C0SALES", "3-year TCO");
    await clickCard(h, "U0PARTNERB", card, ACTIONS.practiceHelpful);
    await cardShows(h, card, "Helpful (1)");
    await clickCard(h, "U0MANAGER", card, ACTIONS.practiceHelpful);
    await cardShows(h, card, "Helpful (2)");
    await clickCard(h, "U0PARTNERB", card, ACTIONS.practiceHelpful);
    await cardShows(h, card, "Helpful (1)");
    // Clicking on and on never counts a person twice.
    for (const expected of ["Helpful (0)", "Helpful (1)", "Helpful (0)", "Helpful (1)"]) {
      await clickCard(h, "U0MANAGER", card, ACTIONS.practiceHelpful);
      await cardShows(h, card, expected);
    }
    const practice = await h.hub.db.practice.findFirstOrThrow({ where: { title: { contains: "3-year TCO" } } });
    expect(practice.helpfulCount).toBe(1);
    expect(await h.hub.db.practiceVote.findMany({ where: { practiceId: practice.id } })).toMatchObject([
      { userId: "U0MANAGER" },
    ]);
    // The card was redrawn in place: still one card.
    expect(h.fake.messages.filter((message) => message.text.includes("3-year TCO"))).toHaveLength(1);
  });

  it("saves someone's message with the shortcut: prefilled, crediting them, linking to it", async () => {
    const source = h.fake.postAsUser(
      "U0PARTNERB",
      "C0SALES",
      "When procurement stalls, offer a paid pilot\nA 30-day pilot with an exit clause closed two deals in Q3.",
    );
    const opened = h.fake.callsOf("views.open").length;
    const answer = await h.slack.messageShortcut("U0MANAGER", SHORTCUTS.savePractice, source);
    expect(answer.status).toBe(200);
    const modal = await waitForModal(h, "U0MANAGER", opened, VIEWS.sharePractice);
    const view = modal?.view ?? {};
    expect(elementOf(view, "practice_title")?.initial_value).toBe("When procurement stalls, offer a paid pilot");
    expect(String(elementOf(view, "practice_body")?.initial_value)).toContain("exit clause closed two deals");
    expect(visibleText(view)).toContain("<@U0PARTNERB>");

    const submitted = await h.slack.submitView("U0MANAGER", { "practice_new_tags.value": "procurement" });
    expect(submitted.json?.response_action).toBe("update");
    const card = await cardIn(h, "C0SALES", "offer a paid pilot");
    const shown = visibleText(card.blocks);
    expect(shown).toContain("Shared by <@U0MANAGER>");
    expect(shown).toContain("credit: <@U0PARTNERB>");
    const permalink = `https://vendor.slack.com/archives/C0SALES/p${source.ts.replace(".", "")}`;
    expect(shown).toContain(`<${permalink}|original message>`);
    expect(await h.hub.db.practice.findFirstOrThrow({ where: { title: { contains: "paid pilot" } } })).toMatchObject({
      authorId: "U0MANAGER",
      creditedUserId: "U0PARTNERB",
      sourcePermalink: permalink,
    });
  });

  it("shows Slack markup in a practice as text: nobody is pinged, no link is forged", async () => {
    await sharePractice(
      h,
      "U0PARTNERA",
      "C0SALES",
      practiceValues({
        "practice_title.value": "Escaping <!channel> & <@U1> > all",
        "practice_body.value": "Tell <!here> and <@U0ADMIN> about <https://evil.example|the docs> & *more* > quoted",
        "practice_region.value": "<!everyone> & co",
        "practice_new_tags.value": null,
      }),
    );
    const card = await cardIn(h, "C0SALES", "Escaping");
    const texts = mrkdwnTexts(card).join("\n");
    for (const markup of ["<!channel>", "<!here>", "<!everyone>", "<@U1>", "<@U0ADMIN>", "<https://evil.example"]) {
      expect(texts).not.toContain(markup);
    }
    expect(texts).toContain("&lt;!here&gt;");
    expect(texts).toContain("&lt;@U0ADMIN&gt;");
    expect(texts).toContain("&amp; co");
    expect(texts).not.toMatch(/(^|\n)>/);
    // The header is plain text, shown as typed and never parsed.
    expect(visibleText(card.blocks)).toContain("Escaping <!channel> & <@U1> > all");
  });

  it("answers empty, oversized or malformed fields inline, under each field", async () => {
    await openShareModal(h, "U0PARTNERA", "C0SALES");
    const empty = await h.slack.submitView("U0PARTNERA", {});
    expect(empty.json?.response_action).toBe("errors");
    expect(Object.keys(empty.json?.errors as Json).sort()).toEqual(["practice_body", "practice_title"]);

    const oversized = await h.slack.submitView(
      "U0PARTNERA",
      practiceValues({
        "practice_title.value": "T".repeat(151),
        "practice_body.value": "too short",
        "practice_link.value": "javascript:alert(1)",
        "practice_new_tags.value": "!!!",
      }),
    );
    const errors = oversized.json?.errors as Record<string, string>;
    expect(errors.practice_title).toContain("150");
    expect(errors.practice_body).toContain("at least");
    expect(errors.practice_link).toContain("not a web link");
    expect(errors.practice_new_tags).toContain("is not a tag");
    expect(h.fake.topModal("U0PARTNERA")?.view.callback_id).toBe(VIEWS.sharePractice);
    expect(await h.hub.db.practice.count({ where: { authorId: "U0PARTNERA", title: { startsWith: "TTT" } } })).toBe(0);
  });

  it("lets a Slack Connect guest share from the launcher's button, with no slash command", async () => {
    await h.command("U0ADMIN", "/hub", "launcher", "C0PARTNERA");
    const launcher = h.fake.channelMessages("C0PARTNERA").find((message) => message.text.includes("register deals"));
    if (!launcher) throw new Error("no launcher");
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.messageAction("U0EXTERNAL", { channel: "C0PARTNERA", ts: launcher.ts }, ACTIONS.sharePractice);
    await waitForModal(h, "U0EXTERNAL", opened, VIEWS.sharePractice);
    const answer = await h.slack.submitView(
      "U0EXTERNAL",
      practiceValues({ "practice_title.value": "Co-sell with the vendor's SE on the first call" }),
    );
    expect(answer.json?.response_action).toBe("update");
    const card = await cardIn(h, "C0PARTNERA", "Co-sell with the vendor");
    expect(visibleText(card.blocks)).toContain("Shared by <@U0EXTERNAL>");
    expect((await h.hub.db.workspace.findMany()).map((workspace) => workspace.teamId)).toEqual(["T0VENDOR"]);
  });
});
