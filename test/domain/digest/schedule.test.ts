import { describe, expect, it } from "vitest";
import {
  type DigestSchedule,
  dueOccurrence,
  instantOfLocalTime,
  latestOccurrence,
  manualPeriodKey,
  nextOccurrence,
  periodKey,
  reportedWeek,
  scheduleProblem,
  weekSoFar,
} from "../../../src/domain/digest/schedule";
import { addDays, dayOf, weekdayOf, zoneOffsetMs } from "../../../src/domain/shared/zoned-time";

const at = (iso: string) => new Date(iso);
const schedule = (timezone: string, weekday: number, hour: number, minute = 0): DigestSchedule => ({
  timezone,
  weekday,
  hour,
  minute,
});
/** The wall clock of an instant in a zone: "2026-03-29 03:00". */
const wall = (instant: Date, timeZone: string) =>
  new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone)).toISOString().slice(0, 16).replace("T", " ");

describe("instantOfLocalTime", () => {
  it("is the plain conversion where the time exists once", () => {
    expect(instantOfLocalTime("2026-11-30", 9, 0, "Europe/Berlin").toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(instantOfLocalTime("2026-07-06", 9, 0, "Europe/Berlin").toISOString()).toBe("2026-07-06T07:00:00.000Z");
    expect(instantOfLocalTime("2026-11-30", 9, 30, "Asia/Kolkata").toISOString()).toBe("2026-11-30T04:00:00.000Z");
    expect(instantOfLocalTime("2026-11-30", 23, 59, "UTC").toISOString()).toBe("2026-11-30T23:59:00.000Z");
  });

  it("runs a time the clock skips (spring forward) at the first instant after the gap", () => {
    expect(instantOfLocalTime("2026-03-29", 2, 30, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(instantOfLocalTime("2026-03-29", 2, 0, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(instantOfLocalTime("2026-03-08", 2, 30, "America/New_York").toISOString()).toBe("2026-03-08T07:00:00.000Z");
    // Half-hour change (Lord Howe) and a gap at 02:45 (Chatham, +12:45 → +13:45).
    expect(instantOfLocalTime("2026-10-04", 2, 15, "Australia/Lord_Howe").toISOString()).toBe(
      "2026-10-03T15:30:00.000Z",
    );
    expect(instantOfLocalTime("2026-09-27", 2, 45, "Pacific/Chatham").toISOString()).toBe("2026-09-26T14:00:00.000Z");
    // Santiago skips midnight: 00:30 on the change day runs at 01:00.
    expect(instantOfLocalTime("2026-09-06", 0, 30, "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("runs a time the clock repeats (fall back) once, at the first of the two", () => {
    expect(instantOfLocalTime("2026-10-25", 2, 30, "Europe/Berlin").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(instantOfLocalTime("2026-11-01", 1, 30, "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    // The minute right after the repeated hour exists once.
    expect(instantOfLocalTime("2026-10-25", 3, 0, "Europe/Berlin").toISOString()).toBe("2026-10-25T02:00:00.000Z");
  });
});

describe("latestOccurrence, nextOccurrence and dueOccurrence", () => {
  const mondayBerlin = schedule("Europe/Berlin", 1, 9);

  it("finds this week's occurrence once its time has come, last week's before", () => {
    expect(latestOccurrence(mondayBerlin, at("2026-11-30T08:00:00Z"))).toEqual({
      date: "2026-11-30",
      at: at("2026-11-30T08:00:00Z"),
    });
    expect(latestOccurrence(mondayBerlin, at("2026-11-30T07:59:59Z")).date).toBe("2026-11-23");
    expect(latestOccurrence(mondayBerlin, at("2026-12-06T22:00:00Z")).date).toBe("2026-11-30");
    expect(nextOccurrence(mondayBerlin, at("2026-11-30T08:00:00Z")).date).toBe("2026-12-07");
    expect(nextOccurrence(mondayBerlin, at("2026-11-30T07:59:59Z")).date).toBe("2026-11-30");
  });

  it("is due from the local time until the end of that local day, not after (a missed run is caught up the same day)", () => {
    expect(dueOccurrence(mondayBerlin, at("2026-11-30T07:59:00Z"))).toBeNull();
    expect(dueOccurrence(mondayBerlin, at("2026-11-30T08:00:00Z"))?.date).toBe("2026-11-30");
    expect(dueOccurrence(mondayBerlin, at("2026-11-30T22:59:59Z"))?.date).toBe("2026-11-30");
    expect(dueOccurrence(mondayBerlin, at("2026-11-30T23:00:00Z"))).toBeNull();
  });

  it("keeps Monday 09:00 local across a DST change, in two zones whose changes differ", () => {
    const newYork = schedule("America/New_York", 1, 9);
    // Berlin changes on March 29, New York on March 8: the UTC instants move on different weeks.
    expect(latestOccurrence(mondayBerlin, at("2026-03-23T12:00:00Z")).at.toISOString()).toBe(
      "2026-03-23T08:00:00.000Z",
    );
    expect(latestOccurrence(mondayBerlin, at("2026-03-30T12:00:00Z")).at.toISOString()).toBe(
      "2026-03-30T07:00:00.000Z",
    );
    expect(latestOccurrence(newYork, at("2026-03-02T20:00:00Z")).at.toISOString()).toBe("2026-03-02T14:00:00.000Z");
    expect(latestOccurrence(newYork, at("2026-03-09T20:00:00Z")).at.toISOString()).toBe("2026-03-09T13:00:00.000Z");
    // Autumn: back to the winter offset.
    expect(latestOccurrence(mondayBerlin, at("2026-10-26T12:00:00Z")).at.toISOString()).toBe(
      "2026-10-26T08:00:00.000Z",
    );
    expect(latestOccurrence(newYork, at("2026-11-02T20:00:00Z")).at.toISOString()).toBe("2026-11-02T14:00:00.000Z");
  });

  it("names the period by the local date, which differs from the UTC date far from Greenwich", () => {
    const auckland = schedule("Pacific/Auckland", 1, 8);
    const occurrence = latestOccurrence(auckland, at("2026-11-29T19:30:00Z"));
    expect(occurrence).toEqual({ date: "2026-11-30", at: at("2026-11-29T19:00:00Z") });
    expect(periodKey(occurrence)).toBe("2026-11-30");
    const honolulu = schedule("Pacific/Honolulu", 0, 22);
    expect(periodKey(latestOccurrence(honolulu, at("2026-11-30T08:30:00Z")))).toBe("2026-11-29");
  });

  it("a run at a repeated local time is due once: the second 02:30 still belongs to the claimed period", () => {
    const sundayNight = schedule("Europe/Berlin", 0, 2, 30);
    const first = dueOccurrence(sundayNight, at("2026-10-25T00:30:00Z"));
    const second = dueOccurrence(sundayNight, at("2026-10-25T01:30:00Z"));
    expect(first).toEqual({ date: "2026-10-25", at: at("2026-10-25T00:30:00Z") });
    expect(second).toEqual(first);
    expect(dueOccurrence(sundayNight, at("2026-10-25T00:29:00Z"))).toBeNull();
  });

  it("a time skipped by the clock runs right after the gap, same period key", () => {
    const sundayNight = schedule("Europe/Berlin", 0, 2, 30);
    expect(dueOccurrence(sundayNight, at("2026-03-29T00:59:59Z"))).toBeNull();
    expect(dueOccurrence(sundayNight, at("2026-03-29T01:00:00Z"))).toEqual({
      date: "2026-03-29",
      at: at("2026-03-29T01:00:00Z"),
    });
  });

  it("holds its invariants every hour across both DST changes of 2026, in many zones and times", () => {
    const zones = ["Europe/Berlin", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham"];
    const times: [number, number][] = [
      [0, 30],
      [2, 15],
      [2, 30],
      [9, 0],
      [23, 0],
    ];
    const windows = [
      ["2026-03-01T00:00:00Z", "2026-04-12T00:00:00Z"],
      ["2026-08-30T00:00:00Z", "2026-11-08T00:00:00Z"],
    ] as const;
    // Failures are collected rather than asserted one by one: tens of thousands of expect() calls are slow.
    const failures: string[] = [];
    let checked = 0;
    for (const zone of zones) {
      for (const [hour, minute] of times) {
        const plan = schedule(zone, 0, hour, minute);
        const scheduledTime = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
        for (const [from, to] of windows) {
          // Ticking through the window claims each week exactly once, in order.
          const claimed: string[] = [];
          for (let t = Date.parse(from); t < Date.parse(to); t += 3_600_000) {
            const now = new Date(t);
            const latest = latestOccurrence(plan, now);
            const next = nextOccurrence(plan, now);
            const due = dueOccurrence(plan, now);
            const scheduled = `${latest.date} ${scheduledTime}`;
            const shown = wall(latest.at, zone);
            const problems = [
              latest.at.getTime() > t && "latest after now",
              next.at.getTime() <= t && "next not after now",
              next.date !== addDays(latest.date, 7) && "next is not a week after latest",
              weekdayOf(latest.date) !== 0 && "not a Sunday",
              // The wall clock shows the scheduled time, or (in a gap) the first time after it.
              shown !== scheduled &&
                !(shown > scheduled && wall(new Date(latest.at.getTime() - 1_000), zone) < scheduled) &&
                `runs at ${shown} for ${scheduled}`,
              due && dayOf(now, zone) !== dayOf(due.at, zone) && "due on another day",
            ].filter(Boolean);
            if (problems.length > 0) failures.push(`${zone} ${scheduledTime} at ${now.toISOString()}: ${problems}`);
            if (due && claimed.at(-1) !== periodKey(due)) claimed.push(periodKey(due));
            checked++;
          }
          const weekly = claimed.every((key, i) => i === 0 || key === addDays(claimed[i - 1] as string, 7));
          if (!weekly || claimed.length < 5) failures.push(`${zone} ${scheduledTime} from ${from}: ${claimed}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(25_000);
  }, 60_000);
});

describe("the reported week", () => {
  it("is the 7 local days before the occurrence's date, midnight to midnight", () => {
    expect(reportedWeek("2026-11-30", "Europe/Berlin")).toEqual({
      start: at("2026-11-22T23:00:00Z"),
      end: at("2026-11-29T23:00:00Z"),
    });
  });

  it("is an hour short or long across a DST change, as local days are", () => {
    const spring = reportedWeek("2026-03-30", "Europe/Berlin");
    expect(spring.start.toISOString()).toBe("2026-03-22T23:00:00.000Z");
    expect(spring.end.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(spring.end.getTime() - spring.start.getTime()).toBe(167 * 3_600_000);
    const autumn = reportedWeek("2026-11-02", "America/New_York");
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(169 * 3_600_000);
  });

  it("as of now (preview, runs by hand) covers the 6 days before today and today so far", () => {
    expect(weekSoFar(at("2026-11-30T10:00:00Z"), "Europe/Berlin")).toEqual({
      start: at("2026-11-23T23:00:00Z"),
      end: at("2026-11-30T10:00:00Z"),
    });
    expect(manualPeriodKey(at("2026-11-30T23:30:00Z"), "Europe/Berlin")).toBe("manual:2026-12-01");
    expect(manualPeriodKey(at("2026-11-30T23:30:00Z"), "UTC")).toBe("manual:2026-11-30");
  });
});

describe("scheduleProblem", () => {
  it("accepts a real zone and a day and time on the clock", () => {
    expect(scheduleProblem(schedule("Europe/Berlin", 6, 23, 59))).toBeNull();
    expect(scheduleProblem(schedule("UTC", 0, 0, 0))).toBeNull();
  });

  it("refuses an unknown zone, a day beyond Saturday and a time off the clock", () => {
    expect(scheduleProblem(schedule("Mars/Olympus", 1, 9))).toEqual({
      code: "timezone_invalid",
      params: { text: "Mars/Olympus" },
    });
    for (const bad of [
      schedule("UTC", 7, 9),
      schedule("UTC", 1, 24),
      schedule("UTC", 1, 9, 60),
      schedule("UTC", 1.5, 9),
    ]) {
      expect(scheduleProblem(bad)?.code).toBe("digest_schedule_invalid");
    }
  });
});
