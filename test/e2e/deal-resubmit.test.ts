import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, visibleText } from "../support/harness";
import {
  ACME,
  APPROVALS,
  actorOf,
  approvalOf,
  dmSaying,
  GLOBEX,
  modalOpened,
  openHome,
  registerDeal,
  setUpProgram,
  threadOf,
  waitForText,
} from "./deal-followup-fixtures";

/** A rejected registration corrected and sent again; the Home lists rejections and flags ending protection. */

const T0 = new Date("2026-11-27T10:00:00Z");
const DAY = 86_400_000;
let now = T0;

describe("resubmitting a rejected registration, and the Home", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ clock: () => now });
    await setUpProgram(h);
  });
  afterAll(async () => {
    await h.close();
  });

  const reject = async (dealId: number, reason: string) => {
    await h.hub.services.deals.decide(await actorOf(h, "U0MANAGER"), dealId, "reject", reason);
    await h.outboxDrained();
  };

  it("corrects a rejected registration from the rejection DM: back to pending, the manager sees what changed", async () => {
    const deal = await registerDeal(h, "U0PARTNERB", GLOBEX, { customerName: "Initech", customerDomain: "initech.de" });
    await reject(deal.id, "The amount looks like the yearly total: register the first order");
    const dm = await dmSaying(h, "U0PARTNERB", "register the first order");
    await h.slack.messageAction("U0PARTNERB", { channel: dm.channel, ts: dm.ts }, "deal_resubmit_open");
    const modal = await modalOpened(h, "U0PARTNERB", "deal_resubmit");
    expect(visibleText(modal.view.blocks)).toContain("register the first order");
    expect(JSON.stringify(modal.view.blocks)).toContain('"initial_value":"Initech"');
    // Checked as the person types, and redrawn as the same correction, never as a new registration.
    const updates = h.fake.callsOf("views.update").length;
    await h.slack.viewAction(
      "U0PARTNERB",
      "modal",
      "value",
      "2,500.5",
      { "deal_amount.value": "2,500.5" },
      "deal_amount",
    );
    const call = await h.fake.waitFor(() => h.fake.callsOf("views.update")[updates], 5_000, "views.update");
    const redrawn = JSON.parse(String(call.args.view)) as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string; hint?: { text: string } }[];
    };
    expect(redrawn.callback_id).toBe("deal_resubmit");
    expect(JSON.parse(redrawn.private_metadata)).toMatchObject({ dealId: deal.id });
    expect(visibleText(redrawn.blocks)).toContain("register the first order");
    expect(redrawn.blocks.find((block) => block.block_id === "deal_amount")?.hint?.text).toMatch(
      /^= [A-Z]{3} 2,500\.50$/,
    );

    const bad = await h.slack.submitView("U0PARTNERB", { "deal_amount.value": "abc" });
    expect(bad.json).toMatchObject({ response_action: "errors", errors: { deal_amount: expect.any(String) } });
    const done = await h.slack.submitView("U0PARTNERB", { "deal_amount.value": "2,500.00" });
    expect(done.json?.response_action).toBeUndefined();
    expect(await h.hub.db.deal.count()).toBe(1);
    expect(await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({
      status: "pending",
      amountMinor: 250_000n,
      decisionNote: null,
    });
    await h.outboxDrained();
    await waitForText(() => visibleText(approvalOf(h, deal.id).blocks), "EUR 2,500.00", "approval redrawn");
    expect(JSON.stringify(approvalOf(h, deal.id).blocks)).toContain('"deal_approve"');
    const note = await h.fake.waitFor(
      () => threadOf(h, approvalOf(h, deal.id)).find((reply) => visibleText(reply.blocks).includes("resubmitted")),
      5_000,
      "resubmission in the approval thread",
    );
    expect(visibleText(note.blocks)).toContain("amount 7,000.00 → 2,500.00 EUR");

    // Only a rejected registration can be resubmitted: the old button now says so.
    const before = h.fake.responses.length;
    await h.slack.messageAction("U0PARTNERB", { channel: dm.channel, ts: dm.ts }, "deal_resubmit_open");
    expect(visibleText((await h.fake.waitForResponse(before)).body.blocks)).toContain(
      "Only a rejected registration can be resubmitted",
    );
  });

  it("lists rejected registrations on the Home, with Correct and resubmit, for 30 days", async () => {
    const deal = await registerDeal(h, "U0PARTNERA", ACME, { customerName: "Hooli", customerDomain: "hooli.xyz" });
    await reject(deal.id, "Hooli is a named account");
    const home = await openHome(h, "U0PARTNERA");
    const text = visibleText(home.blocks);
    expect(text).toContain("Rejected in the last 30 days");
    expect(text).toContain("Hooli is a named account");
    // Another company's rejections are not listed.
    expect(visibleText((await openHome(h, "U0PARTNERB")).blocks)).not.toContain("Hooli");

    await h.slack.viewAction("U0PARTNERA", "home", "deal_resubmit_open", undefined, {}, `home_rejected_${deal.id}`);
    await modalOpened(h, "U0PARTNERA", "deal_resubmit");
    const published = h.fake.callsOf("views.publish").length;
    await h.slack.submitView("U0PARTNERA", { "deal_notes.value": "Hooli's EMEA arm buys separately" });
    await h.fake.waitFor(() => h.fake.callsOf("views.publish")[published], 5_000, "Home refreshed");
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).status).toBe("pending");
    expect(visibleText(h.fake.homeTabs.get("U0PARTNERA")?.blocks)).not.toContain("Rejected in the last 30 days");

    const old = await registerDeal(h, "U0PARTNERA", ACME, { customerName: "Soylent", customerDomain: "soylent.com" });
    await reject(old.id, "Too small");
    expect(visibleText((await openHome(h, "U0PARTNERA")).blocks)).toContain("Soylent");
    now = new Date(T0.getTime() + 31 * DAY);
    expect(visibleText((await openHome(h, "U0PARTNERA")).blocks)).not.toContain("Soylent");
    now = T0;
  });

  it("flags deals whose protection ends within 14 days on the Home", async () => {
    const deal = await registerDeal(h, "U0PARTNERA", ACME, {
      customerName: "Vandelay",
      customerDomain: "vandelay.com",
    });
    await h.hub.services.deals.decide(await actorOf(h, "U0MANAGER"), deal.id, "approve");
    const until = (await h.hub.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).protectedUntil;
    expect(until?.toISOString()).toBe("2027-02-25T10:00:00.000Z");
    const row = async () => {
      const home = await openHome(h, "U0PARTNERA");
      const block = (home.blocks as { block_id?: string }[]).find((entry) => entry.block_id === `home_deal_${deal.id}`);
      return visibleText(block);
    };
    expect(await row()).not.toContain("protection ends");
    now = new Date(T0.getTime() + 80 * DAY);
    expect(await row()).toContain(":hourglass: protection ends 2027-02-25");
    now = T0;
  });

  it("reminds the approvals channel of registrations waiting more than 2 working days, once a day", async () => {
    // Friday 2026-11-27: by Wednesday the registration has waited 3 working days (Mon, Tue, Wed).
    const deal = await registerDeal(h, "U0PARTNERB", GLOBEX, {
      customerName: "Wayne Ent",
      customerDomain: "wayne.example",
    });
    // Rows get createdAt from the database's clock, not the test's: put every registration at the test's T0.
    await h.hub.db.deal.updateMany({ data: { createdAt: T0 } });
    now = new Date("2026-12-01T10:00:00Z");
    await h.hub.services.deals.remindApprovals();
    await h.outboxDrained();
    const reminders = () =>
      h.fake.messages.filter((message) => message.channel === APPROVALS && message.text.includes("for a decision"));
    expect(reminders()).toHaveLength(0);
    now = new Date("2026-12-02T10:00:00Z");
    await h.hub.services.deals.remindApprovals();
    await h.hub.services.deals.remindApprovals();
    await h.outboxDrained();
    expect(reminders()).toHaveLength(1);
    const reminder = reminders()[0];
    expect(visibleText(reminder?.blocks)).toContain(`#${deal.id} · Wayne Ent* · Globex · waiting 3 working days`);
    expect(reminder?.text).not.toContain("<http");
    now = T0;
  });
});
