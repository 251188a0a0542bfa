import { describe, expect, it } from "vitest";
import { localDate } from "../../../src/domain/shared/calendar";
import { approvalReminderDue, workingDaysBetween } from "../../../src/domain/shared/working-days";

const at = (iso: string): Date => new Date(iso);

/** The definition, day by day: Mon–Fri local dates d with localDate(from) < d <= localDate(to). */
function countByHand(from: Date, to: Date, timeZone: string): number {
  const end = localDate(to, timeZone);
  let day = new Date(`${localDate(from, timeZone)}T00:00:00Z`);
  let count = 0;
  for (;;) {
    day = new Date(day.getTime() + 86_400_000);
    if (day.toISOString().slice(0, 10) > end) return count;
    if (day.getUTCDay() >= 1 && day.getUTCDay() <= 5) count++;
  }
}

describe("workingDaysBetween", () => {
  // 2026-01-05 is a Monday, 2026-01-09 a Friday.
  it.each([
    ["same instant", "2026-01-05T10:00:00Z", "2026-01-05T10:00:00Z", 0],
    ["later the same day", "2026-01-05T08:00:00Z", "2026-01-05T20:00:00Z", 0],
    ["Monday to Tuesday", "2026-01-05T10:00:00Z", "2026-01-06T09:00:00Z", 1],
    ["Monday to Wednesday", "2026-01-05T10:00:00Z", "2026-01-07T09:00:00Z", 2],
    ["Monday to Friday", "2026-01-05T10:00:00Z", "2026-01-09T10:00:00Z", 4],
    ["Monday to Saturday", "2026-01-05T10:00:00Z", "2026-01-10T10:00:00Z", 4],
    ["Monday to Sunday", "2026-01-05T10:00:00Z", "2026-01-11T10:00:00Z", 4],
    ["Monday to next Monday", "2026-01-05T10:00:00Z", "2026-01-12T10:00:00Z", 5],
    ["Friday to Saturday", "2026-01-09T17:00:00Z", "2026-01-10T10:00:00Z", 0],
    ["Friday to Sunday", "2026-01-09T17:00:00Z", "2026-01-11T23:59:59Z", 0],
    ["Friday to Monday", "2026-01-09T17:00:00Z", "2026-01-12T00:00:00Z", 1],
    ["Friday to Tuesday", "2026-01-09T17:00:00Z", "2026-01-13T08:00:00Z", 2],
    ["Saturday to Monday", "2026-01-10T12:00:00Z", "2026-01-12T12:00:00Z", 1],
    ["Sunday to Monday", "2026-01-11T12:00:00Z", "2026-01-12T12:00:00Z", 1],
    ["Saturday to Sunday", "2026-01-10T12:00:00Z", "2026-01-11T12:00:00Z", 0],
    ["two full weeks", "2026-01-05T10:00:00Z", "2026-01-19T10:00:00Z", 10],
    ["over the new year", "2026-12-31T10:00:00Z", "2027-01-04T10:00:00Z", 2],
    ["over 29 February", "2024-02-28T10:00:00Z", "2024-03-01T10:00:00Z", 2],
    ["a year", "2026-01-05T10:00:00Z", "2027-01-05T10:00:00Z", 261],
    ["backwards", "2026-01-12T10:00:00Z", "2026-01-05T10:00:00Z", 0],
  ])("%s: %i", (_case, from, to, expected) => {
    expect(workingDaysBetween(at(from), at(to), "UTC")).toBe(expected);
  });

  it("counts the dates where the program runs, not UTC dates", () => {
    // Friday 23:30 UTC is Saturday morning in Tokyo; Monday 23:30 UTC is Tuesday there.
    const from = at("2026-01-09T23:30:00Z");
    const to = at("2026-01-12T23:30:00Z");
    expect(workingDaysBetween(from, to, "UTC")).toBe(1);
    expect(workingDaysBetween(from, to, "Asia/Tokyo")).toBe(2);
    // Friday 02:00 UTC is still Thursday evening in Los Angeles.
    expect(workingDaysBetween(at("2026-01-09T02:00:00Z"), at("2026-01-09T20:00:00Z"), "America/Los_Angeles")).toBe(1);
    expect(workingDaysBetween(at("2026-01-09T02:00:00Z"), at("2026-01-09T20:00:00Z"), "UTC")).toBe(0);
  });

  it("is the same day on either side of the date line", () => {
    const from = at("2026-01-08T12:00:00Z"); // Thursday in UTC, Friday in Kiritimati, Thursday in Pago Pago
    const to = at("2026-01-12T12:00:00Z"); // Monday in UTC, Tuesday in Kiritimati, Monday in Pago Pago
    expect(workingDaysBetween(from, to, "Pacific/Kiritimati")).toBe(2);
    expect(workingDaysBetween(from, to, "Pacific/Pago_Pago")).toBe(2);
    expect(workingDaysBetween(from, to, "UTC")).toBe(2);
  });

  it("neither gains nor loses a day when the clocks change", () => {
    // Berlin springs forward in the night to Sunday 2026-03-29: Friday 23:30 CET to Monday 00:30 CEST is 49 hours.
    expect(workingDaysBetween(at("2026-03-27T22:30:00Z"), at("2026-03-29T22:30:00Z"), "Europe/Berlin")).toBe(1);
    // ...and falls back in the night to Sunday 2026-10-25: Friday 23:30 CEST to Monday 00:30 CET is 50 hours.
    expect(workingDaysBetween(at("2026-10-23T21:30:00Z"), at("2026-10-25T23:30:00Z"), "Europe/Berlin")).toBe(1);
    // New York: Friday 2026-03-06 23:30 EST to Monday 00:15 EDT, and Friday 2026-10-30 23:30 EDT to Monday 00:15 EST.
    expect(workingDaysBetween(at("2026-03-07T04:30:00Z"), at("2026-03-09T04:15:00Z"), "America/New_York")).toBe(1);
    expect(workingDaysBetween(at("2026-10-31T03:30:00Z"), at("2026-11-02T05:15:00Z"), "America/New_York")).toBe(1);
    // Just before local midnight on the Sunday of each change it is still Sunday.
    expect(workingDaysBetween(at("2026-03-27T22:30:00Z"), at("2026-03-29T21:59:59Z"), "Europe/Berlin")).toBe(0);
    expect(workingDaysBetween(at("2026-10-23T21:30:00Z"), at("2026-10-25T22:59:59Z"), "Europe/Berlin")).toBe(0);
  });

  it("follows half-hour and southern-hemisphere zones", () => {
    // Kolkata is UTC+5:30: 18:45 UTC on Friday is 00:15 on Saturday.
    expect(workingDaysBetween(at("2026-01-08T12:00:00Z"), at("2026-01-09T18:45:00Z"), "Asia/Kolkata")).toBe(1);
    expect(workingDaysBetween(at("2026-01-08T12:00:00Z"), at("2026-01-09T18:15:00Z"), "Asia/Kolkata")).toBe(1);
    expect(workingDaysBetween(at("2026-01-08T12:00:00Z"), at("2026-01-09T18:15:00Z"), "UTC")).toBe(1);
    // Auckland (UTC+13 in January): Sunday 11:30 UTC is Monday 00:30 there.
    expect(workingDaysBetween(at("2026-01-09T12:00:00Z"), at("2026-01-11T11:30:00Z"), "Pacific/Auckland")).toBe(1);
    expect(workingDaysBetween(at("2026-01-09T12:00:00Z"), at("2026-01-11T10:30:00Z"), "Pacific/Auckland")).toBe(0);
  });

  it("agrees with counting day by day, in every kind of zone, over every weekday pair and span", () => {
    const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "Pacific/Auckland"];
    const base = at("2026-03-02T00:00:00Z").getTime();
    for (const zone of zones) {
      for (let start = 0; start < 14 * 24; start += 11) {
        for (let span = 0; span < 40 * 24; span += 31) {
          const from = new Date(base + start * 3_600_000);
          const to = new Date(from.getTime() + span * 3_600_000);
          expect(workingDaysBetween(from, to, zone), `${zone} ${from.toISOString()} ${to.toISOString()}`).toBe(
            countByHand(from, to, zone),
          );
        }
      }
    }
  });
});

describe("approvalReminderDue", () => {
  const monday10 = at("2026-01-05T10:00:00Z");

  it.each([
    ["Monday, same day", monday10, "2026-01-05T16:00:00Z", false],
    ["Tuesday (1 working day)", monday10, "2026-01-06T16:00:00Z", false],
    ["Wednesday (2 working days, not more)", monday10, "2026-01-07T16:00:00Z", false],
    ["Thursday (3 working days)", monday10, "2026-01-08T00:00:00Z", true],
    ["Friday", monday10, "2026-01-09T09:00:00Z", true],
    ["Saturday: no reminders at the weekend", monday10, "2026-01-10T09:00:00Z", false],
    ["Sunday: no reminders at the weekend", monday10, "2026-01-11T09:00:00Z", false],
    ["next Monday", monday10, "2026-01-12T09:00:00Z", true],
    ["registered Friday, Tuesday after", at("2026-01-09T17:00:00Z"), "2026-01-13T09:00:00Z", false],
    ["registered Friday, Wednesday after", at("2026-01-09T17:00:00Z"), "2026-01-14T09:00:00Z", true],
    ["registered Saturday, Wednesday after", at("2026-01-10T11:00:00Z"), "2026-01-14T09:00:00Z", true],
    ["registered Sunday, Tuesday after", at("2026-01-11T11:00:00Z"), "2026-01-13T09:00:00Z", false],
  ])("threshold 2, %s: %s", (_case, createdAt, now, expected) => {
    expect(approvalReminderDue(createdAt, at(now), "UTC", 2)).toBe(expected);
  });

  it("never reminds with a threshold of 0, however long it waited", () => {
    expect(approvalReminderDue(monday10, at("2026-06-01T09:00:00Z"), "UTC", 0)).toBe(false);
  });

  it("treats anything but a positive whole number as off", () => {
    for (const threshold of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(approvalReminderDue(monday10, at("2026-06-01T09:00:00Z"), "UTC", threshold)).toBe(false);
    }
  });

  it("is due the working day after the threshold with a threshold of 1, and stays due", () => {
    expect(approvalReminderDue(monday10, at("2026-01-06T09:00:00Z"), "UTC", 1)).toBe(false);
    expect(approvalReminderDue(monday10, at("2026-01-07T09:00:00Z"), "UTC", 1)).toBe(true);
    expect(approvalReminderDue(monday10, at("2026-02-02T09:00:00Z"), "UTC", 1)).toBe(true);
    expect(approvalReminderDue(monday10, at("2026-01-19T09:00:00Z"), "UTC", 10)).toBe(false);
    expect(approvalReminderDue(monday10, at("2026-01-20T09:00:00Z"), "UTC", 10)).toBe(true);
  });

  it("decides the weekend by the program's time zone", () => {
    // Sunday 20:00 UTC is Monday 05:00 in Tokyo: due there, not in UTC or New York.
    const sundayEvening = at("2026-01-11T20:00:00Z");
    const earlier = at("2026-01-05T01:00:00Z");
    expect(approvalReminderDue(earlier, sundayEvening, "Asia/Tokyo", 2)).toBe(true);
    expect(approvalReminderDue(earlier, sundayEvening, "UTC", 2)).toBe(false);
    expect(approvalReminderDue(earlier, sundayEvening, "America/New_York", 2)).toBe(false);
    // Friday 23:00 UTC is already Saturday in Berlin.
    expect(approvalReminderDue(earlier, at("2026-01-09T23:00:00Z"), "Europe/Berlin", 2)).toBe(false);
    expect(approvalReminderDue(earlier, at("2026-01-09T23:00:00Z"), "UTC", 2)).toBe(true);
  });
});
