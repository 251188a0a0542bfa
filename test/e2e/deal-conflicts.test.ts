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
  waitForText,
} from "./deal-followup-fixtures";

/** Two partners, one customer: the manager decides which registration keeps it, and says why. */

const T0 = new Date("2026-11-27T10:00:00Z");
let now = T0;

describe("deal conflicts", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ clock: () => now });
    await setUpProgram(h);
  });
  afterAll(async () => {
    await h.close();
  });

  const protectedDeals = (customerNameKey: string) =>
    h.hub.db.deal.findMany({ where: { customerNameKey, status: "approved", protectedUntil: { gt: now } } });

  it("Approve on a registration another partner claims opens the side-by-side view instead of approving", async () => {
    const acme = await registerDeal(h, "U0PARTNERA", ACME, { customerName: "Initech", customerDomain: "initech.de" });
    now = new Date(T0.getTime() + 3_600_000);
    const globex = await registerDeal(h, "U0PARTNERB", GLOBEX, {
      customerName: "Initech AG",
      customerDomain: "initech.de",
      amount: "9,000",
    });
    expect(globex.status).toBe("conflict");
    // Globex's card says Resolve conflict; Acme's, drawn before Globex registered, still says Approve.
    const globexCard = approvalOf(h, globex.id);
    expect(visibleText(globexCard.blocks)).toContain(`#${acme.id} by *Acme Resellers*`);
    expect(JSON.stringify(globexCard.blocks)).toContain("deal_conflict_open");
    expect(JSON.stringify(globexCard.blocks)).not.toContain('"deal_approve"');

    await h.slack.messageAction("U0MANAGER", { channel: APPROVALS, ts: approvalOf(h, acme.id).ts }, "deal_approve");
    const modal = await modalOpened(h, "U0MANAGER", "deal_conflict_resolve");
    const text = visibleText(modal.view.blocks);
    expect(text.indexOf(`#${acme.id} · Acme Resellers`)).toBeLessThan(text.indexOf(`#${globex.id} · Globex`));
    expect(text).toContain("came first");
    expect(text).toContain("EUR 9,000.00");
    expect(text).toContain("Protection ends");
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: acme.id } })).status).toBe("pending");

    // A choice and a reason are both required.
    const noChoice = await h.slack.submitView("U0MANAGER", { "conflict_reason.value": "Acme came first" });
    expect(noChoice.json).toMatchObject({ response_action: "errors", errors: { conflict_choice: expect.any(String) } });
    const noReason = await h.slack.submitView("U0MANAGER", { "conflict_choice.value": "this" });
    expect(noReason.json).toMatchObject({ response_action: "errors", errors: { conflict_reason: expect.any(String) } });

    const done = await h.slack.submitView("U0MANAGER", {
      "conflict_choice.value": "this",
      "conflict_reason.value": "Acme registered first and works the account",
    });
    expect(done.json?.response_action).toBeUndefined();
    expect(await h.hub.db.deal.findUniqueOrThrow({ where: { id: acme.id } })).toMatchObject({ status: "approved" });
    expect(await h.hub.db.deal.findUniqueOrThrow({ where: { id: globex.id } })).toMatchObject({
      status: "rejected",
      protectedUntil: null,
      decisionNote: "Acme registered first and works the account",
    });
    expect((await protectedDeals("initech")).map((deal) => deal.id)).toEqual([acme.id]);

    // The losing partner is told why; the winner hears it was approved.
    const lost = await dmSaying(h, "U0PARTNERB", "another partner's registration of the same customer");
    expect(visibleText(lost.blocks)).toContain("Acme registered first and works the account");
    await dmSaying(h, "U0PARTNERA", "was approved");
    // Both approval cards are redrawn: decided, no buttons, and the conflict note stays.
    await h.outboxDrained();
    await waitForText(() => visibleText(approvalOf(h, globex.id).blocks), "Rejected", "Globex's approval redrawn");
    expect(visibleText(approvalOf(h, globex.id).blocks)).toContain(`#${acme.id} by *Acme Resellers*`);
    expect(JSON.stringify(approvalOf(h, globex.id).blocks)).not.toContain("deal_conflict_open");
    await waitForText(() => visibleText(approvalOf(h, acme.id).blocks), "Approved", "Acme's approval redrawn");
  });

  it("keeping the existing protection rejects this registration, with the reason, and nothing else changes", async () => {
    now = new Date(T0.getTime() + 2 * 3_600_000);
    const acme = await registerDeal(h, "U0PARTNERA", ACME, {
      customerName: "Umbrella",
      customerDomain: "umbrella.com",
    });
    await h.hub.services.deals.decide(await actorOf(h, "U0MANAGER"), acme.id, "approve");
    const globex = await registerDeal(h, "U0PARTNERB", GLOBEX, {
      customerName: "Umbrella Corp",
      customerDomain: "umbrella.com",
    });
    // Approving directly is refused by the service: the Slack layer never gets there without the modal.
    await expect(h.hub.services.deals.decide(await actorOf(h, "U0MANAGER"), globex.id, "approve")).rejects.toThrow();

    await h.slack.messageAction(
      "U0MANAGER",
      { channel: APPROVALS, ts: approvalOf(h, globex.id).ts },
      "deal_conflict_open",
    );
    const modal = await modalOpened(h, "U0MANAGER", "deal_conflict_resolve");
    expect(visibleText(modal.view.blocks)).toContain(`Keep #${acme.id}, reject #${globex.id}`);
    await h.slack.submitView("U0MANAGER", {
      "conflict_choice.value": "existing",
      "conflict_reason.value": "Acme holds the protection until February",
    });
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: globex.id } })).status).toBe("rejected");
    expect((await protectedDeals("umbrella")).map((deal) => deal.id)).toEqual([acme.id]);
    const told = await dmSaying(h, "U0PARTNERB", "Acme holds the protection until February");
    expect(visibleText(told.blocks)).toContain(`#${globex.id} · Umbrella Corp* was rejected`);
    expect(await h.hub.db.dealEvent.count({ where: { dealId: globex.id, type: "conflict_kept_existing" } })).toBe(1);
  });

  it("counts a conflict found after registration: an older registration never flagged, the newer approved first", async () => {
    now = new Date(T0.getTime() + 3 * 3_600_000);
    const older = await registerDeal(h, "U0PARTNERB", GLOBEX, {
      customerName: "Tanabe KK",
      customerDomain: "tanabe.co.jp",
    });
    const newer = await registerDeal(h, "U0PARTNERA", ACME, {
      customerName: "Tanabe Robotics",
      customerDomain: "tanabe-robotics.example",
    });
    expect([older.status, newer.status]).toEqual(["pending", "pending"]);
    await h.hub.services.deals.decide(await actorOf(h, "U0MANAGER"), newer.id, "approve");
    // Found out later (a domain the older registration had wrong): both now name the same company.
    await h.hub.db.deal.update({ where: { id: older.id }, data: { customerDomain: "tanabe-robotics.example" } });
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: older.id } })).conflictDealId).toBeNull();

    await h.slack.messageAction("U0MANAGER", { channel: APPROVALS, ts: approvalOf(h, older.id).ts }, "deal_approve");
    const modal = await modalOpened(h, "U0MANAGER", "deal_conflict_resolve");
    const text = visibleText(modal.view.blocks);
    expect(text).toContain(`#${newer.id} · Acme Resellers`);
    expect(text).toContain("Approved");
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: older.id } })).status).toBe("pending");

    // The older one wins: the newer loses its protection and its partner is told.
    await h.slack.submitView("U0MANAGER", {
      "conflict_choice.value": "this",
      "conflict_reason.value": "Globex registered Tanabe first",
    });
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: newer.id } })).status).toBe("rejected");
    const keys = await h.hub.db.deal.findMany({
      where: { customerDomain: "tanabe-robotics.example", status: "approved", protectedUntil: { gt: now } },
    });
    expect(keys.map((deal) => deal.id)).toEqual([older.id]);
    await dmSaying(h, "U0PARTNERA", "Globex registered Tanabe first");
  });

  it("refuses a resolution when the conflict changed while the manager was deciding", async () => {
    now = new Date(T0.getTime() + 4 * 3_600_000);
    const acme = await registerDeal(h, "U0PARTNERA", ACME, {
      customerName: "Vandelay",
      customerDomain: "vandelay.com",
    });
    const globex = await registerDeal(h, "U0PARTNERB", GLOBEX, {
      customerName: "Vandelay",
      customerDomain: "vandelay.com",
    });
    await h.slack.messageAction(
      "U0MANAGER",
      { channel: APPROVALS, ts: approvalOf(h, globex.id).ts },
      "deal_conflict_open",
    );
    await modalOpened(h, "U0MANAGER", "deal_conflict_resolve");
    // Meanwhile another manager rejects Acme's registration.
    await h.hub.services.deals.decide(await actorOf(h, "U0ADMIN"), acme.id, "reject", "Not a real opportunity");
    const stale = await h.slack.submitView("U0MANAGER", {
      "conflict_choice.value": "existing",
      "conflict_reason.value": "Acme first",
    });
    expect(stale.json).toMatchObject({
      response_action: "errors",
      errors: { conflict_choice: expect.stringContaining("conflict changed") },
    });
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: globex.id } })).status).toBe("conflict");
    await h.slack.closeView("U0MANAGER");
    // With the rival gone, Resolve conflict simply approves.
    await h.slack.messageAction(
      "U0MANAGER",
      { channel: APPROVALS, ts: approvalOf(h, globex.id).ts },
      "deal_conflict_open",
    );
    await expect
      .poll(async () => (await h.hub.db.deal.findUniqueOrThrow({ where: { id: globex.id } })).status)
      .toBe("approved");
  });

  it("refuses partners and shows the conflict on the manager's Home, where Approve opens the same view", async () => {
    now = new Date(T0.getTime() + 5 * 3_600_000);
    const acme = await registerDeal(h, "U0PARTNERA", ACME, { customerName: "Soylent", customerDomain: "soylent.com" });
    const globex = await registerDeal(h, "U0PARTNERB", GLOBEX, {
      customerName: "Soylent",
      customerDomain: "soylent.com",
    });
    const before = h.fake.responses.length;
    await h.slack.messageAction(
      "U0PARTNERB",
      { channel: APPROVALS, ts: approvalOf(h, globex.id).ts },
      "deal_conflict_open",
    );
    const reply = await h.fake.waitForResponse(before);
    expect(visibleText(reply.body.blocks)).toContain("Only managers");

    const home = await openHome(h, "U0MANAGER");
    const row = (home.blocks as { block_id?: string }[]).map((block) => visibleText(block)).join("\n");
    expect(row).toContain("Conflict:");
    await h.slack.viewAction("U0MANAGER", "home", "deal_conflict_open", undefined, {}, `deal_approval_${globex.id}`);
    const modal = await modalOpened(h, "U0MANAGER", "deal_conflict_resolve");
    expect(JSON.parse(String(modal.view.private_metadata ?? "{}"))).toMatchObject({
      dealId: globex.id,
      rivalIds: [acme.id],
      fromHome: true,
    });
    const published = h.fake.callsOf("views.publish").length;
    await h.slack.submitView("U0MANAGER", {
      "conflict_choice.value": "existing",
      "conflict_reason.value": "Acme came first",
    });
    await h.fake.waitFor(() => h.fake.callsOf("views.publish")[published], 5_000, "Home refreshed");
    expect((await h.hub.db.deal.findUniqueOrThrow({ where: { id: globex.id } })).status).toBe("rejected");
  });
});
