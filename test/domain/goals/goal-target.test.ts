import { describe, expect, it } from "vitest";
import { goalPeriodOf } from "../../../src/domain/goals/goal-period";
import { parseGoalTarget, targetInValueUnit } from "../../../src/domain/goals/goal-target";

describe("goal targets as managers type them", () => {
  it("reads money in the reporting currency's minor units", () => {
    expect(parseGoalTarget("revenue", "25,000", "EUR")).toEqual({ ok: true, target: 2_500_000 });
    expect(parseGoalTarget("pipeline", "1200.50", "USD")).toEqual({ ok: true, target: 120_050 });
    expect(parseGoalTarget("revenue", "500", "JPY")).toEqual({ ok: true, target: 500 });
    expect(parseGoalTarget("revenue", "lots", "EUR")).toEqual({
      ok: false,
      problem: { code: "goal_target_invalid", params: { text: "lots", kind: "amount", currency: "EUR" } },
    });
  });

  it("reads counts as whole numbers above zero", () => {
    expect(parseGoalTarget("deals", "12", "EUR")).toEqual({ ok: true, target: 12 });
    expect(parseGoalTarget("registrations", "1,500", "EUR")).toEqual({ ok: true, target: 1500 });
    for (const text of ["0", "2.5", "-3", "", "ten"]) {
      expect(parseGoalTarget("kudos", text, "EUR").ok, text).toBe(false);
    }
  });

  it("reads a win rate as a percentage, stored in basis points", () => {
    expect(parseGoalTarget("winrate", "40", "EUR")).toEqual({ ok: true, target: 4000 });
    expect(parseGoalTarget("winrate", "42.5 %", "EUR")).toEqual({ ok: true, target: 4250 });
    expect(parseGoalTarget("winrate", "100%", "EUR")).toEqual({ ok: true, target: 10_000 });
    for (const text of ["0", "101", "abc", "0.5.5"]) {
      expect(parseGoalTarget("winrate", text, "EUR").ok, text).toBe(false);
    }
    expect(targetInValueUnit("winrate", 4250)).toBe(0.425);
    expect(targetInValueUnit("revenue", 4250)).toBe(4250);
  });
});

describe("goal periods offered by the modal", () => {
  const now = new Date("2026-03-31T23:30:00Z");
  it("starts this and next period on the program's local calendar", () => {
    // 23:30 UTC on March 31 is already April 1 in Berlin: its quarter is Q2.
    expect(goalPeriodOf("this-quarter", now, "Europe/Berlin", 1)).toEqual({
      period: "quarter",
      periodStart: "2026-04-01",
    });
    expect(goalPeriodOf("this-quarter", now, "UTC", 1)).toEqual({ period: "quarter", periodStart: "2026-01-01" });
    expect(goalPeriodOf("next-month", now, "UTC", 1)).toEqual({ period: "month", periodStart: "2026-04-01" });
    expect(goalPeriodOf("this-week", now, "UTC", 1)).toEqual({ period: "week", periodStart: "2026-03-30" });
    expect(goalPeriodOf("next-week", now, "UTC", 0)).toEqual({ period: "week", periodStart: "2026-04-05" });
    expect(goalPeriodOf("next-year", now, "UTC", 1)).toEqual({ period: "year", periodStart: "2027-01-01" });
  });
});
