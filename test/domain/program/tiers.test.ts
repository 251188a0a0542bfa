import { describe, expect, it } from "vitest";
import { WINRATE_MIN_CLOSED } from "../../../src/domain/leaderboard/metrics";
import { TIERS, type Tier } from "../../../src/domain/partners/partner-rules";
import { DEFAULT_PROGRAM_CONFIG } from "../../../src/domain/program/program-config";
import type { TierFigures, TierRule } from "../../../src/domain/program/program-types";
import {
  canDemote,
  graceEndsAt,
  meetsRule,
  qualifyingTier,
  tierChange,
  tierProgress,
  tierRank,
  trailingTwelveMonths,
} from "../../../src/domain/program/tiers";
import { addDays } from "../../../src/domain/shared/zoned-time";

const rules = DEFAULT_PROGRAM_CONFIG.tierRules;
function rule(tier: Tier): TierRule {
  const found = rules.find((r) => r.tier === tier);
  if (found === undefined) throw new Error(`no rule for ${tier}`);
  return found;
}

function figures(input: Partial<TierFigures> & { trained?: number } = {}): TierFigures {
  const { trained = 0, ...rest } = input;
  return {
    wonRevenueMinor: 0,
    dealsWon: 0,
    closed: 0,
    winRate: null,
    peopleTrained: { registered: trained, silver: trained, gold: trained, platinum: trained },
    unpriced: 0,
    ...rest,
  };
}

/** Exactly what a tier asks for (win rate counted from enough closed deals). */
function exactly(tier: Tier): TierFigures {
  const r = rule(tier);
  return figures({
    wonRevenueMinor: r.wonRevenueMinor,
    dealsWon: r.dealsWon,
    trained: r.peopleTrained,
    closed: Math.max(WINRATE_MIN_CLOSED, r.dealsWon),
    winRate: r.winRate,
  });
}

const localDayFormats = new Map<string, Intl.DateTimeFormat>();
/** The local calendar day of an instant, from Intl directly (not the code under test). */
function localDay(instant: Date, timeZone: string): string {
  let format = localDayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    localDayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

describe("tierRank", () => {
  it("ranks the tiers from the entry one up", () => {
    expect(TIERS.map(tierRank)).toEqual([0, 1, 2, 3]);
  });
});

describe("trailingTwelveMonths", () => {
  it.each([
    // today in the zone → [first local day, day after today)
    ["2026-11-30T12:00:00Z", "UTC", "2025-12-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"],
    ["2026-11-30T12:00:00Z", "Europe/Berlin", "2025-11-30T23:00:00.000Z", "2026-11-30T23:00:00.000Z"],
    // Leap day: a year before is clamped to Feb 28, so the window starts on March 1.
    ["2028-02-29T12:00:00Z", "UTC", "2027-03-01T00:00:00.000Z", "2028-03-01T00:00:00.000Z"],
    ["2028-02-28T12:00:00Z", "UTC", "2027-03-01T00:00:00.000Z", "2028-02-29T00:00:00.000Z"],
    ["2029-02-28T12:00:00Z", "UTC", "2028-02-29T00:00:00.000Z", "2029-03-01T00:00:00.000Z"],
    ["2029-03-01T12:00:00Z", "UTC", "2028-03-02T00:00:00.000Z", "2029-03-02T00:00:00.000Z"],
    // Month ends.
    ["2026-03-31T12:00:00Z", "UTC", "2025-04-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
    ["2026-12-31T12:00:00Z", "UTC", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["2027-01-01T12:00:00Z", "UTC", "2026-01-02T00:00:00.000Z", "2027-01-02T00:00:00.000Z"],
    // Auckland is already on Dec 1 (NZDT, +13) at noon UTC on Nov 30.
    ["2026-11-30T12:00:00Z", "Pacific/Auckland", "2025-12-01T11:00:00.000Z", "2026-12-01T11:00:00.000Z"],
    // Auckland DST ended that morning: the start is still NZDT (+13), the end NZST (+12).
    ["2026-04-05T00:00:00Z", "Pacific/Auckland", "2025-04-05T11:00:00.000Z", "2026-04-05T12:00:00.000Z"],
    // Auckland DST began the day before (local Sep 28, 01:00 NZDT).
    ["2026-09-27T12:00:00Z", "Pacific/Auckland", "2025-09-28T11:00:00.000Z", "2026-09-28T11:00:00.000Z"],
    // Los Angeles on the morning DST begins: start in PST (−8), end in PDT (−7).
    ["2026-03-08T10:30:00Z", "America/Los_Angeles", "2025-03-09T08:00:00.000Z", "2026-03-09T07:00:00.000Z"],
    // Late evening in Los Angeles is already tomorrow in UTC: the local day decides.
    ["2026-12-01T07:59:59Z", "America/Los_Angeles", "2025-12-01T08:00:00.000Z", "2026-12-01T08:00:00.000Z"],
    ["2026-12-01T08:00:00Z", "America/Los_Angeles", "2025-12-02T08:00:00.000Z", "2026-12-02T08:00:00.000Z"],
  ])("on %s in %s: %s .. %s", (now, zone, start, end) => {
    const window = trailingTwelveMonths(new Date(now), zone);
    expect(window.start.toISOString()).toBe(start);
    expect(window.end.toISOString()).toBe(end);
  });

  it.each(["Pacific/Auckland", "America/Los_Angeles", "Europe/Berlin", "Asia/Kolkata", "America/Santiago"])(
    "in %s both bounds are local midnights (start of the day) and now lies inside, every day of a year",
    (zone) => {
      for (let day = 0; day < 366; day++) {
        const now = new Date(Date.UTC(2026, 0, 1, 5, 17) + day * 86_400_000);
        const { start, end } = trailingTwelveMonths(now, zone);
        expect(start.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(end.getTime()).toBeGreaterThan(now.getTime());
        for (const bound of [start, end]) {
          expect(localDay(bound, zone) > localDay(new Date(bound.getTime() - 1), zone)).toBe(true);
        }
        expect(localDay(end, zone)).toBe(addDays(localDay(now, zone), 1));
        // 365 or 366 local days, whatever the clock changes in between.
        expect([365, 366]).toContain(Math.round((end.getTime() - start.getTime()) / 86_400_000));
      }
    },
  );
});

describe("meetsRule", () => {
  it.each(["silver", "gold", "platinum"] as const)("%s: exactly at every threshold meets", (tier) => {
    expect(meetsRule(exactly(tier), rule(tier))).toBe(true);
  });

  it.each(["silver", "gold", "platinum"] as const)("%s: one below on any part does not", (tier) => {
    const at = exactly(tier);
    const r = rule(tier);
    expect(meetsRule({ ...at, wonRevenueMinor: r.wonRevenueMinor - 1 }, r)).toBe(false);
    expect(meetsRule({ ...at, dealsWon: r.dealsWon - 1 }, r)).toBe(false);
    expect(meetsRule({ ...at, peopleTrained: { ...at.peopleTrained, [tier]: r.peopleTrained - 1 } }, r)).toBe(false);
    if (r.winRate > 0) expect(meetsRule({ ...at, winRate: r.winRate - 0.0001 }, r)).toBe(false);
  });

  it("counts only the people trained for the rule's own tier", () => {
    const at = exactly("gold");
    expect(meetsRule({ ...at, peopleTrained: { silver: 10, gold: 1 } }, rule("gold"))).toBe(false);
    expect(meetsRule({ ...at, peopleTrained: { silver: 0, gold: 2 } }, rule("gold"))).toBe(true);
    expect(meetsRule({ ...at, peopleTrained: {} }, rule("gold"))).toBe(false);
  });

  it("a required win rate is not met without a win rate (too few closed deals)", () => {
    expect(meetsRule({ ...exactly("gold"), winRate: null }, rule("gold"))).toBe(false);
  });

  it("no win rate is fine when the tier requires none", () => {
    expect(meetsRule({ ...exactly("silver"), winRate: null }, rule("silver"))).toBe(true);
  });

  it("the entry tier asks for nothing", () => {
    expect(meetsRule(figures(), rule("registered"))).toBe(true);
  });
});

describe("qualifyingTier", () => {
  it.each(TIERS)("figures exactly at %s qualify for %s", (tier) => {
    expect(qualifyingTier(exactly(tier), rules)).toBe(tier);
  });

  it("falls to the tier below when one part is one minor unit short", () => {
    const at = exactly("gold");
    expect(qualifyingTier({ ...at, wonRevenueMinor: at.wonRevenueMinor - 1 }, rules)).toBe("silver");
    expect(qualifyingTier({ ...at, winRate: null }, rules)).toBe("silver");
  });

  it("is the highest tier met, with figures far above platinum", () => {
    const huge = figures({ wonRevenueMinor: 1e12, dealsWon: 500, trained: 40, closed: 600, winRate: 0.9 });
    expect(qualifyingTier(huge, rules)).toBe("platinum");
  });

  it("is the entry tier with nothing", () => {
    expect(qualifyingTier(figures(), rules)).toBe("registered");
    expect(qualifyingTier(figures(), [])).toBe("registered");
  });
});

describe("tierChange", () => {
  it("promotes, demotes or leaves alone", () => {
    expect(tierChange("silver", "platinum")).toEqual({ kind: "promote", to: "platinum" });
    expect(tierChange("gold", "registered")).toEqual({ kind: "demote", to: "registered" });
    for (const tier of TIERS) expect(tierChange(tier, tier)).toEqual({ kind: "none" });
  });
});

describe("tierProgress", () => {
  it("shows each part the next tier asks for, with what the partner has", () => {
    const have = figures({ wonRevenueMinor: 4_200_000, dealsWon: 2, closed: 6, winRate: 0.31, trained: 2 });
    expect(tierProgress(have, rules, "silver")).toEqual({
      current: "silver",
      next: "gold",
      parts: [
        { criterion: "revenue", have: 4_200_000, need: 6_000_000, met: false },
        { criterion: "won", have: 2, need: 5, met: false },
        { criterion: "trained", have: 2, need: 2, met: true },
        { criterion: "winrate", have: 0.31, need: 0.25, met: true },
      ],
    });
  });

  it("leaves out the parts the next tier does not ask for", () => {
    const progress = tierProgress(figures(), rules, "registered");
    expect(progress.next).toBe("silver");
    expect(progress.parts.map((part) => part.criterion)).toEqual(["revenue", "won", "trained"]);
  });

  it("shows no win rate yet as 0, not met", () => {
    const progress = tierProgress(figures({ closed: 2 }), rules, "gold");
    expect(progress.parts.find((part) => part.criterion === "winrate")).toEqual({
      criterion: "winrate",
      have: 0,
      need: 0.35,
      met: false,
    });
  });

  it("counts people trained for the next tier", () => {
    const have = figures({ peopleTrained: { silver: 5, gold: 1 } });
    expect(tierProgress(have, rules, "silver").parts.find((part) => part.criterion === "trained")?.have).toBe(1);
  });

  it("has no next tier at the top", () => {
    expect(tierProgress(exactly("platinum"), rules, "platinum")).toEqual({
      current: "platinum",
      next: null,
      parts: [],
    });
  });
});

describe("demotion grace", () => {
  const opened = new Date("2026-11-01T10:00:00Z");

  it("ends whole days after the review opened", () => {
    expect(graceEndsAt(opened, 30).toISOString()).toBe("2026-12-01T10:00:00.000Z");
  });

  it("allows demotion from the end of the grace period, not before", () => {
    const ends = graceEndsAt(opened, 30);
    expect(canDemote(ends, new Date(ends.getTime() - 1))).toBe(false);
    expect(canDemote(ends, ends)).toBe(true);
    expect(canDemote(ends, new Date(ends.getTime() + 86_400_000))).toBe(true);
  });
});
