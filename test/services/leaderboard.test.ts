import { describe, expect, it } from "vitest";
import type { LeaderboardArgs } from "../../src/domain/leaderboard/metrics";
import { LEADERBOARD_MESSAGE_KINDS, type LeaderboardResult } from "../../src/services/leaderboard";
import { outboxOf, refusal, useDealWorld } from "./deal-fixtures";
import { closedDeal, extraPartner } from "./leaderboard-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";

// The world's clock stands on Tuesday 2026-03-10, 12:00 UTC; the workspace is in UTC and reports in USD.
const MARCH_5 = new Date("2026-03-05T10:00:00Z");
const FEBRUARY_5 = new Date("2026-02-05T10:00:00Z");

const args = (fields: Partial<LeaderboardArgs> = {}): LeaderboardArgs => ({
  period: { kind: "month" },
  metric: "revenue",
  scope: "partners",
  chart: false,
  ...fields,
});

const rows = (result: LeaderboardResult) =>
  result.top.map((line) => ({ name: line.name, rank: line.rank, value: line.value, showAmount: line.showAmount }));

/** Acme won USD 300, Globex USD 500 this month; last month Acme led. */
async function race() {
  const program = await world.program();
  await closedDeal(world, program, program.acme, { closedAt: MARCH_5, amountMinor: 300_00 });
  await closedDeal(world, program, program.globex, { closedAt: MARCH_5, amountMinor: 500_00 });
  await closedDeal(world, program, program.acme, { closedAt: FEBRUARY_5, amountMinor: 900_00 });
  await closedDeal(world, program, program.globex, { closedAt: FEBRUARY_5, amountMinor: 100_00 });
  return program;
}

describe(`leaderboard services (${DB})`, () => {
  it("shows managers every amount, the total and each row's movement against last month", async () => {
    const program = await race();
    const result = await world.services.leaderboard.show(program.manager, args());
    expect(rows(result)).toEqual([
      { name: "Globex", rank: 1, value: 500_00, showAmount: true },
      { name: "Acme Solutions", rank: 2, value: 300_00, showAmount: true },
    ]);
    expect(result.top.map((line) => line.movement)).toEqual([
      { kind: "up", by: 1 },
      { kind: "down", by: 1 },
    ]);
    expect(result).toMatchObject({
      total: 800_00,
      hiddenAmounts: false,
      caller: null,
      reportingCurrency: "USD",
      argsText: "month revenue partners",
      region: null,
      tier: null,
      chart: false,
    });
    expect(result.period.label).toBe("March 2026");
  });

  it("keeps every row in place over all time, which has no period before it", async () => {
    const program = await race();
    const result = await world.services.leaderboard.show(program.manager, args({ period: { kind: "all" } }));
    expect(rows(result).map((row) => [row.name, row.value])).toEqual([
      ["Acme Solutions", 1_200_00],
      ["Globex", 600_00],
    ]);
    expect(result.top.map((line) => line.movement.kind)).toEqual(["same", "same"]);
    expect(result.period.previous).toBeNull();
  });

  it("shows a partner member its own amount and only the others' ranks, and no total", async () => {
    const program = await race();
    const result = await world.services.leaderboard.show(program.ana, args());
    expect(rows(result)).toEqual([
      { name: "Globex", rank: 1, value: 500_00, showAmount: false },
      { name: "Acme Solutions", rank: 2, value: 300_00, showAmount: true },
    ]);
    expect(result.top.map((line) => line.mine)).toEqual([false, true]);
    expect(result.hiddenAmounts).toBe(true);
    expect(result.total).toBeNull();
  });

  it("hides no counts from members: deals won are not amounts", async () => {
    const program = await race();
    const result = await world.services.leaderboard.show(program.ana, args({ metric: "deals" }));
    expect(result.top.every((line) => line.showAmount)).toBe(true);
    expect(result.hiddenAmounts).toBe(false);
    expect(result.total).toBe(2);
  });

  it("shows members every amount once an admin sets leaderboard-amounts to all, and refuses other values", async () => {
    const program = await race();
    const changed = await world.services.settings.change(program.admin, "leaderboard-amounts", "ALL");
    expect(changed.value).toBe("all");
    expect(changed.workspace.leaderboardAmounts).toBe("all");
    const ana = await program.actor("U_ANA");
    const result = await world.services.leaderboard.show(ana, args());
    expect(result.top.every((line) => line.showAmount)).toBe(true);
    expect(result.total).toBe(800_00);
    expect(
      (await refusal(() => world.services.settings.change(program.admin, "leaderboard-amounts", "some"))).code,
    ).toBe("leaderboard_amounts_invalid");
    expect((await refusal(() => world.services.settings.change(ana, "leaderboard-amounts", "own"))).code).toBe(
      "forbidden",
    );
  });

  it("adds the caller's own row under the top 10 when it ranks lower", async () => {
    const program = await world.program();
    for (let n = 1; n <= 11; n++) {
      const partner = await extraPartner(world, program, `Rival ${String(n).padStart(2, "0")}`);
      await closedDeal(world, program, partner, { closedAt: MARCH_5, amountMinor: (100 + n) * 100 });
    }
    await closedDeal(world, program, program.acme, { closedAt: MARCH_5, amountMinor: 50_00 });
    const result = await world.services.leaderboard.show(program.ana, args());
    expect(result.top).toHaveLength(10);
    expect(result.top.some((line) => line.mine)).toBe(false);
    expect(result.caller).toMatchObject({
      name: "Acme Solutions",
      rank: 12,
      value: 50_00,
      showAmount: true,
      mine: true,
    });
  });

  it("ranks people, showing the amounts of the caller's own partner's people only", async () => {
    const program = await race();
    const result = await world.services.leaderboard.show(program.bob, args({ scope: "people" }));
    expect(result.top.map((line) => [line.userId, line.rank, line.showAmount, line.mine])).toEqual([
      ["U_BOB", 1, true, true],
      ["U_ANA", 2, false, false],
    ]);
    expect(result.goalLines).toEqual([]);
  });

  it("counts deals in a currency without a rate and flags them, never pricing them as zero", async () => {
    const program = await race();
    await closedDeal(world, program, program.acme, { closedAt: MARCH_5, amountMinor: 1_000_00, currency: "BRL" });
    const result = await world.services.leaderboard.show(program.manager, args());
    expect(result.unpriced).toBe(1);
    expect(result.unpricedCurrencies).toEqual(["BRL"]);
    expect(result.top.find((line) => line.name === "Acme Solutions")).toMatchObject({ value: 300_00, unpriced: 1 });
  });

  it("gives someone in no partner the amounts of the partner whose channel they ask from", async () => {
    const program = await race();
    await world.opened.store.partners.setHomeChannel(program.globex.id, "C_GLOBEX");
    const inChannel = await world.services.leaderboard.show(program.nobody, args(), {
      channelId: "C_GLOBEX",
      shared: true,
    });
    expect(rows(inChannel).map((row) => [row.name, row.showAmount])).toEqual([
      ["Globex", true],
      ["Acme Solutions", false],
    ]);
    const elsewhere = await world.services.leaderboard.show(program.nobody, args(), {
      channelId: "C_SALES",
      shared: false,
    });
    expect(elsewhere.top.every((line) => !line.showAmount)).toBe(true);
  });

  it("filters by region and tier and says so in the arguments", async () => {
    const program = await race();
    const apac = await extraPartner(world, program, "Initech", { region: "APAC", tier: "silver" });
    await closedDeal(world, program, apac, { closedAt: MARCH_5, amountMinor: 10_00 });
    const byRegion = await world.services.leaderboard.show(program.manager, args({ region: "apac" }));
    expect(byRegion.top.map((line) => line.name)).toEqual(["Initech"]);
    expect(byRegion.argsText).toBe("month revenue partners region:apac");
    const byTier = await world.services.leaderboard.show(program.manager, args({ tier: "gold", chart: true }));
    expect(byTier.top.map((line) => line.name)).toEqual(["Globex", "Acme Solutions"]);
    expect(byTier).toMatchObject({ tier: "gold", chart: true, argsText: "month revenue partners tier:gold chart" });
  });

  it("draws goal lines for the period: the program's and tiers' for everyone, a partner's only for those who may see it", async () => {
    const program = await race();
    const goals = world.services.goals;
    for (const owner of ["program", "tier:gold", `partner:${program.acme.id}`, `partner:${program.globex.id}`]) {
      const saved = await goals.set(program.manager, {
        owner,
        metric: "revenue",
        period: "this-month",
        target: "1,000",
      });
      expect(saved.kind).toBe("saved");
    }
    await goals.set(program.manager, { owner: "program", metric: "deals", period: "this-month", target: "9" });
    await goals.set(program.manager, { owner: "program", metric: "revenue", period: "next-month", target: "5" });
    const manager = await world.services.leaderboard.show(program.manager, args());
    expect(manager.goalLines).toEqual([
      { label: "Program goal", value: 1_000_00 },
      { label: "Gold goal", value: 1_000_00 },
      { label: "Acme Solutions goal", value: 1_000_00 },
      { label: "Globex goal", value: 1_000_00 },
    ]);
    const ana = await world.services.leaderboard.show(program.ana, args());
    expect(ana.goalLines.map((line) => line.label)).toEqual(["Program goal", "Gold goal", "Acme Solutions goal"]);
    const silver = await world.services.leaderboard.show(program.manager, args({ tier: "silver" }));
    expect(silver.goalLines.map((line) => line.label)).toEqual(["Program goal"]);
    const week = await world.services.leaderboard.show(program.manager, args({ period: { kind: "week" } }));
    expect(week.goalLines).toEqual([]);
  });

  it("posts through the outbox once per minute and arguments, for the channel's audience", async () => {
    const program = await race();
    await world.opened.store.partners.setHomeChannel(program.acme.id, "C_ACME");
    await world.services.leaderboard.post(program.manager, args(), { id: "C_ACME", shared: true });
    await world.services.leaderboard.post(program.manager, args(), { id: "C_ACME", shared: true });
    await world.services.leaderboard.post(program.manager, args(), { id: "C_INTERNAL", shared: false });
    const posts = (await outboxOf(world, program.admin.workspace.id)).filter(
      (row) => row.kind === LEADERBOARD_MESSAGE_KINDS.post,
    );
    expect(posts.map((row) => row.channelId)).toEqual(["C_ACME", "C_INTERNAL"]);
    const minute = Math.floor(world.clock.now.getTime() / 60_000);
    expect(posts[0]?.dedupeKey).toBe(
      `leaderboard:${program.admin.workspace.id}:C_ACME:U_MANAGER:month_revenue_partners:${minute}`,
    );
    const tied = JSON.parse(posts[0]?.subject ?? "{}") as Record<string, unknown>;
    expect(tied).toMatchObject({
      requestedBy: "U_MANAGER",
      channelId: "C_ACME",
      audience: { kind: "partner", partnerId: program.acme.id },
    });

    const drawn = await world.services.leaderboard.forMessage(program.admin.workspace.id, tied);
    expect(drawn && rows(drawn).map((row) => [row.name, row.showAmount])).toEqual([
      ["Globex", false],
      ["Acme Solutions", true],
    ]);
    expect(drawn?.total).toBeNull();
    const internal = JSON.parse(posts[1]?.subject ?? "{}") as Record<string, unknown>;
    const everything = await world.services.leaderboard.forMessage(program.admin.workspace.id, internal);
    expect(everything?.top.every((line) => line.showAmount)).toBe(true);

    // A minute later it is a new post.
    world.clock.now = new Date(world.clock.now.getTime() + 60_000);
    try {
      await world.services.leaderboard.post(program.manager, args(), { id: "C_ACME", shared: true });
    } finally {
      world.clock.now = new Date("2026-03-10T12:00:00Z");
    }
    const after = (await outboxOf(world, program.admin.workspace.id)).filter(
      (row) => row.kind === LEADERBOARD_MESSAGE_KINDS.post,
    );
    expect(after).toHaveLength(3);
  });

  it("hides other partners' amounts when a partner member posts, even to an internal channel", async () => {
    const program = await race();
    await world.services.leaderboard.post(program.ana, args(), { id: "C_INTERNAL", shared: false });
    const [post] = (await outboxOf(world, program.admin.workspace.id)).filter(
      (row) => row.kind === LEADERBOARD_MESSAGE_KINDS.post,
    );
    const subject = JSON.parse(post?.subject ?? "{}") as Record<string, unknown>;
    expect(subject.audience).toEqual({ kind: "partner", partnerId: null });
    const drawn = await world.services.leaderboard.forMessage(program.admin.workspace.id, subject);
    expect(drawn?.top.every((line) => !line.showAmount)).toBe(true);
  });

  it("draws nothing for a subject that is not a leaderboard", async () => {
    const program = await race();
    const workspaceId = program.admin.workspace.id;
    expect(await world.services.leaderboard.forMessage(workspaceId, { args: { metric: "profit" } })).toBeNull();
    expect(await world.services.leaderboard.forMessage(999_999, { args: args() })).toBeNull();
  });

  it("tells a partner member its company's rank this quarter on App Home, and managers nothing", async () => {
    const program = await race();
    // Acme's February lead carries the quarter: USD 1,200 against Globex's 600.
    expect(await world.services.leaderboard.homeSummary(program.ana)).toEqual({
      rank: 1,
      of: 2,
      metric: "revenue",
      periodLabel: "Q1 2026",
      value: "USD 1,200.00",
    });
    expect(await world.services.leaderboard.homeSummary(program.bob)).toMatchObject({ rank: 2, value: "USD 600.00" });
    expect(await world.services.leaderboard.homeSummary(program.manager)).toBeNull();
    expect(await world.services.leaderboard.homeSummary(program.nobody)).toBeNull();
  });
});
