import { describe, expect, it } from "vitest";
import {
  allowanceDay,
  allowanceLeft,
  checkAllowance,
  giverTimeZone,
  MAX_SHOUTOUT_ALLOWANCE,
  parseAllowance,
} from "../../../src/domain/recognition/allowance";
import { errorOf } from "../../support/domain-error";

describe("allowanceDay", () => {
  it("runs from the giver's local midnight to the next one, not UTC's", () => {
    // 23:30 UTC on 10 March is already 11 March in Tokyo (UTC+9).
    expect(allowanceDay(new Date("2026-03-10T23:30:00Z"), "Asia/Tokyo")).toEqual({
      since: new Date("2026-03-10T15:00:00Z"),
      resetsAt: new Date("2026-03-11T15:00:00Z"),
    });
    // ...and still 10 March in Los Angeles (UTC-7 after the March change).
    expect(allowanceDay(new Date("2026-03-10T23:30:00Z"), "America/Los_Angeles")).toEqual({
      since: new Date("2026-03-10T07:00:00Z"),
      resetsAt: new Date("2026-03-11T07:00:00Z"),
    });
  });

  it("crosses midnight in another zone: a minute later is a new day there", () => {
    const before = allowanceDay(new Date("2026-06-01T21:59:00Z"), "Europe/Berlin");
    const after = allowanceDay(new Date("2026-06-01T22:00:00Z"), "Europe/Berlin");
    expect(before.resetsAt).toEqual(new Date("2026-06-01T22:00:00Z"));
    expect(after.since).toEqual(before.resetsAt);
    expect(after.resetsAt).toEqual(new Date("2026-06-02T22:00:00Z"));
  });

  it("has 23 hours on the day clocks spring forward and 25 on the day they fall back", () => {
    const spring = allowanceDay(new Date("2026-03-29T12:00:00Z"), "Europe/Berlin");
    expect(spring).toEqual({ since: new Date("2026-03-28T23:00:00Z"), resetsAt: new Date("2026-03-29T22:00:00Z") });
    const autumn = allowanceDay(new Date("2026-10-25T12:00:00Z"), "Europe/Berlin");
    expect(autumn).toEqual({ since: new Date("2026-10-24T22:00:00Z"), resetsAt: new Date("2026-10-25T23:00:00Z") });
    const usSpring = allowanceDay(new Date("2026-03-08T18:00:00Z"), "America/New_York");
    expect(usSpring.resetsAt.getTime() - usSpring.since.getTime()).toBe(23 * 3_600_000);
  });

  it("starts the day at the first minute that exists where clocks skip midnight", () => {
    // Santiago moves from 00:00 -04 to 01:00 -03 on 6 September 2026: that day starts at 01:00 local.
    const skipped = allowanceDay(new Date("2026-09-06T15:00:00Z"), "America/Santiago");
    expect(skipped.since).toEqual(new Date("2026-09-06T04:00:00Z"));
    expect(skipped.resetsAt).toEqual(new Date("2026-09-07T03:00:00Z"));
    // It falls back from 00:00 -03 to 23:00 -04 on 5 April 2026: midnight comes once, an hour later.
    const repeated = allowanceDay(new Date("2026-04-05T15:00:00Z"), "America/Santiago");
    expect(repeated.since).toEqual(new Date("2026-04-05T04:00:00Z"));
  });

  it("handles zones with half and quarter hours and UTC itself", () => {
    expect(allowanceDay(new Date("2026-01-15T10:00:00Z"), "Asia/Kathmandu").since).toEqual(
      new Date("2026-01-14T18:15:00Z"),
    );
    expect(allowanceDay(new Date("2026-01-15T10:00:00Z"), "UTC")).toEqual({
      since: new Date("2026-01-15T00:00:00Z"),
      resetsAt: new Date("2026-01-16T00:00:00Z"),
    });
  });
});

describe("giverTimeZone", () => {
  it("prefers the person's own valid zone, else the program's", () => {
    expect(giverTimeZone("Asia/Tokyo", "Europe/Berlin")).toBe("Asia/Tokyo");
    expect(giverTimeZone(null, "Europe/Berlin")).toBe("Europe/Berlin");
    expect(giverTimeZone("Mars/Olympus", "Europe/Berlin")).toBe("Europe/Berlin");
  });
});

describe("checkAllowance", () => {
  const resetsAt = new Date("2026-03-11T15:00:00Z");

  it("lets the giver spend up to the limit, counted in recipients", () => {
    expect(() => checkAllowance({ limit: 5, used: 2, wanted: 3, resetsAt, timeZone: "Asia/Tokyo" })).not.toThrow();
    expect(allowanceLeft(5, 2)).toBe(3);
    expect(allowanceLeft(5, 9)).toBe(0);
  });

  it("refuses the whole shout-out past the limit, saying what is left and when it resets", () => {
    expect(
      errorOf(() => checkAllowance({ limit: 5, used: 3, wanted: 3, resetsAt, timeZone: "Asia/Tokyo" })).problem,
    ).toEqual({
      code: "shoutout_allowance_exhausted",
      params: { left: 2, resetsAt: "2026-03-11T15:00:00.000Z", timezone: "Asia/Tokyo" },
    });
    expect(errorOf(() => checkAllowance({ limit: 5, used: 7, wanted: 1, resetsAt, timeZone: "UTC" })).problem).toEqual({
      code: "shoutout_allowance_exhausted",
      params: { left: 0, resetsAt: "2026-03-11T15:00:00.000Z", timezone: "UTC" },
    });
  });
});

describe("parseAllowance", () => {
  it("takes a whole number from 1 to the maximum", () => {
    expect(parseAllowance(1)).toBe(1);
    expect(parseAllowance(MAX_SHOUTOUT_ALLOWANCE)).toBe(MAX_SHOUTOUT_ALLOWANCE);
    for (const bad of [0, -1, 2.5, Number.NaN, MAX_SHOUTOUT_ALLOWANCE + 1]) {
      expect(errorOf(() => parseAllowance(bad)).problem).toEqual({
        code: "shoutout_allowance_invalid",
        params: { min: 1, max: MAX_SHOUTOUT_ALLOWANCE },
      });
    }
  });
});
