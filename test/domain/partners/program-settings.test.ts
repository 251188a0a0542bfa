import { describe, expect, it } from "vitest";
import {
  APPROVAL_REMINDER_DEFAULT,
  parseApprovalReminderDays,
  parseProtectionDays,
  parseReportingCurrency,
  parseTimezone,
} from "../../../src/domain/partners/program-settings";
import { errorOf } from "../../support/domain-error";

describe("program settings", () => {
  it.each([
    ["Europe/Berlin", "Europe/Berlin"],
    [" america/new_york ", "America/New_York"],
    ["UTC", "UTC"],
    ["Europe/Kyiv", "Europe/Kyiv"],
    ["Asia/Kolkata", "Asia/Kolkata"],
  ])("time zone %s -> %s", (text, zone) => {
    expect(parseTimezone(text)).toBe(zone);
  });

  it.each(["Mars/Olympus", "", "Europe/Berlin; drop", "+02:00"])("refuses time zone %j", (text) => {
    expect(errorOf(() => parseTimezone(text)).problem).toEqual({
      code: "timezone_invalid",
      params: { text: text.trim() },
    });
  });

  it.each([
    ["eur", "EUR"],
    [" GBP ", "GBP"],
  ])("currency %s -> %s", (text, code) => {
    expect(parseReportingCurrency(text)).toBe(code);
  });

  it.each(["EURO", "XXX", ""])("refuses currency %j", (text) => {
    expect(errorOf(() => parseReportingCurrency(text)).problem).toEqual({
      code: "currency_invalid",
      params: { text: text.trim() },
    });
  });

  it.each([
    ["1", 1],
    ["90", 90],
    ["730", 730],
  ])("protection %s days", (text, days) => {
    expect(parseProtectionDays(text)).toBe(days);
  });

  it.each(["0", "731", "12.5", "-3", "ninety", ""])("refuses protection %j", (text) => {
    expect(errorOf(() => parseProtectionDays(text)).problem).toEqual({
      code: "protection_days_invalid",
      params: { min: 1, max: 730 },
    });
  });

  it.each([
    ["off", 0],
    ["OFF", 0],
    [" Off ", 0],
    ["0", 0],
    ["00", 0],
    ["1", 1],
    ["2", 2],
    [" 3 ", 3],
    ["30", 30],
    ["07", 7],
  ])("approval reminder %j -> %i working days", (text, days) => {
    expect(parseApprovalReminderDays(text)).toBe(days);
  });

  it.each(["31", "100", "-1", "2.5", "1e1", "+3", "two", "3 days", "no", "", " "])(
    "refuses approval reminder %j",
    (text) => {
      expect(errorOf(() => parseApprovalReminderDays(text)).problem).toEqual({
        code: "approval_reminder_days_invalid",
        params: { min: 1, max: 30 },
      });
    },
  );

  it("reminds after 2 working days unless told otherwise", () => {
    expect(APPROVAL_REMINDER_DEFAULT).toBe(2);
    expect(parseApprovalReminderDays(String(APPROVAL_REMINDER_DEFAULT))).toBe(APPROVAL_REMINDER_DEFAULT);
  });
});
