import { describe, expect, it } from "vitest";
import { blocksNewRegistrations, checkConflicts, type ExistingRegistration } from "../../../src/domain/deals/conflicts";
import type { CustomerKeys } from "../../../src/domain/deals/customer";
import { REGISTRATION_STATUSES, type RegistrationStatus } from "../../../src/domain/deals/registration";
import { STAGES, type Stage } from "../../../src/domain/deals/stages";

const NOW = new Date("2026-05-01T12:00:00Z");
const LATER = new Date("2026-06-01T00:00:00Z");
const EARLIER = new Date("2026-04-01T00:00:00Z");

const ACME: CustomerKeys = { domain: "acme.com", nameKey: "acme" };
const ACME_NO_DOMAIN: CustomerKeys = { domain: null, nameKey: "acme" };
const ACME_DE: CustomerKeys = { domain: "acme.de", nameKey: "acme" };
const GLOBEX: CustomerKeys = { domain: "globex.com", nameKey: "globex" };

let nextId = 1;
function registration(overrides: Partial<ExistingRegistration> = {}): ExistingRegistration {
  return {
    id: nextId++,
    partnerId: 2,
    customer: ACME,
    status: "pending",
    stage: "prospecting",
    protectedUntil: null,
    ...overrides,
  };
}

describe("blocksNewRegistrations", () => {
  const cases: [RegistrationStatus, Stage, Date | null, boolean][] = [];
  for (const status of REGISTRATION_STATUSES) {
    for (const stage of STAGES) {
      const undecided = status === "pending" || status === "conflict" || status === "info_requested";
      const open = stage !== "won" && stage !== "lost";
      cases.push([status, stage, null, undecided && open]);
      cases.push([status, stage, LATER, (undecided && open) || (status === "approved" && stage !== "lost")]);
      cases.push([status, stage, EARLIER, undecided && open]);
    }
  }

  it.each(cases)("%s in %s, protected until %s: %s", (status, stage, protectedUntil, expected) => {
    expect(blocksNewRegistrations(registration({ status, stage, protectedUntil }), NOW)).toBe(expected);
  });

  it("stops blocking exactly when protection ends", () => {
    const approved = registration({ status: "approved", protectedUntil: NOW });
    expect(blocksNewRegistrations(approved, new Date(NOW.getTime() - 1))).toBe(true);
    expect(blocksNewRegistrations(approved, NOW)).toBe(false);
  });

  it("keeps a won deal protected until its protection ends", () => {
    expect(blocksNewRegistrations(registration({ status: "approved", stage: "won", protectedUntil: LATER }), NOW)).toBe(
      true,
    );
  });
});

describe("checkConflicts", () => {
  it("finds nothing when there is nothing", () => {
    expect(checkConflicts({ partnerId: 1, customer: ACME }, [], NOW)).toEqual({ duplicateOf: null, conflictsWith: [] });
  });

  it("flags the same customer registered by another partner", () => {
    const other = registration({ id: 10, partnerId: 2 });
    expect(checkConflicts({ partnerId: 1, customer: ACME }, [other], NOW)).toEqual({
      duplicateOf: null,
      conflictsWith: [other],
    });
  });

  it("flags the same customer registered by the same partner as a duplicate, not a conflict", () => {
    const own = registration({ id: 10, partnerId: 1 });
    expect(checkConflicts({ partnerId: 1, customer: ACME }, [own], NOW)).toEqual({
      duplicateOf: own,
      conflictsWith: [],
    });
  });

  it("picks the newest of several own registrations", () => {
    const a = registration({ id: 5, partnerId: 1 });
    const b = registration({ id: 12, partnerId: 1, status: "approved", protectedUntil: LATER });
    const c = registration({ id: 8, partnerId: 1, status: "info_requested" });
    expect(checkConflicts({ partnerId: 1, customer: ACME }, [a, b, c], NOW).duplicateOf).toBe(b);
  });

  it("reports both a duplicate and conflicts, conflicts sorted by id", () => {
    const own = registration({ id: 7, partnerId: 1 });
    const x = registration({ id: 30, partnerId: 3 });
    const y = registration({ id: 4, partnerId: 2, status: "approved", protectedUntil: LATER });
    const z = registration({ id: 15, partnerId: 2, status: "conflict" });
    const result = checkConflicts({ partnerId: 1, customer: ACME }, [x, own, y, z], NOW);
    expect(result.duplicateOf).toBe(own);
    expect(result.conflictsWith.map((r) => r.id)).toEqual([4, 15, 30]);
  });

  it("ignores registrations that no longer block", () => {
    const existing = [
      registration({ id: 1, partnerId: 2, status: "rejected" }),
      registration({ id: 2, partnerId: 2, status: "expired", protectedUntil: EARLIER }),
      registration({ id: 3, partnerId: 2, status: "approved", protectedUntil: EARLIER }),
      registration({ id: 4, partnerId: 2, status: "approved", stage: "lost", protectedUntil: LATER }),
      registration({ id: 5, partnerId: 2, status: "pending", stage: "won" }),
      registration({ id: 6, partnerId: 2, status: "pending", stage: "lost" }),
      registration({ id: 7, partnerId: 1, status: "rejected" }),
      registration({ id: 8, partnerId: 1, status: "approved", protectedUntil: NOW }),
    ];
    expect(checkConflicts({ partnerId: 1, customer: ACME }, existing, NOW)).toEqual({
      duplicateOf: null,
      conflictsWith: [],
    });
  });

  it.each([
    ["same domain", ACME, { domain: "acme.com", nameKey: "acme widgets" }, true],
    ["same name, candidate has no domain", ACME_NO_DOMAIN, ACME, true],
    ["same name, existing has no domain", ACME, ACME_NO_DOMAIN, true],
    ["same name, different domains", ACME, ACME_DE, false],
    ["different customer", ACME, GLOBEX, false],
    ["different names, no domains", ACME_NO_DOMAIN, { domain: null, nameKey: "acme holdings" }, false],
  ] as const)("matches customers by keys: %s -> %s", (_case, candidate, existing, conflicts) => {
    const other = registration({ id: 40, partnerId: 2, customer: existing });
    expect(checkConflicts({ partnerId: 1, customer: candidate }, [other], NOW).conflictsWith).toEqual(
      conflicts ? [other] : [],
    );
  });

  it("leaves out the registration being re-checked", () => {
    const self = registration({ id: 50, partnerId: 1 });
    const other = registration({ id: 51, partnerId: 2 });
    expect(checkConflicts({ id: 50, partnerId: 1, customer: ACME }, [self, other], NOW)).toEqual({
      duplicateOf: null,
      conflictsWith: [other],
    });
  });

  it("does not reorder the list it was given", () => {
    const existing = [registration({ id: 9 }), registration({ id: 3 })];
    checkConflicts({ partnerId: 1, customer: ACME }, existing, NOW);
    expect(existing.map((r) => r.id)).toEqual([9, 3]);
  });
});
