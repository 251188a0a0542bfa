import { describe, expect, it } from "vitest";
import { outboxOf, refusal, useDealWorld } from "./deal-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";
const DAY = 86_400_000;

const updatesOf = async (workspaceId: number) =>
  (await outboxOf(world, workspaceId)).filter((row) => row.action === "update").map((row) => row.messageKey);

describe(`editing deals (${DB})`, () => {
  it("records each changed field with old and new value and redraws the approval request while undecided", async () => {
    const p = await world.program();
    const deal = await p.deal(p.acme);
    const result = await world.services.deals.editDeal(p.ana, deal.id, {
      amount: "8,250.00",
      currency: "EUR",
      stage: "negotiation",
      expectedClose: "2026-01-15",
      product: "Robot arms",
      notes: "",
    });
    if (result.kind !== "edited") throw new Error(JSON.stringify(result));
    expect(result.deal).toMatchObject({ amountMinor: 825_000, stage: "negotiation" });
    expect(result.changes).toEqual(
      expect.arrayContaining([
        { field: "amount", from: 700_000, to: 825_000 },
        { field: "stage", from: "proposal", to: "negotiation" },
        { field: "expectedCloseOn", from: null, to: "2026-01-15" },
      ]),
    );
    const history = await world.services.deals.history(p.ana, deal.id);
    expect(history.events.at(-1)).toMatchObject({ type: "edited", actor: "U_ANA", data: { changes: result.changes } });
    expect(await updatesOf(p.admin.workspace.id)).toEqual([`deal:${deal.id}:card`, `deal:${deal.id}:approval`]);
    const thread = (await outboxOf(world, p.admin.workspace.id)).find(
      (row) => row.threadKey === `deal:${deal.id}:card`,
    );
    expect(JSON.parse(String(thread?.subject)).notice).toEqual({
      type: "edited",
      by: "U_ANA",
      changes: result.changes,
    });
  });

  it("refuses an edit that changes nothing, invalid fields per field, and people outside the company", async () => {
    const p = await world.program();
    const deal = await p.deal(p.acme);
    expect((await refusal(() => world.services.deals.editDeal(p.ana, deal.id, { amount: "7,000.00" }))).code).toBe(
      "edit_unchanged",
    );
    const invalid = await world.services.deals.editDeal(p.ana, deal.id, { amount: "lots", stage: "lost" });
    expect(invalid.kind).toBe("invalid");
    if (invalid.kind === "invalid") expect(Object.keys(invalid.errors).sort()).toEqual(["amount", "stage"]);
    expect((await refusal(() => world.services.deals.editForm(p.bob, deal.id))).code).toBe("deal_not_found");
    expect((await world.services.deals.editForm(p.manager, deal.id)).id).toBe(deal.id);
    const edited = await world.services.deals.editDeal(p.manager, deal.id, { product: "Robot arms XL" });
    expect(edited.kind).toBe("edited");
  });

  it("moves a won deal back to an open stage, and to won again with the closing instant", async () => {
    const p = await world.program();
    const deal = await p.deal(p.acme, {
      status: "approved",
      protectedUntil: new Date(world.clock.now.getTime() + 50 * DAY),
    });
    await world.services.deals.changeStage(p.ana, deal.id, "won");
    const reopened = await world.services.deals.editDeal(p.ana, deal.id, { stage: "negotiation" });
    if (reopened.kind !== "edited") throw new Error("not edited");
    expect(reopened.deal).toMatchObject({ stage: "negotiation", closedAt: null });
    const won = await world.services.deals.editDeal(p.ana, deal.id, { stage: "won" });
    if (won.kind !== "edited") throw new Error("not edited");
    expect(won.deal.closedAt).toEqual(world.clock.now);
    // Approved already: no approval request to redraw.
    expect((await updatesOf(p.admin.workspace.id)).filter((key) => key?.endsWith(":approval"))).toEqual([]);
  });

  it("redraws the approval request when an undecided registration changes stage or is won", async () => {
    const p = await world.program();
    const deal = await p.deal(p.acme);
    await world.services.deals.changeStage(p.ana, deal.id, "negotiation");
    await world.services.deals.markWon(p.ana, deal.id, "9,000");
    expect(await updatesOf(p.admin.workspace.id)).toEqual([
      `deal:${deal.id}:card`,
      `deal:${deal.id}:approval`,
      `deal:${deal.id}:card`,
      `deal:${deal.id}:approval`,
    ]);
  });
});

describe(`correcting a rejected registration (${DB})`, () => {
  it("prefills the form, then sends it back to the managers with what changed", async () => {
    const p = await world.program();
    const deal = await p.deal(p.acme, { customerName: "Tanabe Robotcs", channelId: null });
    await world.opened.store.outbox.enqueue([
      {
        workspaceId: deal.workspaceId,
        dedupeKey: `deal:${deal.id}:approval`,
        kind: "deal.approval",
        subject: { dealId: deal.id },
        action: "post",
        channelId: "C_APPROVALS",
        messageKey: `deal:${deal.id}:approval`,
      },
    ]);
    await world.services.deals.decide(p.manager, deal.id, "reject", "Typo in the customer's name");
    const { form, draft } = await world.services.deals.resubmitForm(p.ana, deal.id);
    expect(form).toMatchObject({ defaultPartnerId: p.acme.id, canChoosePartner: false });
    expect(draft).toMatchObject({ customerName: "Tanabe Robotcs", amount: "7,000.00", currency: "EUR" });
    const result = await world.services.deals.resubmitDeal(p.ana, deal.id, {
      ...draft,
      customerName: "Tanabe Robotics",
    });
    if (result.kind !== "resubmitted") throw new Error(JSON.stringify(result));
    expect(result.deal).toMatchObject({ status: "pending", decidedBy: null, decisionNote: null });
    expect(result.changes).toEqual([{ field: "customerName", from: "Tanabe Robotcs", to: "Tanabe Robotics" }]);
    const rows = await outboxOf(world, p.admin.workspace.id);
    const note = rows.find((row) => row.threadKey === `deal:${deal.id}:approval`);
    expect(JSON.parse(String(note?.subject)).notice).toEqual({
      type: "resubmitted",
      by: "U_ANA",
      changes: result.changes,
    });
    expect((await refusal(() => world.services.deals.resubmitDeal(p.ana, deal.id, draft))).code).toBe("not_rejected");
  });

  it("finds the conflict again and posts the approval request that was never posted", async () => {
    const p = await world.program({ approvalsChannel: null });
    const deal = await p.deal(p.acme);
    await world.services.deals.decide(p.manager, deal.id, "reject", "Missing domain");
    const rival = await p.deal(p.globex);
    await world.opened.store.workspaces.setApprovalsChannel(p.admin.workspace.id, "C_LATER", false);
    const ana = await p.actor("U_ANA");
    const { draft } = await world.services.deals.resubmitForm(ana, deal.id);
    const invalid = await world.services.deals.resubmitDeal(ana, deal.id, { ...draft, amount: "" });
    expect(invalid).toEqual({ kind: "invalid", errors: { amount: { code: "amount_missing" } } });
    const result = await world.services.deals.resubmitDeal(ana, deal.id, draft);
    if (result.kind !== "resubmitted") throw new Error(JSON.stringify(result));
    expect(result).toMatchObject({ changes: [], deal: { status: "conflict", conflictDealId: rival.id } });
    const rows = await outboxOf(world, p.admin.workspace.id);
    expect(rows.filter((row) => row.kind === "deal.approval" && row.action === "post").map((r) => r.channelId)).toEqual(
      ["C_LATER"],
    );
    expect((await refusal(() => world.services.deals.resubmitForm(p.bob, deal.id))).code).toBe("deal_not_found");
  });
});

describe(`finding and listing deals (${DB})`, () => {
  it("/deal find searches customers within what the person may see", async () => {
    const p = await world.program();
    await p.deal(p.acme, { customerName: "Tanabe Robotics" });
    await p.deal(p.globex, { customerName: "Tanabe Robotics Europe" });
    await p.deal(p.acme, { customerName: "Globex Tools", domain: "other.example" });
    const all = await world.services.deals.findDeals(p.manager, "TANABE", 1);
    expect(all).toMatchObject({ total: 2, words: ["tanabe"], partner: null });
    const own = await world.services.deals.findDeals(p.ana, "tanabe robo", 1);
    expect(own.deals.map((deal) => deal.partnerId)).toEqual([p.acme.id]);
    expect((await refusal(() => world.services.deals.findDeals(p.ana, " ,; ", 1))).code).toBe("deal_find_empty");
    expect((await refusal(() => world.services.deals.findDeals(p.nobody, "tanabe", 1))).code).toBe("no_partner");
  });

  it("lets members list their own company by a fuzzy name, and resolves partner names fuzzily for managers", async () => {
    const p = await world.program();
    await p.deal(p.acme);
    const own = await world.services.deals.list(p.ana, { filter: "all", partnerName: "acme", page: 1 });
    expect(own.partner?.id).toBe(p.acme.id);
    expect(
      await refusal(() => world.services.deals.list(p.ana, { filter: "all", partnerName: "globex", page: 1 })),
    ).toEqual({ code: "forbidden", params: { action: "list_partner_deals" } });
    expect(
      (await world.services.deals.list(p.manager, { filter: "all", partnerName: "sol acme", page: 1 })).total,
    ).toBe(1);
    expect(
      await refusal(() =>
        world.services.deals.list(p.manager, { filter: "all", partnerName: "acmee solutions", page: 1 }),
      ),
    ).toEqual({
      code: "partner_not_found",
      params: { name: "acmee solutions", suggestions: ["Acme Solutions"] },
    });
  });

  it("shows the company's registrations rejected in the last 30 days on the Home", async () => {
    const p = await world.program();
    const recent = await p.deal(p.acme);
    const old = await p.deal(p.acme, { customerName: "Old Customer" });
    await world.services.deals.decide(p.manager, recent.id, "reject", "No");
    await world.opened.store.deals.update(
      old.id,
      {},
      {
        status: "rejected",
        decidedAt: new Date(world.clock.now.getTime() - 31 * DAY),
      },
    );
    const home = await world.services.deals.home(p.ana);
    expect(home.rejected.map((deal) => deal.id)).toEqual([recent.id]);
    expect((await world.services.deals.home(p.manager)).rejected).toEqual([]);
  });
});
