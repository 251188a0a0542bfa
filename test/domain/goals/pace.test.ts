import { describe, expect, it } from "vitest";
import { goalProgress } from "../../../src/domain/goals/pace";

// A 30-day period (November 2026) and a target of 3000.
const start = new Date("2026-11-01T00:00:00Z");
const end = new Date("2026-12-01T00:00:00Z");
const day = (n: number) => new Date(start.getTime() + n * 86_400_000);
const progress = (actual: number, now: Date, extra = {}) =>
  goalProgress({ target: 3000, actual, start, end, now, ...extra });

describe("goalProgress", () => {
  it("is on pace exactly on the line and within 10 % of the target behind it", () => {
    expect(progress(1500, day(15))).toMatchObject({ expectedByNow: 1500, percent: 50, status: "on_pace" });
    // 300 behind is exactly 10 % of the target: still on pace.
    expect(progress(1200, day(15)).status).toBe("on_pace");
    expect(progress(1199, day(15)).status).toBe("at_risk");
    expect(progress(2900, day(15)).status).toBe("on_pace");
  });

  it("expects nothing before the period and never puts it at risk then", () => {
    const before = progress(0, new Date("2026-10-20T00:00:00Z"));
    expect(before).toMatchObject({ expectedByNow: 0, status: "on_pace", daysLeft: 30, neededPerDay: 100 });
    expect(progress(0, day(0)).status).toBe("on_pace");
    // 10 % of the period gone with nothing done: exactly the margin, still on pace; a moment later at risk.
    expect(progress(0, day(3)).status).toBe("on_pace");
    expect(progress(0, new Date(day(3).getTime() + 1000)).status).toBe("at_risk");
  });

  it("is reached at or above target, even after the end, and missed below it after the end", () => {
    expect(progress(3000, day(10))).toMatchObject({ status: "reached", percent: 100, neededPerDay: 0 });
    expect(progress(4500, day(40))).toMatchObject({ status: "reached", percent: 150 });
    expect(progress(2999, end)).toMatchObject({ status: "missed", daysLeft: 0, neededPerDay: null, percent: 99 });
    expect(progress(2999, new Date(end.getTime() - 1)).status).toBe("on_pace");
  });

  it("rounds the percentage down so 100 % means reached", () => {
    expect(progress(2999.9, day(29)).percent).toBe(99);
    expect(goalProgress({ target: 3, actual: 1, start, end, now: day(1) }).percent).toBe(33);
  });

  it("counts the days left including today, in the workspace's zone", () => {
    expect(progress(0, new Date("2026-11-30T23:00:00Z"))).toMatchObject({ daysLeft: 1, neededPerDay: 3000 });
    expect(progress(1000, new Date("2026-11-21T08:00:00Z"))).toMatchObject({ daysLeft: 10, neededPerDay: 200 });
    // A Berlin month: its last local day is 30 November, even at 23:30 UTC on the 30th (00:30 on 1 Dec locally it is over).
    const berlin = {
      start: new Date("2026-10-31T23:00:00Z"),
      end: new Date("2026-11-30T23:00:00Z"),
      timeZone: "Europe/Berlin",
      target: 3000,
    };
    expect(goalProgress({ ...berlin, actual: 0, now: new Date("2026-11-30T22:30:00Z") }).daysLeft).toBe(1);
    expect(goalProgress({ ...berlin, actual: 0, now: new Date("2026-11-30T23:30:00Z") }).status).toBe("missed");
  });

  it("counts a DST day as one day", () => {
    const march = {
      start: new Date("2026-03-01T05:00:00Z"),
      end: new Date("2026-04-01T04:00:00Z"),
      timeZone: "America/New_York",
      target: 3100,
    };
    // 8 March is 23 hours long in New York; from the morning of the 7th, 25 local days remain.
    expect(goalProgress({ ...march, actual: 600, now: new Date("2026-03-07T15:00:00Z") })).toMatchObject({
      daysLeft: 25,
      neededPerDay: 100,
    });
  });

  it("holds a win-rate goal to its target from the start", () => {
    const winrate = { target: 0.5, start, end, cumulative: false };
    expect(goalProgress({ ...winrate, actual: 0.46, now: day(1) }).status).toBe("on_pace");
    expect(goalProgress({ ...winrate, actual: 0.44, now: day(1) })).toMatchObject({
      status: "at_risk",
      neededPerDay: null,
    });
    expect(goalProgress({ ...winrate, actual: 0.5, now: day(1) }).status).toBe("reached");
  });
});
