import { describe, expect, it } from "vitest";
import {
  change,
  daysBetween,
  goalAttainment,
  lastQuarters,
  MAX_REVIEW_NOTES,
  median,
  medianDaysToClose,
  previousQuarter,
  quarterOf,
  validateReview,
} from "../../../src/domain/program/scorecard";
import { errorOf } from "../../support/domain-error";

const iso = (q: { key: string; label: string; start: Date; end: Date }) => ({
  key: q.key,
  label: q.label,
  start: q.start.toISOString(),
  end: q.end.toISOString(),
});

describe("quarterOf", () => {
  it.each([
    ["2026-11-30T12:00:00Z", "UTC", "2026-Q4", "Q4 2026", "2026-10-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["2026-01-01T00:00:00Z", "UTC", "2026-Q1", "Q1 2026", "2026-01-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
    ["2026-06-30T23:59:59Z", "UTC", "2026-Q2", "Q2 2026", "2026-04-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z"],
    // Already the new year in Auckland (NZDT, +13).
    [
      "2026-12-31T11:30:00Z",
      "Pacific/Auckland",
      "2027-Q1",
      "Q1 2027",
      "2026-12-31T11:00:00.000Z",
      "2027-03-31T11:00:00.000Z",
    ],
    // Still the old year in Los Angeles; the quarter began in PDT (−7) and ends in PST (−8).
    [
      "2027-01-01T07:59:00Z",
      "America/Los_Angeles",
      "2026-Q4",
      "Q4 2026",
      "2026-10-01T07:00:00.000Z",
      "2027-01-01T08:00:00.000Z",
    ],
    [
      "2027-01-01T08:00:00Z",
      "America/Los_Angeles",
      "2027-Q1",
      "Q1 2027",
      "2027-01-01T08:00:00.000Z",
      "2027-04-01T07:00:00.000Z",
    ],
    // Auckland Q2 starts in NZDT (DST ends on Apr 4, 2027) and ends in NZST (+12).
    [
      "2027-05-10T00:00:00Z",
      "Pacific/Auckland",
      "2027-Q2",
      "Q2 2027",
      "2027-03-31T11:00:00.000Z",
      "2027-06-30T12:00:00.000Z",
    ],
  ])("%s in %s is %s", (instant, zone, key, label, start, end) => {
    expect(iso(quarterOf(new Date(instant), zone))).toEqual({ key, label, start, end });
  });
});

describe("previousQuarter", () => {
  it("steps back across a year end", () => {
    const q1 = quarterOf(new Date("2027-02-15T12:00:00Z"), "Pacific/Auckland");
    expect(iso(previousQuarter(q1, "Pacific/Auckland"))).toEqual({
      key: "2026-Q4",
      label: "Q4 2026",
      start: "2026-09-30T11:00:00.000Z",
      end: "2026-12-31T11:00:00.000Z",
    });
  });

  it("ends where the quarter starts", () => {
    for (const zone of ["UTC", "America/Los_Angeles", "Pacific/Auckland"]) {
      let quarter = quarterOf(new Date("2026-11-30T12:00:00Z"), zone);
      for (let i = 0; i < 8; i++) {
        const previous = previousQuarter(quarter, zone);
        expect(previous.end).toEqual(quarter.start);
        quarter = previous;
      }
      expect(quarter.key).toBe("2024-Q4");
    }
  });
});

describe("lastQuarters", () => {
  it("lists the last n quarters, oldest first, ending with the current one", () => {
    expect(lastQuarters(new Date("2027-02-15T12:00:00Z"), "UTC", 4).map((q) => q.key)).toEqual([
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
    ]);
    expect(lastQuarters(new Date("2027-02-15T12:00:00Z"), "UTC", 1).map((q) => q.label)).toEqual(["Q1 2027"]);
    expect(lastQuarters(new Date("2027-02-15T12:00:00Z"), "UTC", 0)).toEqual([]);
  });

  it("follows the zone's calendar on the night of a year end", () => {
    const instant = new Date("2026-12-31T20:00:00Z");
    expect(lastQuarters(instant, "Pacific/Auckland", 2).map((q) => q.key)).toEqual(["2026-Q4", "2027-Q1"]);
    expect(lastQuarters(instant, "America/Los_Angeles", 2).map((q) => q.key)).toEqual(["2026-Q3", "2026-Q4"]);
  });
});

describe("median", () => {
  it.each([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 2], 6],
    [[5, 5, 1, 9, 5], 5],
    [[-1, 1], 0],
  ])("%j → %j", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it("does not reorder the caller's list", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("days to close", () => {
  it("counts elapsed days, fractions included", () => {
    expect(daysBetween(new Date("2026-11-01T00:00:00Z"), new Date("2026-11-02T12:00:00Z"))).toBe(1.5);
    expect(daysBetween(new Date("2026-11-02T00:00:00Z"), new Date("2026-11-01T00:00:00Z"))).toBe(-1);
  });

  it("takes the median over won deals, one decimal, null without any", () => {
    const deal = (created: string, closed: string) => ({ createdAt: new Date(created), closedAt: new Date(closed) });
    expect(medianDaysToClose([])).toBeNull();
    expect(
      medianDaysToClose([
        deal("2026-10-01T00:00:00Z", "2026-10-11T00:00:00Z"), // 10
        deal("2026-10-01T00:00:00Z", "2026-10-04T08:00:00Z"), // 3.333…
      ]),
    ).toBe(6.7);
  });
});

describe("change", () => {
  it.each([
    [10, 5, 5, "up"],
    [5, 10, -5, "down"],
    [5, 5, 0, "same"],
    [0, 0, 0, "same"],
    [3, 0, 3, "up"],
    [0.3, 0.1, 0.2, "up"],
    [0.1 + 0.2, 0.3, 0, "same"],
  ])("%j vs %j: %j %s", (current, previous, delta, direction) => {
    expect(change(current, previous)).toEqual({ delta, direction });
  });

  it("is new when the previous quarter had no figure, and shows nothing without a current one", () => {
    expect(change(0.4, null)).toEqual({ delta: null, direction: "new" });
    expect(change(null, 0.4)).toEqual({ delta: null, direction: "same" });
    expect(change(null, null)).toEqual({ delta: null, direction: "same" });
  });
});

describe("goalAttainment", () => {
  it("is the mean, each goal capped at 100 %", () => {
    expect(
      goalAttainment([
        { actual: 50, target: 100 },
        { actual: 300, target: 100 },
      ]),
    ).toBe(0.75);
    expect(goalAttainment([{ actual: 100, target: 100 }])).toBe(1);
    expect(goalAttainment([{ actual: 0, target: 5 }])).toBe(0);
  });

  it("is null without goals, and skips goals without a positive target", () => {
    expect(goalAttainment([])).toBeNull();
    expect(goalAttainment([{ actual: 3, target: 0 }])).toBeNull();
    expect(
      goalAttainment([
        { actual: 3, target: 0 },
        { actual: 1, target: 4 },
      ]),
    ).toBe(0.25);
  });

  it("does not go below 0 for a negative actual", () => {
    expect(goalAttainment([{ actual: -10, target: 5 }])).toBe(0);
  });
});

describe("validateReview", () => {
  it("keeps ratings 1–5 on the review dimensions and trims the notes", () => {
    expect(
      validateReview({
        ratings: { engagement: 5, pipeline_quality: 1, enablement: null, legacy: 3 },
        notes: "  Strong quarter.\nKeep going. ",
      }),
    ).toEqual({ ratings: { engagement: 5, pipeline_quality: 1 }, notes: "Strong quarter.\nKeep going." });
  });

  it("accepts a review with nothing rated and no notes", () => {
    expect(validateReview({ ratings: {}, notes: "   " })).toEqual({ ratings: {}, notes: null });
    expect(validateReview({ ratings: {}, notes: null })).toEqual({ ratings: {}, notes: null });
  });

  it.each([0, 6, 2.5, -1, Number.NaN])("refuses rating %j", (rating) => {
    expect(errorOf(() => validateReview({ ratings: { collaboration: rating }, notes: null })).problem).toEqual({
      code: "review_rating_invalid",
      params: { min: 1, max: 5 },
    });
  });

  it("accepts notes of the maximum length and refuses longer ones", () => {
    expect(MAX_REVIEW_NOTES).toBe(1000);
    expect(validateReview({ ratings: {}, notes: "n".repeat(MAX_REVIEW_NOTES) }).notes).toHaveLength(MAX_REVIEW_NOTES);
    expect(errorOf(() => validateReview({ ratings: {}, notes: "n".repeat(MAX_REVIEW_NOTES + 1) })).problem).toEqual({
      code: "review_notes_too_long",
      params: { max: MAX_REVIEW_NOTES },
    });
  });
});
