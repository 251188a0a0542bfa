import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import type { EnteredValues } from "../../src/sandbox/view-state";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, startHarness, visibleText } from "../support/harness";

/** The deal path end to end: signed requests in, what the fake Slack received out. */

const T0 = new Date("2026-11-27T10:00:00Z");
let now = T0;
const DAY = 86_400_000;

const ACME = "C0PARTNERA";
const GLOBEX = "C0PARTNERB";
const APPROVALS = "C0APPROVALS";

function goodDeal(overrides: EnteredValues = {}): EnteredValues {
  return {
    "deal_customer.value": "Initech GmbH",
    "deal_domain.value": "https://www.initech.de/about",
    "deal_product.value": "200 seats of Analytics Pro",
    "deal_amount.value": "12,500.50",
    "deal_currency.value": "EUR",
    "deal_stage.value": "qualified",
    "deal_close.value": "2027-01-15",
    "deal_notes.value": "CFO is the sponsor",
    ...overrides,
  };
}

describe("deal registration", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ clock: () => now });
    // The admin's first use is in the approvals channel, which becomes the default approvals channel.
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
    await h.command("U0ADMIN", "/partner", "add Acme Resellers region:EMEA tier:gold", APPROVALS);
    await h.command("U0ADMIN", "/partner", "add Globex region:APAC", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERB> Globex", APPROVALS);
  });
  afterAll(async () => {
    await h.close();
  });

  function lastMessage(channel: string, match: (message: FakeMessage) => boolean = () => true): FakeMessage {
    const found = h.fake.messages.filter((message) => message.channel === channel && match(message)).at(-1);
    if (!found) throw new Error(`no matching message in ${channel}`);
    return found;
  }

  async function openDealModal(userId: string, channel: string) {
    const opened = h.fake.callsOf("views.open").length;
    const answer = await h.slack.command(userId, "/deal", "", channel);
    expect(answer.status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "views.open");
    const modal = h.fake.topModal(userId);
    expect(modal?.view.callback_id).toBe("deal_register");
    expectWithinSlackLimits(modal?.view ?? {});
    return modal;
  }

  async function register(userId: string, channel: string, values: EnteredValues) {
    await openDealModal(userId, channel);
    const answer = await h.slack.submitView(userId, values);
    expect(answer.status).toBe(200);
    return answer.json ?? {};
  }

  async function waitForDealMessages(dealId: number) {
    return h.fake.waitFor(
      () => h.fake.messages.find((message) => message.channel === APPROVALS && message.text.includes(`#${dealId} `)),
      5_000,
      `approval message for #${dealId}`,
    );
  }

  it("opens the modal from /deal with the partner preset and the reporting currency", async () => {
    const modal = await openDealModal("U0PARTNERA", ACME);
    const text = visibleText(modal?.view.blocks);
    expect(text).toContain("Registering for *Acme Resellers*");
    expect(JSON.stringify(modal?.view)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"USD · US Dollar"',
    );
    await h.slack.closeView("U0PARTNERA");
  });

  it("answers bad fields with an error under each field and creates nothing", async () => {
    const answer = await register("U0PARTNERA", ACME, {
      "deal_customer.value": "",
      "deal_domain.value": "not a domain",
      "deal_amount.value": "12,500.505",
      "deal_currency.value": "USD",
      "deal_close.value": "2020-01-01",
    });
    expect(answer.response_action).toBe("errors");
    const errors = answer.errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual([
      "deal_amount",
      "deal_close",
      "deal_customer",
      "deal_domain",
      "deal_product",
    ]);
    expect(errors.deal_amount).toContain("at most 2 decimals");
    expect(await h.hub.db.deal.count()).toBe(0);
    expect(h.fake.topModal("U0PARTNERA")).toBeDefined();
  });

  it("registers one deal for a double-clicked submit, posts it and asks for approval", async () => {
    // Same modal submitted twice at once: Slack sends the same view id both times.
    const [first, second] = await Promise.all([
      h.slack.submitView("U0PARTNERA", goodDeal()),
      h.slack.submitView("U0PARTNERA", goodDeal()),
    ]);
    expect([first.json?.response_action, second.json?.response_action]).toEqual(["update", "update"]);
    expect(visibleText(first.json?.view)).toContain("is registered");
    expect(await h.hub.db.deal.count()).toBe(1);
    const deal = await h.hub.db.deal.findFirstOrThrow();
    expect(deal).toMatchObject({
      customerDomain: "initech.de",
      customerNameKey: "initech",
      amountMinor: 1250050n,
      currency: "EUR",
      status: "pending",
    });

    const approval = await waitForDealMessages(deal.id);
    expectWithinSlackLimits(approval);
    const approvalText = visibleText(approval.blocks);
    expect(approvalText).toContain("Acme Resellers");
    expect(approvalText).toContain("EUR 12,500.50");
    expect(JSON.stringify(approval.blocks)).toContain('"action_id":"deal_approve"');
    const card = lastMessage(ACME, (message) => message.text.startsWith(`Deal #${deal.id}`));
    expect(visibleText(card.blocks)).toContain("Pending review");
  });

  it("refuses a partner's click on Approve and changes nothing", async () => {
    const deal = await h.hub.db.deal.findFirstOrThrow();
    const approval = lastMessage(APPROVALS, (message) => message.text.includes(`#${deal.id} `));
    const before = h.fake.responses.length;
    await h.slack.messageAction("U0PARTNERB", { channel: APPROVALS, ts: approval.ts }, "deal_approve");
    const reply = await h.fake.waitForResponse(before);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(visibleText(reply.body.blocks)).toContain("Only managers can approve deals.");
    expect((await h.hub.db.deal.findFirstOrThrow()).status).toBe("pending");
  });

  it("lets a manager approve: one decision even when two managers click at once; the partner is told", async () => {
    const deal = await h.hub.db.deal.findFirstOrThrow();
    const approval = lastMessage(APPROVALS, (message) => message.text.includes(`#${deal.id} `));
    const before = h.fake.responses.length;
    await Promise.all([
      h.slack.messageAction("U0MANAGER", { channel: APPROVALS, ts: approval.ts }, "deal_approve"),
      h.slack.messageAction("U0ADMIN", { channel: APPROVALS, ts: approval.ts }, "deal_approve"),
    ]);
    const dm = await h.fake.waitForCall(
      "chat.postMessage",
      (args) => args.channel === "U0PARTNERA" && String(args.text).includes("approved"),
    );
    expect(String(dm.args.text)).toContain("protected for you until 2027-02-25");
    const approved = await h.hub.db.deal.findFirstOrThrow();
    expect(approved.status).toBe("approved");
    expect(approved.protectedUntil?.toISOString()).toBe("2027-02-25T10:00:00.000Z");
    expect(await h.hub.db.dealEvent.count({ where: { dealId: deal.id, type: "approve" } })).toBe(1);
    // The loser of the race hears who decided.
    const refusal = await h.fake.waitForResponse(before);
    expect(visibleText(refusal.body.blocks)).toMatch(/already approved by <@U0(MANAGER|ADMIN)>/);
    // The approval message shows who decided and has no buttons left.
    await h.fake.waitFor(
      () => (visibleText(approval.blocks).includes("Approved") ? true : undefined),
      5_000,
      "approval update",
    );
    expect(visibleText(approval.blocks)).toMatch(/by <@U0(MANAGER|ADMIN)> on 2026-11-27 10:00 UTC/);
    expect(JSON.stringify(approval.blocks)).not.toContain("deal_approve");
    // And the deal's own message has the note in its thread.
    const card = lastMessage(ACME, (message) => message.text.startsWith(`Deal #${deal.id}`));
    await h.fake.waitFor(() => h.fake.messages.find((message) => message.threadTs === card.ts), 5_000, "thread note");
  });

  it("flags another partner's registration of the same customer as a conflict", async () => {
    const answer = await register(
      "U0PARTNERB",
      GLOBEX,
      goodDeal({ "deal_customer.value": "INITECH AG", "deal_domain.value": "sales@initech.de" }),
    );
    expect(visibleText(answer.view)).toContain("Another partner has already registered this customer");
    expect(visibleText(answer.view)).not.toContain("Acme");
    const conflict = await h.hub.db.deal.findFirstOrThrow({ where: { partner: { name: "Globex" } } });
    expect(conflict.status).toBe("conflict");
    const approval = await waitForDealMessages(conflict.id);
    expect(visibleText(approval.blocks)).toContain("Conflict:");
    expect(visibleText(approval.blocks)).toContain("Acme Resellers");
  });

  it("links the same partner's existing deal instead of creating a twin", async () => {
    const answer = await register(
      "U0PARTNERA",
      ACME,
      goodDeal({ "deal_customer.value": "Initech, Inc.", "deal_domain.value": "initech.de" }),
    );
    expect(answer.response_action).toBe("update");
    const text = visibleText(answer.view);
    expect(text).toContain("already registered *Initech, Inc.*".replace("Initech, Inc.", "Initech GmbH"));
    expect(text).toContain("https://vendor.slack.com/archives/C0PARTNERA/");
    expect(await h.hub.db.deal.count({ where: { partner: { name: "Acme Resellers" } } })).toBe(1);
  });

  it("rejects with a required reason, and tells the partner why", async () => {
    const conflict = await h.hub.db.deal.findFirstOrThrow({ where: { partner: { name: "Globex" } } });
    const approval = lastMessage(APPROVALS, (message) => message.text.includes(`#${conflict.id} `));
    await h.slack.messageAction("U0MANAGER", { channel: APPROVALS, ts: approval.ts }, "deal_reject");
    await h.fake.waitFor(
      () => (h.fake.topModal("U0MANAGER")?.view.callback_id === "deal_reject" ? true : undefined),
      5_000,
      "reject modal",
    );
    const empty = await h.slack.submitView("U0MANAGER", { "reason.value": "" });
    expect(empty.json).toMatchObject({
      response_action: "errors",
      errors: { reason: expect.stringContaining("Tell the partner why") },
    });
    const done = await h.slack.submitView("U0MANAGER", { "reason.value": "Registered earlier by another partner" });
    expect(done.status).toBe(200);
    expect(done.json?.response_action).toBeUndefined();
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: conflict.id } })).status).toBe("rejected");
    const dm = await h.fake.waitForCall(
      "chat.postMessage",
      (args) => args.channel === "U0PARTNERB" && String(args.text).includes("rejected"),
    );
    expect(String(dm.args.text)).toContain("Registered earlier by another partner");
  });

  it("advances the stage and marks won with a corrected amount from the deal's message", async () => {
    const deal = await h.hub.db.deal.findFirstOrThrow({ where: { partner: { name: "Acme Resellers" } } });
    const card = () => lastMessage(ACME, (message) => message.text.startsWith(`Deal #${deal.id}`));
    await h.slack.messageAction("U0PARTNERA", { channel: ACME, ts: card().ts }, "deal_advance");
    await h.fake.waitFor(
      () => (visibleText(card().blocks).includes("*Stage*\nProposal") ? true : undefined),
      5_000,
      "stage update",
    );
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).stage).toBe("proposal");

    await h.slack.messageAction("U0PARTNERA", { channel: ACME, ts: card().ts }, "deal_mark_won");
    await h.fake.waitFor(
      () => (h.fake.topModal("U0PARTNERA")?.view.callback_id === "deal_mark_won" ? true : undefined),
      5_000,
      "won modal",
    );
    const bad = await h.slack.submitView("U0PARTNERA", { "won_amount.value": "-5" });
    expect(bad.json?.response_action).toBe("errors");
    await h.slack.submitView("U0PARTNERA", { "won_amount.value": "13.000,00" });
    const won = await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    expect(won).toMatchObject({ stage: "won", amountMinor: 1300000n });
    await h.fake.waitFor(
      () => (visibleText(card().blocks).includes("*Stage*\nWon") ? true : undefined),
      5_000,
      "won card",
    );
    expect(JSON.stringify(card().blocks)).not.toContain("deal_mark_won");
  });

  it("marks lost only with a reason", async () => {
    const answer = await register(
      "U0PARTNERA",
      ACME,
      goodDeal({ "deal_customer.value": "Umbrella Corp", "deal_domain.value": "umbrella.com" }),
    );
    expect(answer.response_action).toBe("update");
    const deal = await h.hub.db.deal.findFirstOrThrow({ where: { customerNameKey: "umbrella" } });
    await h.fake.waitFor(
      () =>
        (deal.id && h.fake.messages.find((m) => m.channel === ACME && m.text.startsWith(`Deal #${deal.id}`))) ||
        undefined,
      5_000,
      "card",
    );
    const card = lastMessage(ACME, (message) => message.text.startsWith(`Deal #${deal.id}`));
    await h.slack.messageAction("U0PARTNERA", { channel: ACME, ts: card.ts }, "deal_mark_lost");
    await h.fake.waitFor(
      () => (h.fake.topModal("U0PARTNERA")?.view.callback_id === "deal_mark_lost" ? true : undefined),
      5_000,
      "lost modal",
    );
    expect((await h.slack.submitView("U0PARTNERA", { "reason.value": " " })).json?.response_action).toBe("errors");
    await h.slack.submitView("U0PARTNERA", { "reason.value": "Went with a competitor on price" });
    expect(await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({
      stage: "lost",
      lostReason: "Went with a competitor on price",
    });
  });

  it("keeps each partner's deals private: lists, single deals and history", async () => {
    const acmeDeal = await h.hub.db.deal.findFirstOrThrow({ where: { partner: { name: "Acme Resellers" } } });
    const globexList = await h.command("U0PARTNERB", "/deal", "list all", GLOBEX);
    expect(globexList.text).toContain("Globex · all deals");
    expect(globexList.text).not.toContain("Acme");
    expect(globexList.text).toContain("INITECH AG");
    // The rejected registration is not an open deal any more.
    expect((await h.command("U0PARTNERB", "/deal", "list", GLOBEX)).text).not.toContain("INITECH AG");
    const peek = await h.command("U0PARTNERB", "/deal", String(acmeDeal.id), GLOBEX);
    expect(peek.text).toBe(`:no_entry_sign: There is no deal #${acmeDeal.id} that you can see.`);
    const history = await h.command("U0PARTNERA", "/deal", `history ${acmeDeal.id}`, ACME);
    expect(history.text).toContain("registered the deal");
    expect(history.text).toContain("approved the registration");
    expect(history.text).toContain("moved it from qualified to proposal");
    expect(history.text).toContain("moved it from proposal to won (amount corrected)");
    const managerView = await h.command("U0MANAGER", "/deal", "list partner Acme Resellers won", APPROVALS);
    expect(managerView.text).toContain("Acme Resellers · won deals");
    expect(managerView.text).toContain("EUR 13,000.00");
    expect((await h.command("U0PARTNERA", "/deal", "list partner Globex", ACME)).text).toContain(
      "Only managers and admins",
    );
    expect((await h.command("U0PARTNERA", "/deal", "frobnicate", ACME)).text).toContain(
      "I don't know `/deal frobnicate`",
    );
  });

  it("pages through long lists, newest first", async () => {
    for (let i = 1; i <= 11; i++) {
      await register(
        "U0PARTNERA",
        ACME,
        goodDeal({ "deal_customer.value": `Paging Customer ${i}`, "deal_domain.value": `paging${i}.example.com` }),
      );
    }
    const first = await h.command("U0PARTNERA", "/deal", "list", ACME);
    expect(first.text).toContain("Page 1 of 2");
    expect(first.text.indexOf("Paging Customer 11")).toBeLessThan(first.text.indexOf("Paging Customer 10"));
    const listMessage = lastMessage(
      ACME,
      (message) => message.visibleTo === "U0PARTNERA" && message.text.includes("open deals"),
    );
    const before = h.fake.responses.length;
    await h.slack.messageAction("U0PARTNERA", { channel: ACME, ts: listMessage.ts }, "deal_list_page_next");
    await h.fake.waitForResponse(before);
    expect(visibleText(listMessage.blocks)).toContain("Page 2 of 2");
    expect(visibleText(listMessage.blocks)).toContain("Paging Customer 1*");
  });

  it("shows My deals on the App Home", async () => {
    await h.slack.openHome("U0PARTNERA");
    const published = await h.fake.waitForCall("views.publish", (args) => args.user_id === "U0PARTNERA");
    const view = JSON.parse(String(published.args.view));
    expectWithinSlackLimits(view);
    const text = visibleText(view.blocks);
    expect(text).toContain("My deals (");
    expect(text).toContain("Paging Customer 3");
    expect(text).toContain("closes in 49 days");
    expect(JSON.stringify(view.blocks)).toContain("deal_register_open");
  });

  it("lets a manager decide from the App Home, which then refreshes", async () => {
    const answer = await register(
      "U0PARTNERB",
      GLOBEX,
      goodDeal({ "deal_customer.value": "Soylent", "deal_domain.value": "soylent.com" }),
    );
    expect(answer.response_action).toBe("update");
    const deal = await h.hub.db.deal.findFirstOrThrow({ where: { customerNameKey: "soylent" } });
    const published = h.fake.callsOf("views.publish").length;
    await h.slack.openHome("U0MANAGER");
    await h.fake.waitFor(() => h.fake.callsOf("views.publish")[published], 5_000, "manager home");
    const home = h.fake.homeTabs.get("U0MANAGER");
    expect(visibleText(home?.blocks)).toContain("Waiting for a decision");
    expect(visibleText(home?.blocks)).toContain("Soylent");
    await h.slack.viewAction("U0MANAGER", "home", "deal_approve", undefined, {}, `deal_approval_${deal.id}`);
    await h.fake.waitFor(() => h.fake.callsOf("views.publish")[published + 1], 5_000, "home refresh");
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).status).toBe("approved");
    expect(visibleText(h.fake.homeTabs.get("U0MANAGER")?.blocks)).not.toContain("Soylent");
  });

  it("opens the modal from the App Home button and the global shortcut", async () => {
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.viewAction("U0PARTNERA", "home", "deal_register_open");
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "views.open from home");
    await h.slack.closeView("U0PARTNERA");
    await h.slack.globalShortcut("U0PARTNERB", "deal_register_shortcut");
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened + 1], 5_000, "views.open from shortcut");
    expect(h.fake.topModal("U0PARTNERB")?.view.callback_id).toBe("deal_register");
    await h.slack.closeView("U0PARTNERB");
  });

  it("validates the amount as the person types", async () => {
    await openDealModal("U0PARTNERA", ACME);
    const updates = h.fake.callsOf("views.update").length;
    await h.slack.viewAction(
      "U0PARTNERA",
      "modal",
      "value",
      "12,50",
      { "deal_currency.value": "JPY", "deal_amount.value": "12,50" },
      "deal_amount",
    );
    const call = await h.fake.waitFor(() => h.fake.callsOf("views.update")[updates], 5_000, "views.update");
    expect(visibleText(JSON.parse(String(call.args.view)).blocks)).toContain("JPY amounts have no decimals");
    await h.slack.closeView("U0PARTNERA");
  });

  it("reminds 14 days before protection ends, once, then expires it; an extension can be asked for", async () => {
    const answer = await register(
      "U0PARTNERA",
      ACME,
      goodDeal({ "deal_customer.value": "Hooli", "deal_domain.value": "hooli.xyz" }),
    );
    expect(answer.response_action).toBe("update");
    const deal = await h.hub.db.deal.findFirstOrThrow({ where: { customerNameKey: "hooli" } });
    await waitForDealMessages(deal.id);
    await h.outboxDrained();
    await h.hub.services.deals.decide(
      await h.hub.services.access.identify({ teamId: "T0VENDOR", userId: "U0MANAGER" }),
      deal.id,
      "approve",
    );
    await h.outboxDrained();

    const card = () => lastMessage(ACME, (message) => message.text.startsWith(`Deal #${deal.id} `));
    await h.fake.waitFor(
      () => (visibleText(card().blocks).includes("Approved") ? true : undefined),
      5_000,
      "approved card",
    );
    expect(JSON.stringify(card().blocks)).not.toContain("deal_extension_request");
    now = new Date(T0.getTime() + 75 * DAY);
    expect(await h.hub.services.deals.sweepProtection()).toEqual({ reminded: 0, expired: 0 });
    now = new Date(T0.getTime() + 76 * DAY);
    // Every approved, open deal approved at T0 is due, Hooli among them.
    const due = await h.hub.db.deal.count({ where: { status: "approved", stage: { notIn: ["won", "lost"] } } });
    expect(await h.hub.services.deals.sweepProtection()).toEqual({ reminded: due, expired: 0 });
    expect(await h.hub.services.deals.sweepProtection()).toEqual({ reminded: 0, expired: 0 });
    const reminder = await h.fake.waitForCall(
      "chat.postMessage",
      (args) => args.channel === "U0PARTNERA" && String(args.text).includes("ends on 2027-02-25"),
    );
    expect(String(reminder.args.blocks)).toContain("deal_extension_request");

    // The partner asks for an extension from the reminder; a manager approves it in the approvals channel.
    const dmChannel = h.fake.dmChannel("U0PARTNERA").id;
    const reminderMessage = lastMessage(dmChannel, (message) => message.text.includes("ends on 2027-02-25"));
    // Once reminded, the deal's own message offers the extension too.
    await h.fake.waitFor(
      () => (JSON.stringify(card().blocks).includes("deal_extension_request") ? true : undefined),
      5_000,
      "card",
    );
    await h.slack.messageAction("U0PARTNERA", { channel: dmChannel, ts: reminderMessage.ts }, "deal_extension_request");
    await h.fake.waitFor(
      () => (reminderMessage.text.includes("Extension requested") ? true : undefined),
      5_000,
      "spent button",
    );
    expect(JSON.stringify(reminderMessage.blocks)).not.toContain("deal_extension_request");
    const request = await h.fake.waitFor(
      () => h.fake.messages.find((message) => message.channel === APPROVALS && message.text.includes("asks to extend")),
      5_000,
      "extension request",
    );
    await h.slack.messageAction("U0MANAGER", { channel: APPROVALS, ts: request.ts }, "deal_extension_approve");
    await h.fake.waitFor(
      () => (visibleText(request.blocks).includes("was extended to") ? true : undefined),
      5_000,
      "extension decided",
    );
    const extended = await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    expect(extended.protectedUntil?.toISOString()).toBe("2027-05-26T10:00:00.000Z");

    now = new Date(extended.protectedUntil?.getTime() ?? 0);
    // Hooli's extended protection ends now; every other approved deal lapsed before it.
    const lapsed = await h.hub.db.deal.count({ where: { status: "approved", stage: { notIn: ["won", "lost"] } } });
    expect(await h.hub.services.deals.sweepProtection()).toEqual({ reminded: 0, expired: lapsed });
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).status).toBe("expired");
    await h.fake.waitForCall(
      "chat.postMessage",
      (args) => args.channel === "U0PARTNERA" && String(args.text).includes("has expired"),
    );
  });

  it("asks the partner for information, who can then still be approved", async () => {
    const answer = await register(
      "U0PARTNERB",
      GLOBEX,
      goodDeal({
        "deal_customer.value": "Vandelay Industries",
        "deal_domain.value": "vandelay.com",
        "deal_close.value": "2027-12-31",
      }),
    );
    expect(answer.response_action).toBe("update");
    const deal = await h.hub.db.deal.findFirstOrThrow({ where: { customerNameKey: "vandelay industries" } });
    const approval = await waitForDealMessages(deal.id);
    await h.slack.messageAction("U0MANAGER", { channel: APPROVALS, ts: approval.ts }, "deal_ask_info");
    await h.fake.waitFor(
      () => (h.fake.topModal("U0MANAGER")?.view.callback_id === "deal_ask_info" ? true : undefined),
      5_000,
      "info modal",
    );
    await h.slack.submitView("U0MANAGER", { "reason.value": "Who signs the PO?" });
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).status).toBe("info_requested");
    const dm = await h.fake.waitForCall(
      "chat.postMessage",
      (args) => args.channel === "U0PARTNERB" && String(args.text).includes("Who signs the PO?"),
    );
    expect(String(dm.args.text)).toContain("needs more information");
    await h.fake.waitFor(
      () => (JSON.stringify(approval.blocks).includes("deal_ask_info") ? undefined : true),
      5_000,
      "buttons updated",
    );
    expect(JSON.stringify(approval.blocks)).toContain("deal_approve");
    await h.slack.messageAction("U0MANAGER", { channel: APPROVALS, ts: approval.ts }, "deal_approve");
    await h.fake.waitFor(
      () => (JSON.stringify(approval.blocks).includes("deal_approve") ? undefined : true),
      5_000,
      "approved",
    );
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).status).toBe("approved");
  });

  it("sent only messages and views within Slack's Block Kit limits", () => {
    const surfaces = h.fake.calls.flatMap((call) => {
      if (call.method === "chat.postMessage" || call.method === "chat.update" || call.method === "chat.postEphemeral") {
        return [{ blocks: JSON.parse(String(call.args.blocks ?? "[]")), text: call.args.text }];
      }
      if (call.method.startsWith("views.")) return [JSON.parse(String(call.args.view))];
      return [];
    });
    expect(surfaces.length).toBeGreaterThan(40);
    for (const surface of surfaces) expectWithinSlackLimits(surface);
  });

  it("flags a conflict even when two partners register the same customer at the same moment", async () => {
    const pat = await h.hub.services.access.identify({ teamId: "T0VENDOR", userId: "U0PARTNERA" });
    const bea = await h.hub.services.access.identify({ teamId: "T0VENDOR", userId: "U0PARTNERB" });
    const draft = (n: number) => ({
      customerName: `Simultaneous ${n} Ltd`,
      customerDomain: `simultaneous${n}.io`,
      product: "Platform",
      amount: "5000",
      currency: "USD",
    });
    // Several pairs at once, so the two transactions of a pair really overlap.
    const customers = [1, 2, 3, 4, 5];
    await Promise.all(
      customers.flatMap((n) => [
        h.hub.services.deals.register(pat, draft(n), `race:${n}:a`, ACME),
        h.hub.services.deals.register(bea, draft(n), `race:${n}:b`, GLOBEX),
      ]),
    );
    for (const n of customers) {
      const deals = await h.hub.db.deal.findMany({ where: { customerDomain: `simultaneous${n}.io` } });
      expect(deals.map((deal) => deal.status).sort()).toEqual(["conflict", "pending"]);
    }
  });

  it("never lets a customer name ping a channel or break formatting", async () => {
    const answer = await register(
      "U0PARTNERA",
      ACME,
      goodDeal({
        "deal_customer.value": "Evil <!channel> & <@U0ADMIN> Corp",
        "deal_domain.value": "evil.example",
        "deal_close.value": "2028-06-30",
      }),
    );
    expect(answer.response_action).toBe("update");
    const deal = await h.hub.db.deal.findFirstOrThrow({ where: { customerDomain: "evil.example" } });
    const approval = await waitForDealMessages(deal.id);
    const sent = JSON.stringify(
      h.fake.calls.filter((call) => call.method === "chat.postMessage" && JSON.stringify(call.args).includes("Evil")),
    );
    expect(sent).toContain("Evil &lt;!channel&gt; &amp; &lt;@U0ADMIN&gt; Corp");
    expect(sent).not.toContain("<!channel>");
    expect(sent).not.toContain("<@U0ADMIN>");
    expect(visibleText(approval.blocks)).toContain("Evil &lt;!channel&gt;");
  });

  it("redraws a new deal's messages when a manager decided before they were posted", async () => {
    const pat = await h.hub.services.access.identify({ teamId: "T0VENDOR", userId: "U0PARTNERA" });
    const max = await h.hub.services.access.identify({ teamId: "T0VENDOR", userId: "U0MANAGER" });
    const registered = await h.hub.services.deals.register(
      pat,
      {
        customerName: "Quick Decision Co",
        customerDomain: "quick.example",
        product: "Seats",
        amount: "100",
        currency: "USD",
      },
      "race:announce",
      ACME,
    );
    if (registered.kind !== "created") throw new Error(`expected a new deal, got ${registered.kind}`);
    // Slack is slow to take the deal's first message; the manager approves in the meantime.
    h.fake.failNext("chat.postMessage", { kind: "slow", ms: 400 });
    await h.hub.services.deals.decide(max, registered.deal.id, "approve");
    await h.outboxDrained();
    const card = lastMessage(ACME, (message) => message.text.startsWith(`Deal #${registered.deal.id} `));
    expect(visibleText(card.blocks)).toContain("Approved");
    const approval = lastMessage(APPROVALS, (message) => message.text.includes(`#${registered.deal.id} `));
    expect(JSON.stringify(approval.blocks)).not.toContain("deal_approve");
  });
});
