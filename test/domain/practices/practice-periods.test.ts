import { describe, expect, it } from "vitest";
import {
  isPracticePeriod,
  PRACTICE_PERIODS,
  periodStart,
  startOfLocalDay,
} from "../../../src/domain/practices/practice-periods";

const MONDAY = 1;
const SUNDAY = 0;

describe("periodStart", () => {
  // Wednesday 2026-05-13, 10:00 UTC.
  const now = new Date("2026-05-13T10:00:00Z");

  it("is null for all time", () => {
    expect(periodStart("all", now, "UTC", MONDAY)).toBeNull();
  });

  it("starts the week on Monday at local midnight", () => {
    expect(periodStart("week", now, "UTC", MONDAY)).toEqual(new Date("2026-05-11T00:00:00Z"));
    expect(periodStart("week", now, "Europe/Berlin", MONDAY)).toEqual(new Date("2026-05-10T22:00:00Z"));
    expect(periodStart("week", now, "America/New_York", MONDAY)).toEqual(new Date("2026-05-11T04:00:00Z"));
  });

  it("honours another first weekday", () => {
    expect(periodStart("week", now, "UTC", SUNDAY)).toEqual(new Date("2026-05-10T00:00:00Z"));
  });

  it("is today's midnight on the first day of the week", () => {
    expect(periodStart("week", new Date("2026-05-11T00:00:00Z"), "UTC", MONDAY)).toEqual(
      new Date("2026-05-11T00:00:00Z"),
    );
  });

  it("uses the local date, which may be another day than in UTC", () => {
    // Monday 2026-05-11 01:00 UTC is still Sunday evening in New York: the week began the Monday before.
    expect(periodStart("week", new Date("2026-05-11T01:00:00Z"), "America/New_York", MONDAY)).toEqual(
      new Date("2026-05-04T04:00:00Z"),
    );
    // Sunday 2026-05-10 23:30 UTC is already Monday morning in Tokyo.
    expect(periodStart("week", new Date("2026-05-10T23:30:00Z"), "Asia/Tokyo", MONDAY)).toEqual(
      new Date("2026-05-10T15:00:00Z"),
    );
  });

  it("starts the month on the first at local midnight", () => {
    expect(periodStart("month", now, "UTC", MONDAY)).toEqual(new Date("2026-05-01T00:00:00Z"));
    expect(periodStart("month", now, "Asia/Kolkata", MONDAY)).toEqual(new Date("2026-04-30T18:30:00Z"));
  });

  it("starts the quarter on the first of January, April, July or October", () => {
    expect(periodStart("quarter", now, "UTC", MONDAY)).toEqual(new Date("2026-04-01T00:00:00Z"));
    expect(periodStart("quarter", new Date("2026-03-31T12:00:00Z"), "UTC", MONDAY)).toEqual(
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(periodStart("quarter", new Date("2026-12-31T23:59:59Z"), "UTC", MONDAY)).toEqual(
      new Date("2026-10-01T00:00:00Z"),
    );
    // New Year's Eve in UTC is already the first quarter in Sydney (UTC+11 in summer).
    expect(periodStart("quarter", new Date("2026-12-31T20:00:00Z"), "Australia/Sydney", MONDAY)).toEqual(
      new Date("2026-12-31T13:00:00Z"),
    );
  });

  it("crosses a year for a week that began in December", () => {
    // Thursday 2026-01-01: the week began on Monday 2025-12-29.
    expect(periodStart("week", new Date("2026-01-01T12:00:00Z"), "UTC", MONDAY)).toEqual(
      new Date("2025-12-29T00:00:00Z"),
    );
  });
});

describe("startOfLocalDay", () => {
  it("accounts for a daylight-saving change within the day", () => {
    // Berlin moves to summer time at 02:00 on 2026-03-29: midnight is still UTC+1.
    expect(startOfLocalDay("2026-03-29", "Europe/Berlin")).toEqual(new Date("2026-03-28T23:00:00Z"));
    expect(startOfLocalDay("2026-03-30", "Europe/Berlin")).toEqual(new Date("2026-03-29T22:00:00Z"));
    // New York falls back at 02:00 on 2026-11-01: midnight is still UTC-4.
    expect(startOfLocalDay("2026-11-01", "America/New_York")).toEqual(new Date("2026-11-01T04:00:00Z"));
    expect(startOfLocalDay("2026-11-02", "America/New_York")).toEqual(new Date("2026-11-02T05:00:00Z"));
  });
});

describe("isPracticePeriod", () => {
  it("knows the four periods", () => {
    expect(PRACTICE_PERIODS.every(isPracticePeriod)).toBe(true);
    expect(isPracticePeriod("year")).toBe(false);
    expect(isPracticePeriod("Week")).toBe(false);
  });
});
