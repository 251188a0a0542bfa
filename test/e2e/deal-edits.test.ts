import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, visibleText } from "../support/harness";
import {
  ACME,
  actorOf,
  approvalOf,
  cardOf,
  GLOBEX,
  modalOpened,
  registerDeal,
  setUpProgram,
  threadOf,
  waitForText,
} from "./deal-followup-fixtures";

/** Correcting a deal: amount, currency, close date, product, notes and stage, back and forth. */

const T0 = new Date("2026-11-27T10:00:00Z");

describe("deal edits", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ clock: () => T0 });
    await setUpProgram(h);
  });
  afterAll(async () => {
    await h.close();
  });

  async function openEdit(userId: string, dealId: number) {
    const card = cardOf(h, dealId);
    await h.slack.messageAction(userId, { channel: card.channel, ts: card.ts }, "deal_edit_open");
    return modalOpened(h, userId, "deal_edit");
  }

  const dealRow = (id: number) => h.hub.db.deal.findUniqueOrThrow({ where: { id } });

  it("edits amount and stage from the card while pending: history rows, card and approval redrawn", async () => {
    const deal = await registerDeal(h, "U0PARTNERA", ACME, {
      customerName: "Initech",
      customerDomain: "initech.de",
      stage: "proposal",
      expectedClose: "2026-12-01",
    });
    const modal = await openEdit("U0PARTNERA", deal.id);
    const json = JSON.stringify(modal.view.blocks);
    expect(json).toContain('"initial_value":"7,000.00"');
    expect(json).toContain('"initial_date":"2026-12-01"');
    expect(json).not.toContain('"value":"lost"');

    const bad = await h.slack.submitView("U0PARTNERA", { "deal_amount.value": "-5" });
    expect(bad.json).toMatchObject({ response_action: "errors", errors: { deal_amount: expect.any(String) } });
    const same = await h.slack.submitView("U0PARTNERA", {});
    expect(same.json).toMatchObject({
      response_action: "errors",
      errors: { deal_amount: expect.stringContaining("Nothing changed") },
    });

    const saved = await h.slack.submitView("U0PARTNERA", {
      "deal_amount.value": "8,250.00",
      "deal_stage.value": "negotiation",
      "deal_close.value": "2027-01-15",
    });
    expect(saved.json?.response_action).toBeUndefined();
    expect(await dealRow(deal.id)).toMatchObject({ amountMinor: 825_000n, stage: "negotiation", status: "pending" });
    const events = await h.hub.db.dealEvent.findMany({ where: { dealId: deal.id, type: "edited" } });
    expect(events).toHaveLength(1);

    await h.outboxDrained();
    // The approval card shows the new amount and stage: the manager decides on what is true now.
    await waitForText(() => visibleText(approvalOf(h, deal.id).blocks), "EUR 8,250.00", "approval redrawn");
    expect(visibleText(approvalOf(h, deal.id).blocks)).toContain("*Stage*\nNegotiation");
    await waitForText(() => visibleText(cardOf(h, deal.id).blocks), "EUR 8,250.00", "card redrawn");
    const note = await h.fake.waitFor(
      () => threadOf(h, cardOf(h, deal.id)).find((reply) => visibleText(reply.blocks).includes("edited")),
      5_000,
      "edit note in the card's thread",
    );
    expect(visibleText(note.blocks)).toContain("amount 7,000.00 → 8,250.00 EUR");
    expect(visibleText(note.blocks)).toContain("stage Proposal → Negotiation");
    expect(visibleText(note.blocks)).toContain("expected close 2026-12-01 → 2027-01-15");

    const history = await h.command("U0PARTNERA", "/deal", `history ${deal.id}`, ACME);
    expect(history.text).toContain("amount 7,000.00 → 8,250.00 EUR");
    expect(history.text).toContain("stage Proposal → Negotiation");
  });

  it("moves a stage to won and back to an open stage; a won deal never says protected until", async () => {
    const deal = await registerDeal(h, "U0PARTNERA", ACME, { customerName: "Hooli", customerDomain: "hooli.xyz" });
    await h.hub.services.deals.decide(await actorOf(h, "U0MANAGER"), deal.id, "approve");
    await h.outboxDrained();
    await waitForText(() => visibleText(cardOf(h, deal.id).blocks), "protected until", "approved card");

    await openEdit("U0PARTNERA", deal.id);
    await h.slack.submitView("U0PARTNERA", { "deal_stage.value": "won" });
    const won = await dealRow(deal.id);
    expect(won.stage).toBe("won");
    expect(won.closedAt).not.toBeNull();
    await h.outboxDrained();
    await waitForText(() => visibleText(cardOf(h, deal.id).blocks), "*Stage*\nWon", "won card");
    expect(visibleText(cardOf(h, deal.id).blocks)).not.toContain("protected until");
    expect(cardOf(h, deal.id).text).not.toContain("protected until");

    // Moved back: open again, no close date, and the stage buttons are back.
    const modal = await openEdit("U0PARTNERA", deal.id);
    expect(JSON.stringify(modal.view.blocks)).toContain('"value":"won"');
    await h.slack.submitView("U0PARTNERA", { "deal_stage.value": "proposal" });
    expect(await dealRow(deal.id)).toMatchObject({ stage: "proposal", closedAt: null });
    await h.outboxDrained();
    await waitForText(() => JSON.stringify(cardOf(h, deal.id).blocks), "deal_mark_won", "open card again");
    expect(await h.hub.db.dealEvent.count({ where: { dealId: deal.id, type: "edited" } })).toBe(2);
  });

  it("a lost deal shows an emoji and can be reopened by a manager; Lost is offered only when already lost", async () => {
    const deal = await registerDeal(h, "U0PARTNERB", GLOBEX, {
      customerName: "Soylent",
      customerDomain: "soylent.com",
    });
    await h.hub.services.deals.changeStage(await actorOf(h, "U0PARTNERB"), deal.id, "lost", { lostReason: "Price" });
    await h.outboxDrained();
    await waitForText(() => visibleText(cardOf(h, deal.id).blocks), ":x: Lost: Price", "lost card");
    expect(JSON.stringify(cardOf(h, deal.id).blocks)).not.toContain("heavy_multiplication_x");
    const modal = await openEdit("U0MANAGER", deal.id);
    expect(JSON.stringify(modal.view.blocks)).toContain('"value":"lost"');
    await h.slack.submitView("U0MANAGER", { "deal_stage.value": "negotiation" });
    expect(await dealRow(deal.id)).toMatchObject({ stage: "negotiation", lostReason: null });
  });

  it("refuses another partner's people", async () => {
    const deal = await registerDeal(h, "U0PARTNERA", ACME, {
      customerName: "Vandelay",
      customerDomain: "vandelay.com",
    });
    const card = cardOf(h, deal.id);
    const before = h.fake.responses.length;
    await h.slack.messageAction("U0PARTNERB", { channel: card.channel, ts: card.ts }, "deal_edit_open");
    expect(visibleText((await h.fake.waitForResponse(before)).body.blocks)).toContain(`no deal #${deal.id}`);
    expect(h.fake.topModal("U0PARTNERB")).toBeUndefined();
  });
});
