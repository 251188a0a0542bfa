import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EnteredValues } from "../../src/sandbox/view-state";
import { type Harness, startHarness, visibleText } from "../support/harness";

/**
 * The Register a deal modal's feedback: hints rechecked as the person types or switches currency,
 * ambiguous amounts asked about, free-mail and international domains explained, one error per field,
 * a duplicate linked by permalink, and no DM promised to someone who can't get one.
 */

const ACME = "C0PARTNERA";
const APPROVALS = "C0APPROVALS";

function deal(overrides: EnteredValues = {}): EnteredValues {
  return {
    "deal_customer.value": "Initech GmbH",
    "deal_domain.value": "initech.de",
    "deal_product.value": "200 seats of Analytics Pro",
    "deal_amount.value": "12,500.50",
    "deal_currency.value": "EUR",
    "deal_stage.value": "qualified",
    ...overrides,
  };
}

describe("the deal modal's hints and answers", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
    await h.command("U0ADMIN", "/partner", "add Acme Resellers", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0EXTERNAL> Acme Resellers", APPROVALS);
  });
  afterAll(async () => {
    await h.close();
  });

  async function openModal(userId = "U0PARTNERA", channel = ACME) {
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.command(userId, "/deal", "", channel);
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "views.open");
  }

  /** Types (or selects) in one field and returns the hint under `hintBlock` after the app's live check. */
  async function liveHint(blockId: string, entered: string, state: EnteredValues, hintBlock: string) {
    const updates = h.fake.callsOf("views.update").length;
    await h.slack.viewAction("U0PARTNERA", "modal", "value", entered, state, blockId);
    const call = await h.fake.waitFor(() => h.fake.callsOf("views.update")[updates], 5_000, "views.update");
    const view = JSON.parse(String(call.args.view)) as { blocks: { block_id?: string; hint?: { text: string } }[] };
    return view.blocks.find((block) => block.block_id === hintBlock)?.hint?.text ?? "";
  }

  it("rechecks the amount when the currency changes", async () => {
    await openModal();
    const jpy = await liveHint(
      "deal_amount",
      "1,000.5",
      { "deal_currency.value": "JPY", "deal_amount.value": "1,000.5" },
      "deal_amount",
    );
    expect(jpy).toContain("JPY amounts have no decimals");
    const kwd = await liveHint(
      "deal_currency",
      "KWD",
      { "deal_currency.value": "KWD", "deal_amount.value": "1,000.5" },
      "deal_amount",
    );
    expect(kwd).not.toContain("JPY");
    expect(kwd).toContain("1,000.500");
    await h.slack.closeView("U0PARTNERA");
  });

  it("asks what 7.000 means in EUR, under the field and on submit", async () => {
    await openModal();
    const hint = await liveHint(
      "deal_amount",
      "7.000",
      { "deal_currency.value": "EUR", "deal_amount.value": "7.000" },
      "deal_amount",
    );
    expect(hint).toContain("Did you mean EUR 7,000.00 or EUR 7.00?");
    const answer = await h.slack.submitView("U0PARTNERA", deal({ "deal_amount.value": "7.000" }));
    expect(answer.json?.response_action).toBe("errors");
    expect((answer.json?.errors as Record<string, string> | undefined)?.deal_amount).toContain("7,000.00 or EUR 7.00");
    expect(await h.hub.db.deal.count()).toBe(0);
    await h.slack.closeView("U0PARTNERA");
  });

  it("says a free-mail domain matches by name only, and shows an international domain's ASCII form", async () => {
    await openModal();
    const modal = h.fake.topModal("U0PARTNERA");
    expect(visibleText(modal?.view.blocks)).toContain("matched by name only");
    expect(
      await liveHint("deal_domain", "jane@gmail.com", { "deal_domain.value": "jane@gmail.com" }, "deal_domain"),
    ).toBe("gmail.com is a free-mail domain: this customer will be matched by name only.");
    expect(await liveHint("deal_domain", "münchen.de", { "deal_domain.value": "münchen.de" }, "deal_domain")).toBe(
      "Will be matched as münchen.de (stored as xn--mnchen-3ya.de)",
    );
    const answer = await h.slack.submitView("U0PARTNERA", deal({ "deal_domain.value": "https://www.München.de/" }));
    expect(answer.json?.response_action).toBe("update");
    expect(await h.hub.db.deal.findFirstOrThrow()).toMatchObject({ customerDomain: "xn--mnchen-3ya.de" });
  });

  it("never asks for a domain's xn-- form", async () => {
    await openModal();
    const bad = await liveHint("deal_domain", "bä d", { "deal_domain.value": "bä d" }, "deal_domain");
    expect(bad).toContain("⚠️");
    expect(bad).not.toContain("xn--");
    await h.slack.closeView("U0PARTNERA");
  });

  it("answers a bad submit with one error per field", async () => {
    await openModal();
    await liveHint(
      "deal_amount",
      "12,50",
      { "deal_currency.value": "JPY", "deal_amount.value": "12,50" },
      "deal_amount",
    );
    const answer = await h.slack.submitView(
      "U0PARTNERA",
      deal({ "deal_customer.value": "", "deal_amount.value": "12,50", "deal_currency.value": "JPY" }),
    );
    expect(answer.json?.response_action).toBe("errors");
    const errors = (answer.json?.errors ?? {}) as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual(["deal_amount", "deal_customer"]);
    for (const error of Object.values(errors)) {
      // One sentence, not the live hint's warning repeated beside it.
      expect(error).not.toContain("⚠️");
      expect(error.split(/(?<=[.?!])\s+(?=[A-Z])/).length).toBeLessThanOrEqual(2);
    }
    await h.slack.closeView("U0PARTNERA");
  });

  it("links the existing deal's card with Slack's permalink when it is registered again", async () => {
    await h.outboxDrained();
    const existing = await h.hub.db.deal.findFirstOrThrow();
    await openModal();
    const answer = await h.slack.submitView("U0PARTNERA", deal({ "deal_domain.value": "xn--mnchen-3ya.de" }));
    expect(answer.json?.response_action).toBe("update");
    const text = JSON.stringify(answer.json?.view);
    expect(text).toContain("Already registered");
    const permalinks = h.fake.callsOf("chat.getPermalink");
    expect(permalinks.length).toBeGreaterThan(0);
    const card = h.fake.messages.find((message) => message.text.startsWith(`Deal #${existing.id} ·`));
    expect(card).toBeDefined();
    expect(text).toContain(`https://vendor.slack.com/archives/${card?.channel}/p${card?.ts.replace(".", "")}|Open it`);
    expect(await h.hub.db.deal.count()).toBe(1);
  });

  it("tells a Slack Connect guest where the decision will appear instead of promising a DM", async () => {
    await h.command("U0MANAGER", "/hub", "launcher", ACME);
    const launcher = h.fake.channelMessages(ACME).find((message) => message.text.includes("register deals here"));
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.messageAction("U0EXTERNAL", { channel: ACME, ts: launcher?.ts ?? "" }, "deal_register_open");
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "modal for the guest");
    const guest = await h.slack.submitView(
      "U0EXTERNAL",
      deal({ "deal_customer.value": "Umbrella Corp", "deal_domain.value": "umbrella.example" }),
    );
    const said = visibleText(guest.json?.view);
    expect(said).toContain("is registered");
    expect(said).toContain("in the thread of the deal's card in <#C0PARTNERA>");
    expect(said).not.toContain("DM");

    await openModal();
    const member = await h.slack.submitView(
      "U0PARTNERA",
      deal({ "deal_customer.value": "Hooli", "deal_domain.value": "hooli.example" }),
    );
    expect(visibleText(member.json?.view)).toContain("you'll get a DM with the decision");
  });
});
