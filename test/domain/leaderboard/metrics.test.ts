import { describe, expect, it } from "vitest";
import { parseLeaderboardArgs } from "../../../src/domain/leaderboard/metrics";

const parse = (words: string[], options: Record<string, string> = {}) => parseLeaderboardArgs({ words, options });

describe("parseLeaderboardArgs", () => {
  it("defaults to this week's revenue of partners", () => {
    expect(parse([])).toEqual({
      ok: true,
      args: { period: { kind: "week" }, metric: "revenue", scope: "partners", chart: false },
    });
  });

  it("takes every part in any order and any case", () => {
    const forward = parse(["quarter", "winrate", "people", "chart"], { region: " EMEA ", tier: "gold" });
    const backward = parse(["Chart", "PEOPLE", "WinRate", "Quarter"], { tier: "gold", region: "EMEA" });
    const expected = {
      ok: true,
      args: {
        period: { kind: "quarter" },
        metric: "winrate",
        scope: "people",
        chart: true,
        region: "EMEA",
        tier: "gold",
      },
    };
    expect(forward).toEqual(expected);
    expect(backward).toEqual(expected);
  });

  it("knows every metric and a few natural aliases", () => {
    for (const metric of ["revenue", "deals", "pipeline", "winrate", "registrations", "kudos"]) {
      expect(parse([metric])).toMatchObject({ ok: true, args: { metric } });
    }
    expect(parse(["win-rate"])).toMatchObject({ ok: true, args: { metric: "winrate" } });
    expect(parse(["shoutouts"])).toMatchObject({ ok: true, args: { metric: "kudos" } });
    expect(parse(["partner"])).toMatchObject({ ok: true, args: { scope: "partners" } });
  });

  it("reads a range", () => {
    expect(parse(["2026-01-01..2026-03-31", "deals"])).toMatchObject({
      ok: true,
      args: { period: { kind: "range", first: "2026-01-01", last: "2026-03-31" }, metric: "deals" },
    });
  });

  it("names an unknown word", () => {
    expect(parse(["month", "revnue"])).toEqual({
      ok: false,
      problem: { code: "leaderboard_word_unknown", params: { word: "revnue" } },
    });
  });

  it("refuses a part given twice rather than picking one", () => {
    expect(parse(["month", "year"])).toEqual({
      ok: false,
      problem: { code: "leaderboard_part_repeated", params: { first: "month", second: "year" } },
    });
    expect(parse(["deals", "revenue"])).toMatchObject({ ok: false, problem: { code: "leaderboard_part_repeated" } });
    expect(parse(["people", "partners"])).toMatchObject({ ok: false, problem: { code: "leaderboard_part_repeated" } });
    expect(parse(["chart", "chart"])).toMatchObject({ ok: false, problem: { code: "leaderboard_part_repeated" } });
  });

  it("passes a bad range's reason through and refuses an empty filter", () => {
    expect(parse(["2026-02-30..2026-03-01"])).toEqual({
      ok: false,
      problem: { code: "leaderboard_range_invalid", params: { text: "2026-02-30..2026-03-01" } },
    });
    expect(parse(["2026-03-01..2026-01-01"])).toMatchObject({
      ok: false,
      problem: { code: "leaderboard_range_reversed" },
    });
    expect(parse([], { region: "  " })).toEqual({
      ok: false,
      problem: { code: "leaderboard_filter_empty", params: { key: "region" } },
    });
  });
});
