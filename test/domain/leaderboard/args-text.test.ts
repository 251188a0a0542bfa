import { describe, expect, it } from "vitest";
import {
  formatLeaderboardArgs,
  leaderboardArgsFromJson,
  leaderboardArgsKey,
} from "../../../src/domain/leaderboard/args-text";
import { type LeaderboardArgs, parseLeaderboardArgs } from "../../../src/domain/leaderboard/metrics";

const args = (fields: Partial<LeaderboardArgs> = {}): LeaderboardArgs => ({
  period: { kind: "week" },
  metric: "revenue",
  scope: "partners",
  chart: false,
  ...fields,
});

describe("leaderboard arguments written out", () => {
  it("writes every part in one order, the defaults included", () => {
    expect(formatLeaderboardArgs(args())).toBe("week revenue partners");
    expect(formatLeaderboardArgs(args({ period: { kind: "month" }, scope: "people", region: "EMEA" }))).toBe(
      "month revenue people region:EMEA",
    );
    expect(
      formatLeaderboardArgs(
        args({ period: { kind: "range", first: "2026-01-01", last: "2026-03-31" }, tier: "gold", chart: true }),
      ),
    ).toBe("2026-01-01..2026-03-31 revenue partners tier:gold chart");
  });

  it("quotes a filter with a space so the command reads it back whole", () => {
    expect(formatLeaderboardArgs(args({ region: "North America" }))).toBe(
      'week revenue partners region:"North America"',
    );
  });

  it("reads back to the same arguments through the parser", () => {
    const given = args({
      period: { kind: "last-month" },
      metric: "winrate",
      scope: "people",
      tier: "gold",
      chart: true,
    });
    const words = formatLeaderboardArgs(given).split(" ");
    const options: Record<string, string> = {};
    const plain = words.filter((word) => {
      const [key, value] = word.split(":");
      if (value === undefined || (key !== "region" && key !== "tier")) return true;
      options[key] = value;
      return false;
    });
    expect(parseLeaderboardArgs({ words: plain, options })).toEqual({ ok: true, args: given });
  });

  it("keys the same arguments the same however they were typed", () => {
    expect(leaderboardArgsKey(args({ region: "EMEA" }))).toBe(leaderboardArgsKey(args({ region: "emea" })));
    expect(leaderboardArgsKey(args())).not.toBe(leaderboardArgsKey(args({ chart: true })));
  });

  it("reads arguments from JSON and refuses what is not a valid argument", () => {
    const given = args({ period: { kind: "range", first: "2026-01-01", last: "2026-01-31" }, region: "EMEA" });
    expect(leaderboardArgsFromJson(JSON.parse(JSON.stringify(given)))).toEqual(given);
    expect(leaderboardArgsFromJson({ ...given, metric: "profit" })).toBeNull();
    expect(
      leaderboardArgsFromJson({ ...given, period: { kind: "range", first: "2026-02-01", last: "2026-01-01" } }),
    ).toBeNull();
    expect(leaderboardArgsFromJson({ ...given, period: { kind: "fortnight" } })).toBeNull();
    expect(leaderboardArgsFromJson("week")).toBeNull();
  });
});
