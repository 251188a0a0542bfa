import { describe, expect, it } from "vitest";
import { countByMonth, isRecordMonth, monthKey } from "../../../src/domain/recognition/milestones";

const months = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("record month", () => {
  it("is a month with more won deals than every earlier one, after at least two earlier months with wins", () => {
    expect(isRecordMonth(months({ "2026-01": 2, "2026-02": 1, "2026-03": 3 }), "2026-03")).toBe(true);
    // A tie is no record.
    expect(isRecordMonth(months({ "2026-01": 3, "2026-02": 1, "2026-03": 3 }), "2026-03")).toBe(false);
    // One earlier month is not enough history: a second month always beats a first.
    expect(isRecordMonth(months({ "2026-02": 1, "2026-03": 5 }), "2026-03")).toBe(false);
    expect(isRecordMonth(months({ "2026-03": 1 }), "2026-03")).toBe(false);
  });

  it("ignores later months (a deal closed with a later date)", () => {
    expect(isRecordMonth(months({ "2026-01": 1, "2026-02": 1, "2026-03": 2, "2026-04": 9 }), "2026-03")).toBe(true);
  });

  it("counts deals by the month they closed in the program's time zone", () => {
    // 23:30 UTC on 31 January is already February in Berlin.
    expect(monthKey(new Date("2026-01-31T23:30:00Z"), "Europe/Berlin")).toBe("2026-02");
    expect(monthKey(new Date("2026-01-31T23:30:00Z"), "America/New_York")).toBe("2026-01");
    expect(
      countByMonth(
        [new Date("2026-01-31T23:30:00Z"), new Date("2026-02-10T10:00:00Z"), new Date("2026-01-02T10:00:00Z")],
        "Europe/Berlin",
      ),
    ).toEqual(months({ "2026-02": 2, "2026-01": 1 }));
  });
});
