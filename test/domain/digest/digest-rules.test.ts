import { describe, expect, it } from "vitest";
import {
  capList,
  capPage,
  type DigestGoal,
  goalOrder,
  goalsAtRisk,
  isQuiet,
  largestFirst,
  partnersAtRisk,
  startedGoals,
  trimLeaderboard,
  weekDays,
  weekLabel,
} from "../../../src/domain/digest/digest-rules";
import { startOfDay } from "../../../src/domain/shared/zoned-time";

describe("digest lists", () => {
  it("keeps five and counts the rest", () => {
    expect(capList([1, 2, 3])).toEqual({ items: [1, 2, 3], more: 0 });
    expect(capList([1, 2, 3, 4, 5])).toEqual({ items: [1, 2, 3, 4, 5], more: 0 });
    expect(capList([1, 2, 3, 4, 5, 6, 7])).toEqual({ items: [1, 2, 3, 4, 5], more: 2 });
    expect(capList([1, 2, 3], 2)).toEqual({ items: [1, 2], more: 1 });
  });

  it("counts what a page left out from the total the database reported", () => {
    expect(capPage(["a", "b"], 2)).toEqual({ items: ["a", "b"], more: 0 });
    expect(capPage(["a", "b", "c", "d", "e"], 12)).toEqual({ items: ["a", "b", "c", "d", "e"], more: 7 });
    expect(capPage(["a", "b", "c", "d", "e", "f"], 6)).toEqual({ items: ["a", "b", "c", "d", "e"], more: 1 });
  });
});

describe("the week reported on", () => {
  it("names its local days, across a DST change too", () => {
    const zone = "Europe/Berlin";
    // The week holding the spring-forward night (2026-03-29) lasts 167 hours.
    const start = startOfDay("2026-03-23", zone);
    const end = startOfDay("2026-03-30", zone);
    expect(end.getTime() - start.getTime()).toBe(167 * 3_600_000);
    expect(weekDays(start, end, zone)).toEqual({ first: "2026-03-23", last: "2026-03-29" });
  });

  it("writes the year once, or twice when the week spans New Year", () => {
    expect(weekLabel("2026-11-23", "2026-11-29")).toBe("Nov 23 – Nov 29, 2026");
    expect(weekLabel("2026-12-28", "2027-01-03")).toBe("Dec 28, 2026 – Jan 3, 2027");
    expect(weekLabel("2026-11-30", "2026-12-06")).toBe("Nov 30 – Dec 6, 2026");
    expect(weekLabel("2026-11-23", "2026-11-23")).toBe("Nov 23, 2026");
  });
});

describe("deals won, largest first", () => {
  it("orders by converted value, the unpriced after, larger own amount first, older first on ties", () => {
    const won = [
      { item: "small", id: 1, value: 100n, amount: 100 },
      { item: "unpriced-small", id: 2, value: null, amount: 50 },
      { item: "large", id: 3, value: 9_000n, amount: 7_000 },
      { item: "unpriced-large", id: 4, value: null, amount: 900_000 },
      { item: "tie-later", id: 6, value: 500n, amount: 1 },
      { item: "tie-earlier", id: 5, value: 500n, amount: 2 },
    ];
    expect(largestFirst(won)).toEqual([
      "large",
      "tie-earlier",
      "tie-later",
      "small",
      "unpriced-large",
      "unpriced-small",
    ]);
  });
});

describe("the quiet rule", () => {
  const empty = { items: [], more: 0 };
  it("is quiet only when no section holds anything", () => {
    expect(isQuiet({ lists: [empty, empty], leaderboard: null })).toBe(true);
    expect(isQuiet({ lists: [], leaderboard: null })).toBe(true);
    expect(isQuiet({ lists: [empty, { items: [1], more: 0 }], leaderboard: null })).toBe(false);
    expect(isQuiet({ lists: [empty, { items: [], more: 3 }], leaderboard: null })).toBe(false);
    expect(isQuiet({ lists: [empty], leaderboard: { top: [] } })).toBe(false);
  });
});

describe("the digest's leaderboard", () => {
  const row = (name: string, mine = false, showAmount = true) => ({ name, mine, showAmount });
  it("keeps the top five and moves the reader's own row cut from them under the top", () => {
    const top = ["a", "b", "c", "d", "e", "f", "g"].map((name) => row(name, name === "g", name === "g"));
    const trimmed = trimLeaderboard(
      top.map((line) => ({ ...line, showAmount: line.mine })),
      null,
    );
    expect(trimmed.top.map((line) => line.name)).toEqual(["a", "b", "c", "d", "e"]);
    expect(trimmed.caller?.name).toBe("g");
    expect(trimmed.hiddenAmounts).toBe(true);
  });

  it("keeps a caller row it was given, and sees no hidden amounts when all show", () => {
    const top = [row("a"), row("b")];
    expect(trimLeaderboard(top, row("z", true))).toEqual({ top, caller: row("z", true), hiddenAmounts: false });
    expect(trimLeaderboard([row("a"), row("b", false, false)], null, 1)).toEqual({
      top: [row("a")],
      caller: null,
      hiddenAmounts: false,
    });
  });
});

describe("goals in the digest", () => {
  const line = (
    name: string,
    owner: { partnerId?: number; tier?: string } = {},
    status: DigestGoal["progress"]["status"] = "on_pace",
    actual = 50,
    expectedByNow = 50,
    periodStart = "2026-03-01",
  ): DigestGoal & { name: string } => ({
    name,
    goal: { partnerId: owner.partnerId ?? null, tier: owner.tier ?? null, periodStart },
    partnerName: owner.partnerId !== undefined || owner.tier !== undefined ? name : null,
    actual,
    progress: { status, expectedByNow },
  });

  it("leaves out goals that have not started", () => {
    const lines = [line("march"), line("april", {}, "on_pace", 0, 0, "2026-04-01")];
    expect(startedGoals(lines, "2026-03-31").map((goal) => goal.name)).toEqual(["march"]);
    expect(startedGoals(lines, "2026-04-01").map((goal) => goal.name)).toEqual(["march", "april"]);
  });

  it("puts the program's goals first, then tiers', then partners', keeping their order otherwise", () => {
    const lines = [
      line("acme", { partnerId: 1 }),
      line("gold", { tier: "gold" }),
      line("program"),
      line("bee", { partnerId: 2 }),
    ];
    expect(goalOrder(lines).map((goal) => goal.name)).toEqual(["program", "gold", "acme", "bee"]);
  });

  it("lists partners at risk furthest behind first; the queue adds the program's", () => {
    const lines = [
      line("program", {}, "at_risk", 10, 100),
      line("slightly", { partnerId: 1 }, "at_risk", 80, 100),
      line("far", { partnerId: 2 }, "at_risk", 5, 100),
      line("fine", { partnerId: 3 }, "on_pace", 95, 100),
      line("missed", { partnerId: 4 }, "missed", 0, 100),
    ];
    expect(partnersAtRisk(lines).map((goal) => goal.name)).toEqual(["far", "slightly"]);
    expect(goalsAtRisk(lines).map((goal) => goal.name)).toEqual(["far", "program", "slightly"]);
  });
});
