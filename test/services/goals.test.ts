import { describe, expect, it } from "vitest";
import { outboxOf, refusal, useDealWorld } from "./deal-fixtures";
import { closedDeal, extraPartner } from "./leaderboard-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";

// The clock stands on Tuesday 2026-03-10, 12:00 UTC: day 10 of March's 31, 22 days left including today.
const MARCH_5 = new Date("2026-03-05T10:00:00Z");

async function auditOf(workspaceId: number, action: string) {
  const entries = await world.opened.db.auditEntry.findMany({ where: { workspaceId, action }, orderBy: { id: "asc" } });
  return entries.map((entry) => ({
    actor: entry.actor,
    target: entry.target,
    data: JSON.parse(entry.data) as unknown,
  }));
}

describe(`goal services (${DB})`, () => {
  it("offers managers the partners, the tiers and the reporting currency, and refuses members", async () => {
    const program = await world.program();
    const form = await world.services.goals.form(program.manager);
    expect(form.partners.map((partner) => partner.name)).toEqual(["Acme Solutions", "Globex"]);
    expect(form.tiers).toEqual(["registered", "silver", "gold", "platinum"]);
    expect(form.reportingCurrency).toBe("USD");
    expect(await refusal(() => world.services.goals.form(program.ana))).toMatchObject({
      code: "forbidden",
      params: { action: "manage_goals" },
    });
  });

  it("says what is wrong with each field, and saves nothing", async () => {
    const program = await world.program();
    const result = await world.services.goals.set(program.manager, {
      owner: "partner:999999",
      metric: "profit",
      period: "last-month",
      target: "12",
    });
    expect(result).toEqual({
      kind: "invalid",
      errors: {
        owner: { code: "partner_gone" },
        metric: { code: "goal_metric_invalid", params: { text: "profit" } },
        period: { code: "goal_period_invalid", params: { text: "last-month" } },
      },
    });
    const target = await world.services.goals.set(program.manager, {
      owner: "tier:diamond",
      metric: "revenue",
      period: "this-month",
      target: "a lot",
    });
    expect(target).toEqual({
      kind: "invalid",
      errors: {
        owner: { code: "goal_owner_invalid" },
        target: { code: "goal_target_invalid", params: { text: "a lot", kind: "amount", currency: "USD" } },
      },
    });
    expect(await world.opened.store.goals.list({ workspaceId: program.admin.workspace.id })).toEqual([]);
    expect(
      await refusal(() =>
        world.services.goals.set(program.ana, { owner: "program", metric: "deals", period: "this-month", target: "3" }),
      ),
    ).toMatchObject({ code: "forbidden" });
  });

  it("saves a goal for the period asked, in the reporting currency, audited; setting it again changes its target", async () => {
    const program = await world.program();
    const input = { owner: `partner:${program.acme.id}`, metric: "revenue", period: "next-quarter", target: "25,000" };
    const first = await world.services.goals.set(program.manager, input);
    if (first.kind !== "saved") throw new Error("not saved");
    expect(first.goal).toMatchObject({
      partnerId: program.acme.id,
      tier: null,
      metric: "revenue",
      period: "quarter",
      periodStart: "2026-04-01",
      target: 2_500_000,
      currency: "USD",
      createdBy: "U_MANAGER",
    });
    const again = await world.services.goals.set(program.manager, { ...input, target: "30,000" });
    expect(again.kind === "saved" && again.goal).toMatchObject({ id: first.goal.id, target: 3_000_000 });
    const winrate = await world.services.goals.set(program.manager, {
      owner: "tier:gold",
      metric: "winrate",
      period: "this-month",
      target: "40 %",
    });
    expect(winrate.kind === "saved" && winrate.goal).toMatchObject({ tier: "gold", target: 4000, currency: null });
    const audit = await auditOf(program.admin.workspace.id, "goal.set");
    expect(audit).toHaveLength(3);
    expect(audit[1]).toMatchObject({ actor: "U_MANAGER", target: String(first.goal.id), data: { target: 3_000_000 } });
  });

  it("shows a member its company's goals: its own, its tier's and the program's, with progress and pace", async () => {
    const program = await world.program();
    await closedDeal(world, program, program.acme, { closedAt: MARCH_5, amountMinor: 100_00 });
    await closedDeal(world, program, program.globex, { closedAt: MARCH_5, amountMinor: 900_00 });
    const set = (owner: string, metric: string, target: string, period = "this-month") =>
      world.services.goals.set(program.manager, { owner, metric, period, target });
    await set(`partner:${program.acme.id}`, "revenue", "1,000");
    await set(`partner:${program.globex.id}`, "revenue", "1,000");
    await set("tier:gold", "deals", "2");
    await set("tier:silver", "deals", "2");
    await set("program", "revenue", "2,000", "this-quarter");
    await set("program", "revenue", "1", "next-year");

    const lines = await world.services.goals.progress(program.ana);
    expect(
      lines.map((line) => [
        line.ownerLabel,
        line.partnerName,
        line.periodLabel,
        line.display.actual,
        line.display.target,
      ]),
    ).toEqual([
      ["Program", null, "Q1 2026", "USD 1,000.00", "USD 2,000.00"],
      ["Acme Solutions", "Acme Solutions", "March 2026", "USD 100.00", "USD 1,000.00"],
      ["All Gold partners", "Acme Solutions", "March 2026", "1", "2"],
      ["Program", null, "2027", "USD 0.00", "USD 1.00"],
    ]);
    const acme = lines[1];
    expect(acme?.actual).toBe(100_00);
    // 9.5 of March's 31 days are gone: USD 306 expected by now, 206 behind is more than a tenth of the target.
    expect(acme?.progress).toMatchObject({ percent: 10, status: "at_risk", daysLeft: 22 });
    expect(acme?.progress.neededPerDay).toBeCloseTo(900_00 / 22);
    expect(lines[2]?.progress).toMatchObject({ percent: 50, status: "on_pace" });
    expect(lines[3]?.progress).toMatchObject({ percent: 0, status: "on_pace" });

    expect(await world.services.goals.progress(program.nobody)).toEqual([]);
  });

  it("shows managers every goal, a tier goal once per partner of the tier, or one partner's goals", async () => {
    const program = await world.program();
    const silver = await extraPartner(world, program, "Initech", { tier: "silver" });
    await closedDeal(world, program, program.globex, { closedAt: MARCH_5 });
    await closedDeal(world, program, program.globex, { closedAt: MARCH_5 });
    await world.services.goals.set(program.manager, {
      owner: "tier:gold",
      metric: "deals",
      period: "this-month",
      target: "2",
    });
    await world.services.goals.set(program.manager, {
      owner: `partner:${silver.id}`,
      metric: "deals",
      period: "this-month",
      target: "5",
    });
    const all = await world.services.goals.progress(program.manager);
    expect(all.map((line) => [line.ownerLabel, line.partnerName, line.actual, line.progress.status])).toEqual([
      ["Initech", "Initech", 0, "at_risk"],
      ["All Gold partners", "Acme Solutions", 0, "at_risk"],
      ["All Gold partners", "Globex", 2, "reached"],
    ]);
    const initech = await world.services.goals.progress(program.manager, { partnerId: silver.id });
    expect(initech.map((line) => line.ownerLabel)).toEqual(["Initech"]);
    // A member cannot look at another partner's goals.
    const ana = await world.services.goals.progress(program.ana, { partnerId: silver.id });
    expect(ana.map((line) => line.partnerName)).toEqual(["Acme Solutions"]);
  });

  it("removes a goal for managers only, audited, and says when it is not there", async () => {
    const program = await world.program();
    const saved = await world.services.goals.set(program.manager, {
      owner: "program",
      metric: "kudos",
      period: "this-week",
      target: "10",
    });
    if (saved.kind !== "saved") throw new Error("not saved");
    expect(await refusal(() => world.services.goals.remove(program.ana, saved.goal.id))).toMatchObject({
      code: "forbidden",
    });
    await world.services.goals.remove(program.manager, saved.goal.id);
    expect(await world.services.goals.progress(program.manager)).toEqual([]);
    expect(await refusal(() => world.services.goals.remove(program.manager, saved.goal.id))).toEqual({
      code: "goal_not_found",
      params: { id: saved.goal.id },
    });
    const audit = await auditOf(program.admin.workspace.id, "goal.remove");
    expect(audit).toEqual([
      expect.objectContaining({
        actor: "U_MANAGER",
        target: String(saved.goal.id),
        data: expect.objectContaining({ metric: "kudos" }),
      }),
    ]);
    expect(await outboxOf(world, program.admin.workspace.id)).toEqual([]);
  });
});
