import { describe, expect, it } from "vitest";
import { goalPeriod, parsePeriod, resolvePeriod } from "../../../src/domain/leaderboard/periods";
import { isDomainError } from "../../../src/domain/shared/domain-error";
import { dayOf, startOfDay } from "../../../src/domain/shared/zoned-time";

const HOUR = 3_600_000;
const hours = (p: { start: Date | null; end: Date }) => (p.end.getTime() - (p.start?.getTime() ?? 0)) / HOUR;

function refusal(word: string): string {
  try {
    parsePeriod(word);
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return "accepted";
}

describe("parsePeriod", () => {
  it("reads every named period, in any case, and leaves other words alone", () => {
    for (const word of ["week", "last-week", "month", "last-month", "quarter", "year", "all"]) {
      expect(parsePeriod(word)).toEqual({ kind: word });
    }
    expect(parsePeriod("MONTH")).toEqual({ kind: "month" });
    expect(parsePeriod("last_week")).toEqual({ kind: "last-week" });
    expect(parsePeriod("revenue")).toBeNull();
    expect(parsePeriod("2026")).toBeNull();
  });

  it("reads an inclusive range of days and refuses bad ones with a reason", () => {
    expect(parsePeriod("2026-01-01..2026-03-31")).toEqual({ kind: "range", first: "2026-01-01", last: "2026-03-31" });
    expect(parsePeriod("2026-02-01..2026-02-01")).toEqual({ kind: "range", first: "2026-02-01", last: "2026-02-01" });
    expect(refusal("2026-02-30..2026-03-01")).toBe("leaderboard_range_invalid");
    expect(refusal("2026-1-1..2026-03-01")).toBe("leaderboard_range_invalid");
    expect(refusal("2026-01-01..")).toBe("leaderboard_range_invalid");
    expect(refusal("2026-03-01..2026-01-01")).toBe("leaderboard_range_reversed");
    expect(refusal("2016-01-01..2026-12-31")).toBe("leaderboard_range_too_long");
  });
});

describe("resolvePeriod", () => {
  const now = new Date("2026-11-26T15:00:00Z"); // a Thursday

  it("computes this week from the workspace's week start, in its zone", () => {
    const week = resolvePeriod({ kind: "week" }, now, "UTC", 1);
    expect(week.key).toBe("week:2026-11-23");
    expect(week.label).toBe("Week of Nov 23, 2026");
    expect(week.start?.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(week.previous?.start.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(week.previous?.end.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    const sunday = resolvePeriod({ kind: "week" }, now, "UTC", 0);
    expect(sunday.firstDay).toBe("2026-11-22");
    const sundayAsSeven = resolvePeriod({ kind: "week" }, now, "UTC", 7);
    expect(sundayAsSeven.firstDay).toBe("2026-11-22");
  });

  it("puts the same instant in different weeks and days depending on the zone", () => {
    const sundayNightUtc = new Date("2026-11-29T23:30:00Z");
    expect(resolvePeriod({ kind: "week" }, sundayNightUtc, "UTC", 1).firstDay).toBe("2026-11-23");
    const tokyo = resolvePeriod({ kind: "week" }, sundayNightUtc, "Asia/Tokyo", 1);
    expect(tokyo.firstDay).toBe("2026-11-30");
    expect(tokyo.start?.toISOString()).toBe("2026-11-29T15:00:00.000Z");
    const honolulu = resolvePeriod({ kind: "month" }, new Date("2026-12-01T05:00:00Z"), "Pacific/Honolulu", 1);
    expect(honolulu.key).toBe("month:2026-11");
    expect(honolulu.start?.toISOString()).toBe("2026-11-01T10:00:00.000Z");
    expect(honolulu.end.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    const kathmandu = resolvePeriod({ kind: "month" }, now, "Asia/Kathmandu", 1);
    expect(kathmandu.start?.toISOString()).toBe("2026-10-31T18:15:00.000Z");
  });

  it("makes a week holding a DST change 167 or 169 hours long", () => {
    const spring = resolvePeriod({ kind: "week" }, new Date("2026-03-10T12:00:00Z"), "America/New_York", 1);
    expect(spring.firstDay).toBe("2026-03-09");
    const springBack = resolvePeriod({ kind: "last-week" }, new Date("2026-03-10T12:00:00Z"), "America/New_York", 1);
    expect(springBack.firstDay).toBe("2026-03-02");
    expect(hours({ start: springBack.start, end: springBack.end })).toBe(167);
    expect(springBack.end.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    const autumn = resolvePeriod({ kind: "week" }, new Date("2026-10-28T12:00:00Z"), "Europe/Berlin", 1);
    expect(autumn.firstDay).toBe("2026-10-26");
    expect(hours(autumn)).toBe(168);
    const autumnWeek = resolvePeriod({ kind: "last-week" }, new Date("2026-10-28T12:00:00Z"), "Europe/Berlin", 1);
    expect(hours(autumnWeek)).toBe(169);
    expect(autumnWeek.start?.toISOString()).toBe("2026-10-18T22:00:00.000Z");
    expect(autumnWeek.end.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(hours(autumnWeek.previous as { start: Date; end: Date })).toBe(168);
    const sydney = resolvePeriod({ kind: "last-week" }, new Date("2026-10-06T00:00:00Z"), "Australia/Sydney", 1);
    expect(sydney.firstDay).toBe("2026-09-28");
    expect(hours(sydney)).toBe(167);
  });

  it("begins a day whose midnight a clock change skips at the change itself", () => {
    // Santiago moves its clocks from 00:00 to 01:00 on the first Sunday of September 2026.
    const start = startOfDay("2026-09-06", "America/Santiago");
    expect(dayOf(start, "America/Santiago")).toBe("2026-09-06");
    expect(dayOf(new Date(start.getTime() - 1), "America/Santiago")).toBe("2026-09-05");
    expect(start.toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("handles month, quarter and year edges, including leap days", () => {
    const lastDay = new Date("2026-12-31T23:59:59Z");
    expect(resolvePeriod({ kind: "month" }, lastDay, "UTC", 1).key).toBe("month:2026-12");
    expect(resolvePeriod({ kind: "quarter" }, lastDay, "UTC", 1).key).toBe("quarter:2026-Q4");
    const year = resolvePeriod({ kind: "year" }, lastDay, "UTC", 1);
    expect(year.key).toBe("year:2026");
    expect(year.end.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(year.previous?.start.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    // One second later UTC is still 2026 in New York.
    const ny = resolvePeriod({ kind: "year" }, new Date("2027-01-01T00:00:01Z"), "America/New_York", 1);
    expect(ny.key).toBe("year:2026");
    const january = resolvePeriod({ kind: "last-month" }, new Date("2027-01-15T12:00:00Z"), "UTC", 1);
    expect(january.key).toBe("month:2026-12");
    expect(january.label).toBe("December 2026");
    expect(january.previous?.start.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    const march = resolvePeriod({ kind: "month" }, new Date("2028-03-10T00:00:00Z"), "UTC", 1);
    expect(hours(march.previous as { start: Date; end: Date })).toBe(29 * 24);
    const q1 = resolvePeriod({ kind: "quarter" }, new Date("2026-01-01T00:00:00Z"), "UTC", 1);
    expect(q1.key).toBe("quarter:2026-Q1");
    expect(q1.label).toBe("Q1 2026");
    expect(q1.previous?.start.toISOString()).toBe("2025-10-01T00:00:00.000Z");
    const q3 = resolvePeriod({ kind: "quarter" }, new Date("2026-09-30T12:00:00Z"), "UTC", 1);
    expect([q3.firstDay, q3.endDay]).toEqual(["2026-07-01", "2026-10-01"]);
  });

  it("crosses a year boundary for last week", () => {
    const lastWeek = resolvePeriod({ kind: "last-week" }, new Date("2027-01-02T12:00:00Z"), "UTC", 1);
    expect(lastWeek.firstDay).toBe("2026-12-21");
    expect(lastWeek.previous?.start.toISOString()).toBe("2026-12-14T00:00:00.000Z");
  });

  it("resolves a range to its days in the zone, with the same number of days before it as previous", () => {
    const range = resolvePeriod(
      { kind: "range", first: "2026-01-01", last: "2026-03-31" },
      now,
      "America/Los_Angeles",
      1,
    );
    expect(range.key).toBe("range:2026-01-01..2026-03-31");
    expect(range.label).toBe("Jan 1, 2026 – Mar 31, 2026");
    expect(range.start?.toISOString()).toBe("2026-01-01T08:00:00.000Z");
    expect(range.end.toISOString()).toBe("2026-04-01T07:00:00.000Z");
    expect(range.endDay).toBe("2026-04-01");
    expect(range.previous?.end.toISOString()).toBe("2026-01-01T08:00:00.000Z");
    expect(range.previous?.start.toISOString()).toBe("2025-10-03T07:00:00.000Z");
    const oneDay = resolvePeriod({ kind: "range", first: "2026-02-01", last: "2026-02-01" }, now, "UTC", 1);
    expect(oneDay.label).toBe("Feb 1, 2026");
    expect(oneDay.previous?.start.toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });

  it("has no start and no previous period for all time", () => {
    const all = resolvePeriod({ kind: "all" }, now, "Asia/Tokyo", 1);
    expect(all).toMatchObject({ key: "all", label: "All time", start: null, firstDay: null, previous: null });
    // 15:00 UTC is already midnight of the 27th in Tokyo: all time runs to the end of that day.
    expect(all.end.toISOString()).toBe("2026-11-27T15:00:00.000Z");
  });

  it("gives a goal's period from its first day", () => {
    const goal = goalPeriod("quarter", "2026-10-01", "Europe/Berlin", 1);
    expect(goal.key).toBe("quarter:2026-Q4");
    expect(goal.start?.toISOString()).toBe("2026-09-30T22:00:00.000Z");
    expect(goal.end.toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });
});
