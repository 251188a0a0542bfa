import { describe, expect, it } from "vitest";
import { DEAL_MESSAGE_KINDS } from "../../src/services/deals/deal-messages";
import { outboxOf, refusal, useDealWorld } from "./deal-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";
const DAY = 86_400_000;

describe(`deal conflicts (${DB})`, () => {
  it("refuses a plain approval while another partner's registration stands in the way, naming it", async () => {
    const p = await world.program();
    const first = await p.deal(p.acme);
    const second = await p.deal(p.globex, { status: "conflict", conflictDealId: first.id });
    const refused = await refusal(() => world.services.deals.decide(p.manager, second.id, "approve"));
    expect(refused).toEqual({ code: "conflict_unresolved", params: { dealId: second.id, rivalIds: [first.id] } });
    // The older one was never flagged, yet it is in conflict all the same.
    const older = await refusal(() => world.services.deals.decide(p.manager, first.id, "approve"));
    expect(older).toEqual({ code: "conflict_unresolved", params: { dealId: first.id, rivalIds: [second.id] } });
    expect((await world.services.deals.get(p.manager, first.id)).status).toBe("pending");
    // Rejecting or asking needs no resolution.
    const rejected = await world.services.deals.decide(p.manager, second.id, "reject", "Acme was first");
    expect(rejected.status).toBe("rejected");
    const approved = await world.services.deals.decide(p.manager, first.id, "approve");
    expect(approved.status).toBe("approved");
  });

  it("finds a conflict that appeared after registration: an older, never-flagged one against a newer approved one", async () => {
    const p = await world.program();
    const older = await p.deal(p.acme);
    const newer = await p.deal(p.globex, {
      status: "approved",
      protectedUntil: new Date(world.clock.now.getTime() + 80 * DAY),
    });
    const { deal, rivals } = await world.services.deals.conflictOf(p.manager, older.id);
    expect(deal.id).toBe(older.id);
    expect(rivals.map((rival) => rival.id)).toEqual([newer.id]);
    const refused = await refusal(() => world.services.deals.decide(p.manager, older.id, "approve"));
    expect(refused.code).toBe("conflict_unresolved");
    // Once the newer one's protection lapses, nothing stands in the way.
    world.clock.now = new Date(world.clock.now.getTime() + 81 * DAY);
    try {
      expect((await world.services.deals.conflictOf(p.manager, older.id)).rivals).toEqual([]);
    } finally {
      world.clock.now = new Date("2026-03-10T12:00:00Z");
    }
  });

  it("only managers see or resolve conflicts", async () => {
    const p = await world.program();
    const deal = await p.deal(p.acme);
    expect(await refusal(() => world.services.deals.conflictOf(p.ana, deal.id))).toEqual({
      code: "forbidden",
      params: { action: "decide_deals" },
    });
    const resolve = () =>
      world.services.deals.resolveConflict(p.ana, deal.id, { keep: "this", rivalIds: [], reason: "mine" });
    expect((await refusal(resolve)).code).toBe("forbidden");
  });

  it("approves this one and rejects every rival with the reason; the losing partners are told", async () => {
    const p = await world.program();
    const sakura = await p.deal(p.acme);
    const rivalApproved = await p.deal(p.globex, {
      status: "approved",
      protectedUntil: new Date(world.clock.now.getTime() + 30 * DAY),
      channelId: "C_GLOBEX",
    });
    const reason = "Acme introduced the customer in January";
    const result = await world.services.deals.resolveConflict(p.manager, sakura.id, {
      keep: "this",
      rivalIds: [rivalApproved.id],
      reason: `  ${reason} `,
    });
    expect(result.deal).toMatchObject({ status: "approved", decidedBy: "U_MANAGER", conflictDealId: rivalApproved.id });
    expect(result.deal.protectedUntil?.getTime()).toBe(world.clock.now.getTime() + 90 * DAY);
    expect(result.rivals).toHaveLength(1);
    expect(result.rivals[0]).toMatchObject({
      id: rivalApproved.id,
      status: "rejected",
      protectedUntil: null,
      decisionNote: reason,
      decidedBy: "U_MANAGER",
    });
    const winnerEvents = await world.opened.store.deals.events(sakura.id);
    expect(winnerEvents.at(-1)).toMatchObject({ type: "conflict_won", data: { rivalIds: [rivalApproved.id], reason } });
    const loserEvents = await world.opened.store.deals.events(rivalApproved.id);
    expect(loserEvents.at(-1)).toMatchObject({ type: "conflict_lost", data: { winnerDealId: sakura.id } });

    const rows = await outboxOf(world, p.admin.workspace.id);
    const notices = rows.filter((row) => row.kind === DEAL_MESSAGE_KINDS.notice);
    const lostNotice = notices.find((row) => row.channelId === "U_BOB");
    expect(JSON.parse(String(lostNotice?.subject))).toMatchObject({
      dealId: rivalApproved.id,
      notice: { type: "conflict_lost", winnerDealId: sakura.id, by: "U_MANAGER" },
    });
    const wonNotice = notices.find((row) => row.channelId === "U_ANA");
    expect(JSON.parse(String(wonNotice?.subject))).toMatchObject({ notice: { type: "decision", decision: "approve" } });
    const redrawn = rows.filter((row) => row.action === "update").map((row) => row.messageKey);
    expect(redrawn).toEqual(
      expect.arrayContaining([
        `deal:${sakura.id}:card`,
        `deal:${sakura.id}:approval`,
        `deal:${rivalApproved.id}:card`,
        `deal:${rivalApproved.id}:approval`,
      ]),
    );
    // The approval card keeps naming the rival, now rejected.
    const context = await world.services.deals.approvalContextOf(p.admin.workspace.id, sakura.id);
    expect(context?.rivals.map((rival) => [rival.id, rival.status])).toEqual([[rivalApproved.id, "rejected"]]);
  });

  it("keeps the existing protection and rejects this one", async () => {
    const p = await world.program();
    const existing = await p.deal(p.acme, {
      status: "approved",
      protectedUntil: new Date(world.clock.now.getTime() + 30 * DAY),
    });
    const late = await p.deal(p.globex, { status: "conflict", conflictDealId: existing.id });
    const result = await world.services.deals.resolveConflict(p.manager, late.id, {
      keep: "existing",
      rivalIds: [existing.id],
      reason: "Acme holds this customer",
    });
    expect(result.deal).toMatchObject({ status: "rejected", decisionNote: "Acme holds this customer" });
    expect(result.rivals.map((rival) => [rival.id, rival.status])).toEqual([[existing.id, "approved"]]);
    const events = await world.opened.store.deals.events(late.id);
    expect(events.at(-1)).toMatchObject({ type: "conflict_kept_existing", data: { rivalIds: [existing.id] } });
    const rows = await outboxOf(world, p.admin.workspace.id);
    const notice = rows.find((row) => row.kind === DEAL_MESSAGE_KINDS.notice && row.channelId === "U_BOB");
    expect(JSON.parse(String(notice?.subject))).toMatchObject({ notice: { type: "decision", decision: "reject" } });
    expect(rows.some((row) => row.action === "update" && row.messageKey === `deal:${existing.id}:approval`)).toBe(true);
  });

  it("decides nothing when the rivals changed since the view opened, and needs a reason", async () => {
    const p = await world.program();
    const first = await p.deal(p.acme);
    const second = await p.deal(p.globex, { status: "conflict", conflictDealId: first.id });
    const { rivals } = await world.services.deals.conflictOf(p.manager, second.id);
    // A third partner registers meanwhile.
    const initech = await world.opened.store.partners.create(p.admin.workspace.id, {
      name: "Initech",
      nameKey: "initech",
      region: null,
      tier: "gold",
    });
    if (!initech) throw new Error("partner exists");
    const third = await p.deal(initech);
    const input = { keep: "this" as const, rivalIds: rivals.map((rival) => rival.id), reason: "Globex first" };
    expect((await refusal(() => world.services.deals.resolveConflict(p.manager, second.id, input))).code).toBe(
      "conflict_changed",
    );
    for (const id of [first.id, second.id, third.id]) {
      expect((await world.services.deals.get(p.manager, id)).decidedBy).toBeNull();
    }
    const blank = { ...input, rivalIds: [first.id, third.id], reason: "  " };
    expect((await refusal(() => world.services.deals.resolveConflict(p.manager, second.id, blank))).code).toBe(
      "reason_missing",
    );
    const done = await world.services.deals.resolveConflict(p.manager, second.id, {
      ...blank,
      reason: "Globex first",
    });
    expect([done.deal.status, ...done.rivals.map((rival) => rival.status)]).toEqual([
      "approved",
      "rejected",
      "rejected",
    ]);
    // A second click finds it decided.
    expect((await refusal(() => world.services.deals.resolveConflict(p.manager, second.id, input))).code).toBe(
      "already_decided",
    );
  });

  it("does not count the same partner's other registration or a free-mail domain shared by strangers", async () => {
    const p = await world.program();
    await p.deal(p.acme, { customerName: "Tanabe Robotics" });
    const own = await p.deal(p.acme, { customerName: "Tanabe Robotics" });
    expect((await world.services.deals.conflictOf(p.manager, own.id)).rivals).toEqual([]);
    await p.deal(p.globex, { customerName: "Someone Else", domain: "gmail.com" });
    const gmail = await p.deal(p.acme, { customerName: "Nakamura Tools", domain: "gmail.com" });
    expect((await world.services.deals.conflictOf(p.manager, gmail.id)).rivals).toEqual([]);
  });
});
