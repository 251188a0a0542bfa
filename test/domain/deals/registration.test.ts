import { describe, expect, it } from "vitest";
import {
  DEFAULT_PROTECTION_DAYS,
  type Decision,
  decide,
  extendProtection,
  isProtected,
  isRegistrationStatus,
  protectionEnd,
  REGISTRATION_STATUSES,
  REMINDER_LEAD_DAYS,
  type RegistrationStatus,
  reminderDue,
  STATUS_LABELS,
  shouldExpire,
} from "../../../src/domain/deals/registration";
import type { Stage } from "../../../src/domain/deals/stages";
import { errorOf } from "../../support/domain-error";

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
const plusMs = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe("statuses", () => {
  it("lists and labels every status", () => {
    expect(REGISTRATION_STATUSES).toEqual(["pending", "conflict", "info_requested", "approved", "rejected", "expired"]);
    expect(STATUS_LABELS).toEqual({
      pending: "Pending review",
      conflict: "Conflict",
      info_requested: "Info requested",
      approved: "Approved",
      rejected: "Rejected",
      expired: "Expired",
    });
  });

  it.each<[string, boolean]>([
    ...REGISTRATION_STATUSES.map((s): [string, boolean] => [s, true]),
    ["Approved", false],
    ["declined", false],
    ["", false],
  ])("isRegistrationStatus(%j) is %s", (value, expected) => {
    expect(isRegistrationStatus(value)).toBe(expected);
  });
});

describe("decide", () => {
  it.each([
    ["pending", "approve", undefined, "approved"],
    ["conflict", "approve", undefined, "approved"],
    ["info_requested", "approve", undefined, "approved"],
    ["pending", "approve", "Looks good", "approved"],
    ["pending", "reject", "Customer is a direct account", "rejected"],
    ["conflict", "reject", "Another partner registered first", "rejected"],
    ["info_requested", "reject", "No answer", "rejected"],
    ["pending", "request_info", "Who is the economic buyer?", "info_requested"],
    ["conflict", "request_info", "When did you first meet them?", "info_requested"],
  ] as const)("%s + %s (%j) -> %s", (current, decision, reason, expected) => {
    expect(decide(current, decision, reason)).toBe(expected);
  });

  it.each(["approved", "rejected", "expired"] as const)(
    "refuses every decision on a registration that is %s",
    (current) => {
      for (const decision of ["approve", "reject", "request_info"] as const) {
        const error = errorOf(() => decide(current, decision, "some reason"));
        expect(error.code).toBe("already_decided");
        expect(error.params).toEqual({ status: current });
      }
    },
  );

  it("does not ask again while the partner has not answered", () => {
    const error = errorOf(() => decide("info_requested", "request_info", "And the budget?"));
    expect(error.code).toBe("info_already_requested");
  });

  it.each([undefined, "", "   ", "\n"])("a rejection needs a reason (%j)", (reason) => {
    const error = errorOf(() => decide("pending", "reject", reason));
    expect(error.code).toBe("reason_missing");
  });

  it.each([undefined, "", "   "])("a request for information needs a question (%j)", (reason) => {
    const error = errorOf(() => decide("pending", "request_info", reason));
    expect(error.code).toBe("question_missing");
  });

  it("accepts a reason or question of exactly 500 characters and refuses 501", () => {
    expect(decide("pending", "reject", "r".repeat(500))).toBe("rejected");
    expect(decide("pending", "reject", ` ${"r".repeat(500)} `)).toBe("rejected");
    expect(decide("pending", "request_info", "q".repeat(500))).toBe("info_requested");

    const reject = errorOf(() => decide("pending", "reject", "r".repeat(501)));
    expect(reject.code).toBe("reason_too_long");
    expect(reject.params).toEqual({ max: 500 });
    const ask = errorOf(() => decide("pending", "request_info", "q".repeat(501)));
    expect(ask.code).toBe("question_too_long");
    expect(ask.params).toEqual({ max: 500 });
  });

  it("refuses a decision that is not one", () => {
    expect(errorOf(() => decide("pending", "maybe" as Decision)).code).toBe("decision_invalid");
  });
});

describe("protectionEnd", () => {
  const from = at("2026-01-10T15:30:00Z");

  it.each([
    [1, "2026-01-11T15:30:00.000Z"],
    [DEFAULT_PROTECTION_DAYS, "2026-04-10T15:30:00.000Z"],
    [365, "2027-01-10T15:30:00.000Z"],
    [730, "2028-01-10T15:30:00.000Z"],
  ])("%i days after 2026-01-10T15:30Z is %s", (days, expected) => {
    expect(protectionEnd(from, days).toISOString()).toBe(expected);
  });

  it("counts 29 February in a leap year", () => {
    expect(protectionEnd(at("2028-02-01T00:00:00Z"), 30).toISOString()).toBe("2028-03-02T00:00:00.000Z");
    expect(protectionEnd(at("2027-02-01T00:00:00Z"), 30).toISOString()).toBe("2027-03-03T00:00:00.000Z");
  });

  it("is a span of 24-hour days, unaffected by daylight saving", () => {
    expect(protectionEnd(at("2026-03-28T12:00:00Z"), 2).toISOString()).toBe("2026-03-30T12:00:00.000Z");
  });

  it("does not change the date it was given", () => {
    const start = at("2026-01-10T00:00:00Z");
    protectionEnd(start, 90);
    expect(start.toISOString()).toBe("2026-01-10T00:00:00.000Z");
  });

  it.each([0, -1, 731, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses %d days", (days) => {
    const error = errorOf(() => protectionEnd(from, days));
    expect(error.code).toBe("protection_days_invalid");
    expect(error.params).toEqual({ min: 1, max: 730 });
  });

  it("uses 90 days and a 14-day reminder by default", () => {
    expect(DEFAULT_PROTECTION_DAYS).toBe(90);
    expect(REMINDER_LEAD_DAYS).toBe(14);
  });
});

const END = at("2026-06-30T12:00:00Z");

describe("isProtected", () => {
  it.each([
    ["approved, well before the end", "approved", END, plusDays(END, -30), true],
    ["approved, one millisecond before the end", "approved", END, plusMs(END, -1), true],
    ["approved, exactly at the end", "approved", END, END, false],
    ["approved, after the end", "approved", END, plusDays(END, 1), false],
    ["approved without an end", "approved", null, plusDays(END, -30), false],
    ...(["pending", "conflict", "info_requested", "rejected", "expired"] as const).map(
      (status) => [`${status}, before the end`, status, END, plusDays(END, -30), false] as const,
    ),
  ] as const)("%s: %s", (_case, status, protectedUntil, now, expected) => {
    expect(isProtected({ status, protectedUntil }, now)).toBe(expected);
  });
});

describe("reminderDue", () => {
  const windowOpens = plusDays(END, -REMINDER_LEAD_DAYS);
  const deal = (overrides: { status?: RegistrationStatus; reminderSentAt?: Date | null; stage?: Stage } = {}) => ({
    status: overrides.status ?? ("approved" as RegistrationStatus),
    protectedUntil: END,
    reminderSentAt: overrides.reminderSentAt ?? null,
    ...(overrides.stage === undefined ? {} : { stage: overrides.stage }),
  });

  it.each([
    ["one millisecond before the 14-day window", plusMs(windowOpens, -1), false],
    ["exactly 14 days before the end", windowOpens, true],
    ["inside the window", plusDays(END, -7), true],
    ["one millisecond before the end", plusMs(END, -1), true],
    ["exactly at the end", END, false],
    ["after the end", plusDays(END, 1), false],
    ["long before the end", plusDays(END, -60), false],
  ])("not sent yet, %s: %s", (_case, now, expected) => {
    expect(reminderDue(deal(), now)).toBe(expected);
  });

  it.each([
    ["inside the window", plusDays(END, -10), false],
    ["exactly when the window opened", windowOpens, false],
    ["one millisecond before the window (an earlier period)", plusMs(windowOpens, -1), true],
    ["before the protection was last extended", plusDays(END, -100), true],
  ])("sent %s: due again is %s", (_case, reminderSentAt, expected) => {
    expect(reminderDue(deal({ reminderSentAt }), plusDays(END, -5))).toBe(expected);
  });

  it.each(["pending", "conflict", "info_requested", "rejected", "expired"] as const)(
    "is never due for a %s registration",
    (status) => {
      expect(reminderDue(deal({ status }), plusDays(END, -5))).toBe(false);
    },
  );

  it("is never due without a protection end", () => {
    expect(reminderDue({ status: "approved", protectedUntil: null, reminderSentAt: null }, END)).toBe(false);
  });

  it.each(["won", "lost"] as const)("is not due for a deal that is %s", (stage) => {
    expect(reminderDue(deal({ stage }), plusDays(END, -5))).toBe(false);
  });

  it("is due for an open deal when the stage is given", () => {
    expect(reminderDue(deal({ stage: "negotiation" }), plusDays(END, -5))).toBe(true);
  });

  it.each([
    [30, plusDays(END, -30), true],
    [30, plusMs(plusDays(END, -30), -1), false],
    [1, plusDays(END, -1), true],
    [1, plusDays(END, -2), false],
    [0, plusMs(END, -1), false],
  ])("with a %i-day lead time at %s: %s", (leadDays, now, expected) => {
    expect(reminderDue(deal(), now, leadDays)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])("refuses a lead time of %d days", (leadDays) => {
    expect(errorOf(() => reminderDue(deal(), END, leadDays)).code).toBe("reminder_days_invalid");
  });
});

describe("shouldExpire", () => {
  it.each([
    ["approved, before the end", "approved", END, plusMs(END, -1), undefined, false],
    ["approved, exactly at the end", "approved", END, END, undefined, true],
    ["approved, after the end", "approved", END, plusDays(END, 3), undefined, true],
    ["approved without an end", "approved", null, plusDays(END, 3), undefined, false],
    ["approved and won, after the end", "approved", END, plusDays(END, 3), "won", false],
    ["approved and lost, after the end", "approved", END, plusDays(END, 3), "lost", false],
    ["approved in negotiation, after the end", "approved", END, plusDays(END, 3), "negotiation", true],
    ...(["pending", "conflict", "info_requested", "rejected", "expired"] as const).map(
      (status) => [`${status}, after the end`, status, END, plusDays(END, 3), undefined, false] as const,
    ),
  ] as const)("%s: %s", (_case, status, protectedUntil, now, stage, expected) => {
    const input = stage === undefined ? { status, protectedUntil } : { status, protectedUntil, stage };
    expect(shouldExpire(input, now)).toBe(expected);
  });

  it("agrees with isProtected at the boundary", () => {
    const deal = { status: "approved" as const, protectedUntil: END };
    for (const now of [plusMs(END, -1), END, plusMs(END, 1)]) {
      expect(shouldExpire(deal, now)).toBe(!isProtected(deal, now));
    }
  });
});

describe("extendProtection", () => {
  it("adds the days to the current end while protection runs", () => {
    const now = plusDays(END, -10);
    expect(extendProtection({ status: "approved", protectedUntil: END }, 30, now).toISOString()).toBe(
      "2026-07-30T12:00:00.000Z",
    );
  });

  it("adds the days to now once the end has passed", () => {
    const now = at("2026-07-05T08:00:00Z");
    expect(extendProtection({ status: "approved", protectedUntil: END }, 30, now).toISOString()).toBe(
      "2026-08-04T08:00:00.000Z",
    );
  });

  it("adds the days to now exactly at the end, and when there was no end", () => {
    expect(extendProtection({ status: "approved", protectedUntil: END }, 1, END).toISOString()).toBe(
      "2026-07-01T12:00:00.000Z",
    );
    const now = at("2026-01-01T00:00:00Z");
    expect(extendProtection({ status: "approved", protectedUntil: null }, 90, now).toISOString()).toBe(
      "2026-04-01T00:00:00.000Z",
    );
  });

  it("never shortens protection", () => {
    const now = plusDays(END, -100);
    expect(extendProtection({ status: "approved", protectedUntil: END }, 1, now).getTime()).toBeGreaterThan(
      END.getTime(),
    );
  });

  it("makes a reminder due again for the new period", () => {
    const sent = plusDays(END, -10);
    const newEnd = extendProtection({ status: "approved", protectedUntil: END }, 60, plusDays(END, -5));
    const deal = { status: "approved" as const, protectedUntil: newEnd, reminderSentAt: sent };
    expect(reminderDue(deal, plusDays(END, 10))).toBe(false);
    expect(reminderDue(deal, plusDays(newEnd, -REMINDER_LEAD_DAYS))).toBe(true);
  });

  it.each(["pending", "conflict", "info_requested", "rejected", "expired"] as const)(
    "refuses a %s registration",
    (status) => {
      const error = errorOf(() => extendProtection({ status, protectedUntil: END }, 30, END));
      expect(error.code).toBe("not_approved");
      expect(error.params).toEqual({ status });
    },
  );

  it("says what state the registration is in", () => {
    expect(errorOf(() => extendProtection({ status: "expired", protectedUntil: END }, 30, END)).params).toEqual({
      status: "expired",
    });
  });

  it.each([0, 731, 2.5])("validates the number of days (%d)", (days) => {
    expect(errorOf(() => extendProtection({ status: "approved", protectedUntil: END }, days, END)).code).toBe(
      "protection_days_invalid",
    );
  });
});
