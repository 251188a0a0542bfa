import { describe, expect, it } from "vitest";
import type { LeaderboardArgs } from "../../src/domain/leaderboard/metrics";
import { refusal, useDealWorld } from "./deal-fixtures";
import { closedDeal } from "./leaderboard-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";

const MONTH: LeaderboardArgs = { period: { kind: "month" }, metric: "revenue", scope: "partners", chart: false };

describe(`exchange rate services (${DB})`, () => {
  it("sets a rate from today in the program's zone by default, audited, and prices the leaderboard with it", async () => {
    const program = await world.program();
    // 2026-03-10 12:00 UTC is already March 11 in Auckland (UTC+13).
    await world.services.settings.change(program.admin, "timezone", "Pacific/Auckland");
    const admin = await program.actor(program.admin.userId);
    await closedDeal(world, program, program.acme, {
      closedAt: new Date("2026-03-11T03:00:00Z"),
      amountMinor: 100_00,
      currency: "EUR",
    });
    const before = await world.services.leaderboard.show(admin, MONTH);
    expect(before.unpricedCurrencies).toEqual(["EUR"]);

    const set = await world.services.rates.set(admin, { currency: "eur", rate: "1,08" });
    expect(set).toEqual({ currency: "EUR", rate: "1.08", validFrom: new Date("2026-03-11T00:00:00Z") });
    const after = await world.services.leaderboard.show(admin, MONTH);
    expect(after.top[0]).toMatchObject({ name: "Acme Solutions", value: 108_00, unpriced: 0 });

    const audit = await world.opened.db.auditEntry.findMany({
      where: { workspaceId: admin.workspace.id, action: "exchange_rate.set" },
    });
    expect(audit.map((entry) => [entry.actor, entry.target, JSON.parse(entry.data)])).toEqual([
      [admin.userId, "EUR", { rate: "1.08", validFrom: "2026-03-11", previous: null }],
    ]);
  });

  it("lists the rate valid today for each currency, or the first one of a currency whose rates start later", async () => {
    const program = await world.program();
    const rates = world.services.rates;
    await rates.set(program.admin, { currency: "EUR", rate: "1.05", date: "2026-01-01" });
    await rates.set(program.admin, { currency: "EUR", rate: "1.10", date: "2026-03-10" });
    await rates.set(program.admin, { currency: "EUR", rate: "1.20", date: "2026-04-01" });
    await rates.set(program.admin, { currency: "GBP", rate: "1.30", date: "2026-05-01" });
    // The same day again replaces that day's rate.
    await rates.set(program.admin, { currency: "EUR", rate: "1.09", date: "2026-03-10" });
    const listed = await rates.list(program.ana);
    expect(listed).toEqual({
      reportingCurrency: "USD",
      rates: [
        { currency: "EUR", rate: "1.09", validFrom: new Date("2026-03-10T00:00:00Z"), updatedBy: program.admin.userId },
        { currency: "GBP", rate: "1.3", validFrom: new Date("2026-05-01T00:00:00Z"), updatedBy: program.admin.userId },
      ],
    });
  });

  it("refuses non-admins, the reporting currency, unknown currencies, bad rates and bad days", async () => {
    const program = await world.program();
    const rates = world.services.rates;
    expect(await refusal(() => rates.set(program.manager, { currency: "EUR", rate: "1.08" }))).toEqual({
      code: "forbidden",
      params: { action: "set_exchange_rates" },
    });
    expect(await refusal(() => rates.set(program.admin, { currency: "usd", rate: "1" }))).toEqual({
      code: "exchange_rate_reporting",
      params: { currency: "USD" },
    });
    expect(await refusal(() => rates.set(program.admin, { currency: "EURO", rate: "1" }))).toMatchObject({
      code: "currency_invalid",
    });
    expect(await refusal(() => rates.set(program.admin, { currency: "EUR", rate: "-1" }))).toMatchObject({
      code: "exchange_rate_invalid",
    });
    expect(await refusal(() => rates.set(program.admin, { currency: "EUR", rate: "1.1", date: "2026-02-30" }))).toEqual(
      {
        code: "exchange_rate_date_invalid",
        params: { text: "2026-02-30" },
      },
    );
    expect((await rates.list(program.admin)).rates).toEqual([]);
  });
});
