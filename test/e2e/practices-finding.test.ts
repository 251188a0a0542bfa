import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PracticeRecord } from "../../src/services/practices/practice-store";
import { ACTIONS, BLOCKS, VIEWS } from "../../src/slack/ids";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, startHarness, visibleText } from "../support/harness";
import {
  cardIn,
  cardShows,
  clickCard,
  lastEphemeral,
  practiceValues,
  sharePractice,
  waitForModal,
} from "./practices-fixtures";

/** Finding practices again, and who may change them: search, lists, Share to channel, edit, delete, Home. */

const TEAM = "T0VENDOR";

describe("finding and changing best practices", () => {
  let h: Harness;
  const shared: Record<string, PracticeRecord> = {};

  async function share(userId: string, key: string, title: string, body: string, tags: string): Promise<void> {
    const actor = await h.hub.services.access.identify({ teamId: TEAM, userId });
    const result = await h.hub.services.practices.share(
      actor,
      { title, body, newTags: tags },
      `test:${key}`,
      "C0SALES",
    );
    if (result.kind === "invalid") throw new Error(`invalid practice ${key}`);
    shared[key] = result.practice;
  }

  async function vote(userId: string, key: string): Promise<void> {
    const actor = await h.hub.services.access.identify({ teamId: TEAM, userId });
    await h.hub.services.practices.vote(actor, shared[key]?.id ?? 0);
  }

  beforeAll(async () => {
    h = await startHarness();
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", "C0SALES");
    await share(
      "U0PARTNERA",
      "pricing",
      "Pricing objections: lead with value",
      "Show customers the cost of doing nothing before talking price.",
      "pricing",
    );
    await share(
      "U0PARTNERB",
      "renewal",
      "Renewals start at day one",
      "Book the renewal review when the first order ships; the price discussion is easier then.",
      "renewals",
    );
    await share("U0PARTNERA", "events", "Host a roundtable", "Invite five local CIOs to a breakfast panel.", "events");
    await vote("U0MANAGER", "renewal");
    await vote("U0PARTNERA", "renewal");
    await vote("U0MANAGER", "events");
    await h.outboxDrained();
  });
  afterAll(async () => {
    await h.close();
  });

  it("searches by relevance across word forms and accents, and answers only the person who asked", async () => {
    const found = await h.command("U0PARTNERB", "/practice", "search PRÍCING customer", "C0PARTNERB");
    expect(found.body.response_type).toBe("ephemeral");
    const order = ["Pricing objections", "Renewals start"].map((title) => found.text.indexOf(title));
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(order[1]).toBeGreaterThan(order[0] ?? 0);
    expect(found.text).not.toContain("Host a roundtable");

    const none = await h.command("U0PARTNERB", "/practice", "search <!channel> zebra", "C0PARTNERB");
    expect(none.text).toContain("Nothing matches");
    expect(JSON.stringify(none.body)).not.toContain("<!channel>");
  });

  it("posts a result's card in the channel with Share to channel, once however often it is clicked", async () => {
    await h.command("U0PARTNERB", "/practice", "search renewal", "C0PARTNERB");
    const results = lastEphemeral(h, "U0PARTNERB", "C0PARTNERB");
    const id = shared.renewal?.id ?? 0;
    const target = { channel: "C0PARTNERB", ts: results.ts };
    for (let i = 0; i < 2; i++) {
      const told = h.fake.responses.length;
      await h.slack.messageAction(
        "U0PARTNERB",
        target,
        ACTIONS.practiceShareToChannel,
        undefined,
        BLOCKS.practiceResult(id),
      );
      expect(visibleText((await h.fake.waitForResponse(told)).body)).toContain("Posted it in this channel");
    }
    const card = await cardIn(h, "C0PARTNERB", "Renewals start at day one");
    expect(visibleText(card.blocks)).toContain("Helpful (2)");
    expect(h.fake.channelMessages("C0PARTNERB").filter((m) => m.text.includes("Renewals start"))).toHaveLength(1);

    // A vote on the copy counts once and redraws the copy and the original card alike.
    const original = await cardIn(h, "C0SALES", "Renewals start at day one");
    await clickCard(h, "U0ADMIN", card, ACTIONS.practiceHelpful);
    await cardShows(h, card, "Helpful (3)");
    await cardShows(h, original, "Helpful (3)");
  });

  it("lists the most helpful, a tag's and your own practices", async () => {
    const top = await h.command("U0PARTNERA", "/practice", "top all");
    expect(top.text.indexOf("Renewals start")).toBeLessThan(top.text.indexOf("Host a roundtable"));
    expect((await h.command("U0PARTNERA", "/practice", "top")).text).toContain("Most helpful this month");
    expect((await h.command("U0PARTNERA", "/practice", "top decade")).text).toContain("/practice top [week");
    const tagged = await h.command("U0PARTNERA", "/practice", "tag #Pricing");
    expect(tagged.text).toContain("Pricing objections");
    expect(tagged.text).not.toContain("Renewals");
    const mine = await h.command("U0PARTNERB", "/practice", "mine");
    expect(mine.text).toContain("Renewals start");
    expect(mine.text).not.toContain("Pricing objections");
    expect((await h.command("U0PARTNERB", "/practice", `${shared.events?.id}`)).text).toContain("Host a roundtable");
    expect((await h.command("U0PARTNERB", "/practice", "help")).text).toContain("/practice search");
    expect((await h.command("U0PARTNERB", "/hub", "help")).text).toContain("/practice");
  });

  it("lets the author and a manager edit, and refuses another partner", async () => {
    await sharePractice(
      h,
      "U0PARTNERA",
      "C0SALES",
      practiceValues({ "practice_title.value": "Demo in the customer's data" }),
    );
    const card = await cardIn(h, "C0SALES", "Demo in the customer's data");

    const told = h.fake.responses.length;
    const opened = h.fake.callsOf("views.open").length;
    await clickCard(h, "U0PARTNERB", card, ACTIONS.practiceEdit);
    expect(visibleText((await h.fake.waitForResponse(told)).body)).toContain(
      "Only the person who shared this practice",
    );
    expect(h.fake.callsOf("views.open")).toHaveLength(opened);

    for (const [userId, title] of [
      ["U0PARTNERA", "Demo in the customer's own data"],
      ["U0MANAGER", "Demo in the customer's own data, live"],
    ] as const) {
      const before = h.fake.callsOf("views.open").length;
      await clickCard(h, userId, card, ACTIONS.practiceEdit);
      const modal = await waitForModal(h, userId, before, VIEWS.editPractice);
      expect(JSON.stringify(modal?.view)).toContain("Demo in the customer");
      const saved = await h.slack.submitView(userId, { "practice_title.value": title });
      expect(saved.json?.response_action).toBe("update");
      await cardShows(h, card, title);
    }
    expect(visibleText(card.blocks)).toContain("#pricing #objections");
  });

  it("deletes after Slack's confirmation, for the author or a manager only", async () => {
    const card = await cardIn(h, "C0SALES", "Host a roundtable");
    const blocks = card.blocks as { elements?: { action_id?: string; confirm?: Record<string, unknown> }[] }[];
    const remove = blocks.flatMap((block) => block.elements ?? []).find((e) => e.action_id === ACTIONS.practiceDelete);
    expect(remove?.confirm).toMatchObject({ style: "danger", confirm: { text: "Delete" } });

    const told = h.fake.responses.length;
    await clickCard(h, "U0PARTNERB", card, ACTIONS.practiceDelete);
    expect(visibleText((await h.fake.waitForResponse(told)).body)).toContain(
      "Only the person who shared this practice",
    );

    await clickCard(h, "U0MANAGER", card, ACTIONS.practiceDelete);
    await cardShows(h, card, "This practice was deleted");
    expect(JSON.stringify(card.blocks)).not.toContain(ACTIONS.practiceHelpful);
    expect((await h.command("U0MANAGER", "/practice", "search roundtable")).text).toContain("Nothing matches");
    expect((await h.command("U0MANAGER", "/practice", `${shared.events?.id}`)).text).toContain("may have been deleted");
  });

  it("shows the newest and most helpful on the App Home, with a Share button", async () => {
    await h.slack.openHome("U0PARTNERB");
    const home = await h.fake.waitFor(() => h.fake.homeTabs.get("U0PARTNERB"), 5_000, "the App Home");
    expectWithinSlackLimits(home);
    const shown = visibleText(home);
    expect(shown).toContain("Best practices");
    expect(shown.indexOf("Most helpful")).toBeLessThan(shown.lastIndexOf("Renewals start"));

    const opened = h.fake.callsOf("views.open").length;
    await h.slack.viewAction("U0PARTNERB", "home", ACTIONS.sharePractice);
    await waitForModal(h, "U0PARTNERB", opened, VIEWS.sharePractice);
    const published = h.fake.callsOf("views.publish").length;
    await h.slack.submitView("U0PARTNERB", practiceValues({ "practice_title.value": "Shared from the Home tab" }));
    // No channel: the card goes to the author's DM, and the Home shows it among the newest.
    const card = await cardIn(h, h.fake.dmChannel("U0PARTNERB").id, "Shared from the Home tab");
    expect(visibleText(card.blocks)).toContain("Helpful (0)");
    await h.fake.waitFor(() => h.fake.callsOf("views.publish")[published], 5_000, "the Home refreshed");
    expect(visibleText(h.fake.homeTabs.get("U0PARTNERB"))).toContain("Shared from the Home tab");
  });

  it("keeps what was typed after any subcommand literal, and the longest practice within Slack's limits", async () => {
    const typed = "<!channel> <@U1> &amp; &lt;b&gt; *x*";
    for (const text of [`search ${typed}`, `tag ${typed}`, `top ${typed}`, typed, `mine ${typed}`]) {
      const reply = await h.command("U0PARTNERA", "/practice", text);
      expect(JSON.stringify(reply.body)).not.toMatch(/<!channel>|<@U1>/);
    }
    await share("U0PARTNERA", "longest", "&<".repeat(75), "<&>*_".repeat(600), "limits");
    const card = await cardIn(h, "C0SALES", "&<&<&<");
    expect(visibleText(card.blocks)).toContain("#limits");
    const listed = await h.command("U0PARTNERA", "/practice", "tag limits");
    expect(listed.text).toContain("#limits");
  });
});
