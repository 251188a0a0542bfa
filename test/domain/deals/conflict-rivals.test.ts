import { describe, expect, it } from "vitest";
import { checkConflicts, type ExistingRegistration, rivalsOf } from "../../../src/domain/deals/conflicts";
import type { CustomerKeys } from "../../../src/domain/deals/customer";

const NOW = new Date("2026-05-01T12:00:00Z");
const LATER = new Date("2026-07-30T12:00:00Z");
const EARLIER = new Date("2026-04-01T00:00:00Z");

const ACME: CustomerKeys = { domain: "acme.com", nameKey: "acme" };
const ACME_NO_DOMAIN: CustomerKeys = { domain: null, nameKey: "acme" };
const ACME_GMAIL: CustomerKeys = { domain: "gmail.com", nameKey: "acme" };
const GLOBEX_GMAIL: CustomerKeys = { domain: "gmail.com", nameKey: "globex" };
const ACME_DE: CustomerKeys = { domain: "acme.de", nameKey: "acme" };

interface Row extends ExistingRegistration {
  label: string;
}

function row(id: number, partnerId: number, overrides: Partial<Row> = {}): Row {
  return {
    id,
    label: `#${id}`,
    partnerId,
    customer: ACME,
    status: "pending",
    stage: "prospecting",
    protectedUntil: null,
    ...overrides,
  };
}

const labels = (rows: readonly Row[]): string[] => rows.map((r) => r.label);

describe("rivalsOf", () => {
  it("finds the older registration that was never flagged once the newer one was approved first", () => {
    // #70 (Sakura) registered first and was not flagged; #88 (Globex) came later, no conflict seen, approved.
    const older = row(70, 1, { status: "pending" });
    const newer = row(88, 2, { status: "approved", protectedUntil: LATER, stage: "qualified" });
    expect(labels(rivalsOf(older, [older, newer], NOW))).toEqual(["#88"]);
    // and the other way round while both are undecided
    const newerPending = row(88, 2);
    expect(labels(rivalsOf(newerPending, [older, newerPending], NOW))).toEqual(["#70"]);
    expect(labels(rivalsOf(older, [older, newerPending], NOW))).toEqual(["#88"]);
  });

  it("never counts the deal itself, even when it is listed", () => {
    const deal = row(5, 1);
    expect(rivalsOf(deal, [deal], NOW)).toEqual([]);
  });

  it("leaves out the same partner's own registrations (those are duplicates, not rivals)", () => {
    const deal = row(5, 1);
    expect(rivalsOf(deal, [deal, row(3, 1), row(4, 1, { status: "approved", protectedUntil: LATER })], NOW)).toEqual(
      [],
    );
  });

  it("returns the rows it was given, oldest first", () => {
    const deal = row(10, 1);
    const rivals = [row(30, 4), row(12, 2), row(20, 3, { status: "info_requested" })];
    const found = rivalsOf(deal, [deal, ...rivals], NOW);
    expect(labels(found)).toEqual(["#12", "#20", "#30"]);
    expect(found[0]).toBe(rivals[1]);
  });

  it("counts only registrations that still block", () => {
    const deal = row(10, 1);
    const rows = [
      row(1, 2, { status: "approved", protectedUntil: EARLIER }),
      row(2, 3, { status: "approved", protectedUntil: LATER, stage: "lost" }),
      row(3, 4, { status: "rejected" }),
      row(4, 5, { status: "expired", protectedUntil: null }),
      row(5, 6, { status: "pending", stage: "lost" }),
      row(6, 7, { status: "conflict", stage: "won" }),
      row(7, 8, { status: "approved", protectedUntil: LATER, stage: "won" }),
      row(8, 9, { status: "conflict" }),
      row(9, 9, { status: "approved", protectedUntil: NOW }),
    ];
    expect(labels(rivalsOf(deal, rows, NOW))).toEqual(["#7", "#8"]);
  });

  it("is checked at the moment given: protection that ended since registration frees the customer", () => {
    const deal = row(10, 1);
    const protectedOne = row(4, 2, { status: "approved", protectedUntil: LATER });
    expect(labels(rivalsOf(deal, [protectedOne], NOW))).toEqual(["#4"]);
    expect(rivalsOf(deal, [protectedOne], LATER)).toEqual([]);
  });

  it("matches customers like registration does", () => {
    const deal = row(10, 1, { customer: ACME });
    const rows = [
      row(1, 2, { customer: ACME_NO_DOMAIN }),
      row(2, 3, { customer: ACME_DE }),
      row(3, 4, { customer: ACME_GMAIL }),
      row(4, 5, { customer: GLOBEX_GMAIL }),
    ];
    expect(labels(rivalsOf(deal, rows, NOW))).toEqual(["#1", "#3"]);
  });

  it("never makes two gmail.com customers with different names rivals", () => {
    const deal = row(10, 1, { customer: ACME_GMAIL });
    expect(rivalsOf(deal, [row(1, 2, { customer: GLOBEX_GMAIL })], NOW)).toEqual([]);
    expect(labels(rivalsOf(deal, [row(1, 2, { customer: ACME_GMAIL })], NOW))).toEqual(["#1"]);
  });

  it("agrees with checkConflicts for the same candidate", () => {
    const deal = row(10, 1);
    const rows = [row(1, 2), row(2, 1), row(3, 3, { status: "rejected" }), deal];
    expect(rivalsOf(deal, rows, NOW).map((r) => r.id)).toEqual(
      checkConflicts({ id: 10, partnerId: 1, customer: ACME }, rows, NOW).conflictsWith.map((r) => r.id),
    );
  });
});
