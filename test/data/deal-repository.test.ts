import { beforeAll, describe, expect, it } from "vitest";
import type { DealRecord } from "../../src/services/records";
import type { NewDeal, Store } from "../../src/services/store";
import { useTestStore } from "../support/test-store";

const opened = useTestStore();
let store: Store;
let teams = 0;
let keys = 0;

beforeAll(async () => {
  ({ store } = opened);
});

/** Each test gets its own workspace, so searches and lists see only its deals. */
async function workspace(): Promise<number> {
  teams += 1;
  return (await store.workspaces.ensure(`T_DEALS_${teams}`)).id;
}

async function partner(workspaceId: number, name: string): Promise<number> {
  const created = await store.partners.create(workspaceId, {
    name,
    nameKey: name.toLowerCase(),
    region: null,
    tier: "registered",
  });
  if (!created) throw new Error("partner name taken");
  return created.id;
}

async function deal(
  workspaceId: number,
  partnerId: number,
  customer: { name: string; domain?: string | null },
  fields: Partial<NewDeal> = {},
): Promise<DealRecord> {
  keys += 1;
  const created = await store.deals.create({
    workspaceId,
    partnerId,
    createdBy: "U_REP",
    customerName: customer.name,
    customer: { domain: customer.domain ?? null, nameKey: customer.name.toLowerCase() },
    product: "Analytics Pro",
    amountMinor: 1_000_00,
    currency: "EUR",
    stage: "prospecting",
    status: "pending",
    conflictDealId: null,
    expectedCloseOn: null,
    region: null,
    notes: null,
    channelId: null,
    idempotencyKey: `deal-repo-${keys}`,
    ...fields,
  });
  if (!created) throw new Error("idempotency key taken");
  return created;
}

describe(`deal repository (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  it("finds customers by every word in the name key or the domain, within a partner when asked, newest first", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const globex = await partner(ws, "Globex");
    const tanabe = await deal(ws, acme, { name: "tanabe robotics", domain: "tanabe.co.jp" });
    const tanabeToo = await deal(ws, globex, { name: "tanabe logistics", domain: null });
    await deal(ws, acme, { name: "initech", domain: "initech.com" });

    const both = await store.deals.searchCustomers({ workspaceId: ws, words: ["tanabe"] }, { offset: 0, limit: 10 });
    expect(both.total).toBe(2);
    expect(both.deals.map((d) => d.id)).toEqual([tanabeToo.id, tanabe.id]);

    const byDomain = await store.deals.searchCustomers({ workspaceId: ws, words: ["co.jp"] }, { offset: 0, limit: 10 });
    expect(byDomain.deals.map((d) => d.id)).toEqual([tanabe.id]);

    const allWords = await store.deals.searchCustomers(
      { workspaceId: ws, words: ["tanabe", "robot"] },
      { offset: 0, limit: 10 },
    );
    expect(allWords.deals.map((d) => d.id)).toEqual([tanabe.id]);

    const ownOnly = await store.deals.searchCustomers(
      { workspaceId: ws, partnerId: globex, words: ["tanabe"] },
      { offset: 0, limit: 10 },
    );
    expect(ownOnly.deals.map((d) => d.id)).toEqual([tanabeToo.id]);

    const paged = await store.deals.searchCustomers({ workspaceId: ws, words: ["tanabe"] }, { offset: 1, limit: 1 });
    expect(paged).toMatchObject({ total: 2, deals: [{ id: tanabe.id }] });
  });

  it("lists undecided registrations of every workspace, oldest first, and nothing decided", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const first = await deal(ws, acme, { name: "first co" }, { status: "pending" });
    const second = await deal(ws, acme, { name: "second co" }, { status: "conflict" });
    const decided = await deal(ws, acme, { name: "third co" }, { status: "approved" });
    const ids = (await store.deals.undecided()).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(ids).not.toContain(decided.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
  });

  it("writes corrected customer fields and filters lists by decision time", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const created = await deal(ws, acme, { name: "old name", domain: "old.example" });
    const changed = await store.deals.update(
      created.id,
      { status: "pending" },
      {
        customerName: "New Name",
        customer: { domain: "new.example", nameKey: "new name" },
        product: "Suite",
        currency: "USD",
        notes: "corrected",
        status: "rejected",
        decidedAt: new Date("2026-11-20T10:00:00Z"),
      },
    );
    expect(changed).toMatchObject({
      customerName: "New Name",
      customer: { domain: "new.example", nameKey: "new name" },
      product: "Suite",
      currency: "USD",
      notes: "corrected",
    });
    const recent = await store.deals.list(
      { workspaceId: ws, statuses: ["rejected"], decidedSince: new Date("2026-11-01T00:00:00Z") },
      { offset: 0, limit: 10 },
    );
    expect(recent.deals.map((d) => d.id)).toEqual([created.id]);
    const later = await store.deals.list(
      { workspaceId: ws, statuses: ["rejected"], decidedSince: new Date("2026-11-21T00:00:00Z") },
      { offset: 0, limit: 10 },
    );
    expect(later.total).toBe(0);
  });

  it("ties a channel to one partner at a time and finds the partner by its channel", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const globex = await partner(ws, "Globex");
    expect(await store.partners.findByChannel(ws, "C_ACME")).toBeNull();
    await store.partners.setHomeChannel(acme, "C_ACME");
    expect((await store.partners.findByChannel(ws, "C_ACME"))?.id).toBe(acme);
    await expect(store.partners.setHomeChannel(globex, "C_ACME")).rejects.toThrow();
    await store.partners.setHomeChannel(acme, null);
    expect(await store.partners.findByChannel(ws, "C_ACME")).toBeNull();
    expect((await store.workspaces.findById(ws))?.approvalReminderDays).toBe(2);
  });
});
