import { beforeAll, describe, expect, it } from "vitest";
import type { LeaderboardQuery, LeaderboardScores } from "../../src/services/leaderboard/leaderboard-store";
import type { PastDeal, Store } from "../../src/services/store";
import { useTestStore } from "../support/test-store";

const opened = useTestStore();
let store: Store;
let teams = 0;
let keys = 0;

beforeAll(async () => {
  ({ store } = opened);
});

async function workspace(): Promise<number> {
  teams += 1;
  return (await store.workspaces.ensure(`TLB${teams}`)).id;
}

async function partner(
  workspaceId: number,
  name: string,
  region: string | null = null,
  tier: "registered" | "silver" | "gold" = "registered",
) {
  const created = await store.partners.create(workspaceId, { name, nameKey: name.toLowerCase(), region, tier });
  if (!created) throw new Error("partner name taken");
  return created.id;
}

async function deal(workspaceId: number, partnerId: number, fields: Partial<PastDeal>): Promise<void> {
  keys += 1;
  const at = fields.createdAt ?? new Date("2026-11-02T10:00:00Z");
  await store.deals.createWithHistory(
    {
      workspaceId,
      partnerId,
      createdBy: "U_SELLER",
      customerName: `Customer ${keys}`,
      customer: { domain: null, nameKey: `customer ${keys}` },
      product: "Suite",
      amountMinor: 100_00,
      currency: "USD",
      stage: "won",
      status: "approved",
      conflictDealId: null,
      expectedCloseOn: null,
      region: null,
      notes: null,
      channelId: null,
      idempotencyKey: `lb-${keys}`,
      protectedUntil: null,
      reminderSentAt: null,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      closedAt: new Date("2026-11-10T10:00:00Z"),
      lostReason: null,
      createdAt: at,
      updatedAt: at,
      ...fields,
    },
    [],
  );
}

const NOVEMBER = { start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") };

function query(workspaceId: number, fields: Partial<LeaderboardQuery> = {}): LeaderboardQuery {
  return {
    workspaceId,
    metric: "revenue",
    scope: "partners",
    ...NOVEMBER,
    timeZone: "UTC",
    reportingCurrency: "USD",
    now: new Date("2026-11-20T12:00:00Z"),
    ...fields,
  };
}

const byName = (scores: LeaderboardScores) =>
  Object.fromEntries(scores.entries.map((entry) => [entry.name, entry.value]));

describe(`leaderboard repository (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  it("sums won revenue in the period, converting each deal at the rate valid on its close day", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const globex = await partner(ws, "Globex");
    await store.exchangeRates.set({
      workspaceId: ws,
      currency: "EUR",
      rate: "1.10",
      validFrom: "2026-01-01",
      updatedBy: "U1",
    });
    await store.exchangeRates.set({
      workspaceId: ws,
      currency: "EUR",
      rate: "1.20",
      validFrom: "2026-11-15",
      updatedBy: "U1",
    });
    await store.exchangeRates.create({ workspaceId: ws, currency: "KWD", rate: "3.25", updatedBy: "U1" });
    await deal(ws, acme, { amountMinor: 100_00, currency: "EUR", closedAt: new Date("2026-11-14T23:59:59.999Z") });
    await deal(ws, acme, { amountMinor: 100_00, currency: "EUR", closedAt: new Date("2026-11-15T00:00:00Z") });
    await deal(ws, acme, { amountMinor: 1_000, currency: "KWD", closedAt: new Date("2026-11-03T00:00:00Z") });
    await deal(ws, globex, { amountMinor: 50_000, currency: "JPY" });
    await deal(ws, globex, { amountMinor: 300_00 });
    // Outside the period, open, or lost: none counts.
    await deal(ws, globex, { amountMinor: 999_00, closedAt: new Date("2026-12-01T00:00:00Z") });
    await deal(ws, globex, { amountMinor: 999_00, closedAt: new Date("2026-10-31T23:59:59Z") });
    await deal(ws, globex, { amountMinor: 999_00, stage: "lost" });
    await deal(ws, globex, { amountMinor: 999_00, stage: "proposal", closedAt: null });

    const scores = await store.leaderboard.scores(query(ws));
    expect(byName(scores)).toEqual({ Acme: 110_00 + 120_00 + 3_25, Globex: 300_00 });
    const globexRow = scores.entries.find((entry) => entry.name === "Globex");
    expect(globexRow).toMatchObject({ count: 2, unpriced: 1, unpricedCurrencies: ["JPY"], partnerId: globex });
    expect(scores).toMatchObject({ total: 533_25, unpriced: 1, unpricedCurrencies: ["JPY"] });
  });

  it("starts a rate at local midnight of its day in the workspace's zone", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    await store.exchangeRates.set({
      workspaceId: ws,
      currency: "EUR",
      rate: "1",
      validFrom: "2026-01-01",
      updatedBy: "U1",
    });
    await store.exchangeRates.set({
      workspaceId: ws,
      currency: "EUR",
      rate: "2",
      validFrom: "2026-11-15",
      updatedBy: "U1",
    });
    // 23:30 UTC on the 14th is already the 15th in Berlin.
    await deal(ws, acme, { amountMinor: 100, currency: "EUR", closedAt: new Date("2026-11-14T23:30:00Z") });
    const berlin = await store.leaderboard.scores(query(ws, { timeZone: "Europe/Berlin" }));
    expect(byName(berlin)).toEqual({ Acme: 200 });
    const utc = await store.leaderboard.scores(query(ws));
    expect(byName(utc)).toEqual({ Acme: 100 });
  });

  it("counts won deals, registrations and win rates with the minimum of closed deals", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const globex = await partner(ws, "Globex");
    await deal(ws, acme, {});
    await deal(ws, acme, {});
    await deal(ws, acme, { stage: "lost", lostReason: "price" });
    await deal(ws, globex, {});
    await deal(ws, globex, { stage: "lost", lostReason: "price" });
    await deal(ws, globex, { stage: "qualified", closedAt: null, createdAt: new Date("2026-10-20T00:00:00Z") });

    expect(byName(await store.leaderboard.scores(query(ws, { metric: "deals" })))).toEqual({ Acme: 2, Globex: 1 });
    expect(byName(await store.leaderboard.scores(query(ws, { metric: "registrations" })))).toEqual({
      Acme: 3,
      Globex: 2,
    });
    const winrate = await store.leaderboard.scores(query(ws, { metric: "winrate" }));
    expect(byName(winrate)).toEqual({ Acme: 2 / 3, Globex: null });
    expect(winrate.entries.find((e) => e.name === "Globex")).toMatchObject({ count: 2, won: 1 });
    expect(winrate.total).toBe(3 / 5);
  });

  it("adds up open pipeline by expected close day, converted at today's rate, and every open deal for all time", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    await store.exchangeRates.set({
      workspaceId: ws,
      currency: "EUR",
      rate: "1.5",
      validFrom: "2026-11-20",
      updatedBy: "U1",
    });
    const open = { stage: "proposal" as const, closedAt: null };
    await deal(ws, acme, { ...open, amountMinor: 100_00, expectedCloseOn: new Date("2026-11-30T00:00:00Z") });
    await deal(ws, acme, {
      ...open,
      amountMinor: 100_00,
      currency: "EUR",
      expectedCloseOn: new Date("2026-11-01T00:00:00Z"),
    });
    await deal(ws, acme, { ...open, amountMinor: 100_00, expectedCloseOn: new Date("2026-12-01T00:00:00Z") });
    await deal(ws, acme, { ...open, amountMinor: 100_00, expectedCloseOn: null });
    await deal(ws, acme, {
      ...open,
      status: "rejected",
      amountMinor: 100_00,
      expectedCloseOn: new Date("2026-11-10T00:00:00Z"),
    });
    await deal(ws, acme, { amountMinor: 100_00, expectedCloseOn: new Date("2026-11-10T00:00:00Z") });

    expect(byName(await store.leaderboard.scores(query(ws, { metric: "pipeline" })))).toEqual({ Acme: 250_00 });
    const all = await store.leaderboard.scores(query(ws, { metric: "pipeline", start: null }));
    expect(byName(all)).toEqual({ Acme: 450_00 });
    // Before the EUR rate existed, the euro deal is counted but not priced.
    const early = await store.leaderboard.scores(
      query(ws, { metric: "pipeline", now: new Date("2026-11-19T12:00:00Z") }),
    );
    expect(early.entries[0]).toMatchObject({ value: 100_00, unpriced: 1, count: 2 });
    // In Tokyo, the period's local days start on 1 November too.
    const tokyo = await store.leaderboard.scores(
      query(ws, {
        metric: "pipeline",
        timeZone: "Asia/Tokyo",
        start: new Date("2026-10-31T15:00:00Z"),
        end: new Date("2026-11-30T15:00:00Z"),
      }),
    );
    expect(byName(tokyo)).toEqual({ Acme: 250_00 });
  });

  it("ranks people by the deals they registered and filters on the partner's region and tier", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme", "EMEA", "gold");
    const globex = await partner(ws, "Globex", "APAC", "silver");
    await store.members.create({
      workspaceId: ws,
      slackUserId: "U_ANA",
      slackTeamId: null,
      displayName: "Ana",
      role: "member",
      partnerId: acme,
    });
    await deal(ws, acme, { createdBy: "U_ANA" });
    await deal(ws, acme, { createdBy: "U_ANA" });
    await deal(ws, globex, { createdBy: "U_BO" });

    const people = await store.leaderboard.scores(query(ws, { metric: "deals", scope: "people" }));
    expect(people.entries.map((e) => [e.key, e.name, e.value, e.partnerId, e.userId]).sort()).toEqual([
      ["user:U_ANA", "Ana", 2, acme, "U_ANA"],
      ["user:U_BO", "U_BO", 1, null, "U_BO"],
    ]);
    const emea = await store.leaderboard.scores(query(ws, { metric: "deals", region: "emea" }));
    expect(byName(emea)).toEqual({ Acme: 2 });
    const silverPeople = await store.leaderboard.scores(
      query(ws, { metric: "deals", scope: "people", tier: "Silver" }),
    );
    expect(silverPeople.entries.map((e) => e.key)).toEqual(["user:U_BO"]);
    const one = await store.leaderboard.scores(query(ws, { metric: "deals", partnerId: globex }));
    expect(byName(one)).toEqual({ Globex: 1 });
  });

  it("counts kudos: a partner once per shout-out to it or its people, a person for their own", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme", "EMEA");
    const globex = await partner(ws, "Globex", "APAC");
    for (const [user, partnerId] of [
      ["U_ANA", acme],
      ["U_BEN", acme],
      ["U_CY", globex],
    ] as const) {
      await store.members.create({
        workspaceId: ws,
        slackUserId: user,
        slackTeamId: null,
        displayName: user.slice(2),
        role: "member",
        partnerId,
      });
    }
    let n = 0;
    const give = async (
      recipients: { userId: string | null; partnerId: number | null }[],
      at = "2026-11-05T10:00:00Z",
    ) => {
      n += 1;
      await store.transaction((tx) =>
        tx.shoutouts.create({
          workspaceId: ws,
          fromUserId: "U_BOSS",
          message: "Great work on the launch",
          value: null,
          award: null,
          announce: true,
          channelId: "C1",
          recipients,
          idempotencyKey: `lb-kudos-${ws}-${n}`,
          createdAt: new Date(at),
        }),
      );
    };
    await give([
      { userId: "U_ANA", partnerId: null },
      { userId: "U_BEN", partnerId: null },
    ]);
    await give([{ userId: null, partnerId: acme }]);
    await give([{ userId: "U_CY", partnerId: null }]);
    await give([{ userId: "U_CY", partnerId: null }], "2026-10-05T10:00:00Z");

    const partners = await store.leaderboard.scores(query(ws, { metric: "kudos" }));
    expect(byName(partners)).toEqual({ Acme: 2, Globex: 1 });
    const people = await store.leaderboard.scores(query(ws, { metric: "kudos", scope: "people" }));
    expect(byName(people)).toEqual({ ANA: 1, BEN: 1, CY: 1 });
    expect(byName(await store.leaderboard.scores(query(ws, { metric: "kudos", region: "apac" })))).toEqual({
      Globex: 1,
    });
    const acmePeople = await store.leaderboard.scores(query(ws, { metric: "kudos", scope: "people", partnerId: acme }));
    expect(byName(acmePeople)).toEqual({ ANA: 1, BEN: 1 });
    const allTime = await store.leaderboard.scores(query(ws, { metric: "kudos", start: null }));
    expect(byName(allTime)).toEqual({ Acme: 2, Globex: 2 });
  });

  it("keeps dated rates per day, and undated ones valid for every day", async () => {
    const ws = await workspace();
    expect(
      await store.exchangeRates.create({ workspaceId: ws, currency: "EUR", rate: "1.08", updatedBy: "U1" }),
    ).not.toBeNull();
    expect(
      await store.exchangeRates.create({ workspaceId: ws, currency: "EUR", rate: "1.09", updatedBy: "U1" }),
    ).toBeNull();
    await store.exchangeRates.set({
      workspaceId: ws,
      currency: "EUR",
      rate: "1.10",
      validFrom: "2026-03-01",
      updatedBy: "U2",
    });
    await store.exchangeRates.set({
      workspaceId: ws,
      currency: "EUR",
      rate: "1.11",
      validFrom: "2026-03-01",
      updatedBy: "U2",
    });
    expect(await store.exchangeRates.list(ws)).toEqual([
      { workspaceId: ws, currency: "EUR", rate: "1.08", validFrom: "1970-01-01", updatedBy: "U1" },
      { workspaceId: ws, currency: "EUR", rate: "1.11", validFrom: "2026-03-01", updatedBy: "U2" },
    ]);
    expect(await store.leaderboard.rates(ws)).toEqual([
      { currency: "EUR", rate: "1.08", validFrom: "1970-01-01" },
      { currency: "EUR", rate: "1.11", validFrom: "2026-03-01" },
    ]);
  });

  it("saves goals per owner, metric and period and lists a partner's with its tier's and the program's", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme", null, "gold");
    const base = {
      workspaceId: ws,
      metric: "revenue" as const,
      period: "quarter" as const,
      currency: "USD",
      createdBy: "U1",
    };
    const own = await store.goals.save({
      ...base,
      partnerId: acme,
      tier: null,
      periodStart: "2026-10-01",
      target: 50_000_00,
    });
    const again = await store.goals.save({
      ...base,
      partnerId: acme,
      tier: null,
      periodStart: "2026-10-01",
      target: 60_000_00,
    });
    expect(again.id).toBe(own.id);
    expect(again.target).toBe(60_000_00);
    await store.goals.save({ ...base, partnerId: null, tier: "gold", periodStart: "2026-10-01", target: 1 });
    await store.goals.save({ ...base, partnerId: null, tier: "silver", periodStart: "2026-10-01", target: 2 });
    await store.goals.save({ ...base, partnerId: null, tier: null, periodStart: "2026-07-01", target: 3 });
    const listed = await store.goals.list({ workspaceId: ws, partnerId: acme, tier: "gold" });
    expect(listed.map((g) => g.target)).toEqual([60_000_00, 1, 3]);
    expect((await store.goals.list({ workspaceId: ws, since: "2026-10-01" })).length).toBe(3);
    expect(await store.goals.findById(ws, own.id)).toMatchObject({ periodStart: "2026-10-01", metric: "revenue" });
    expect(await store.goals.remove(ws, own.id)).toBe(true);
    expect(await store.goals.remove(ws, own.id)).toBe(false);
  });
});
