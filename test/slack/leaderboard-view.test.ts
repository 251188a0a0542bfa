import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../src/domain/leaderboard/periods";
import type { LeaderboardLine, LeaderboardResult } from "../../src/services/leaderboard";
import { ACTIONS } from "../../src/slack/ids";
import { buttonArgs } from "../../src/slack/listeners/actions/leaderboard-actions";
import { leaderboardChartInput } from "../../src/slack/views/leaderboard-chart-input";
import {
  chartAltText,
  leaderboardButtonValue,
  leaderboardMessage,
  leaderboardTitle,
} from "../../src/slack/views/leaderboard-view";
import { expectWithinSlackLimits } from "../support/block-limits";
import { visibleText } from "../support/harness";

const period = resolvePeriod({ kind: "month" }, new Date("2026-11-15T12:00:00Z"), "Europe/Berlin", 1);

function line(rank: number | null, name: string, value: number | null, extra: Partial<LeaderboardLine> = {}) {
  return {
    key: `partner:${name}`,
    name,
    partnerId: 1,
    userId: null,
    value,
    count: 4,
    won: 3,
    unpriced: 0,
    unpricedCurrencies: [],
    rank,
    movement: { kind: "same" },
    showAmount: true,
    mine: false,
    ...extra,
  } satisfies LeaderboardLine;
}

function result(extra: Partial<LeaderboardResult> = {}): LeaderboardResult {
  return {
    period,
    metric: "revenue",
    scope: "partners",
    region: null,
    tier: null,
    chart: false,
    reportingCurrency: "EUR",
    top: [
      line(1, "Acme Resellers", 1_250_000, { movement: { kind: "up", by: 2 } }),
      line(2, "Globex", 900_000, { movement: { kind: "down", by: 1 } }),
      line(2, "Initech", 900_000, { movement: { kind: "new" } }),
      line(4, "Umbrella", 10_000),
    ],
    caller: null,
    total: 3_060_000,
    unpriced: 0,
    unpricedCurrencies: [],
    hiddenAmounts: false,
    goalLines: [],
    argsText: "month revenue partners",
    ...extra,
  };
}

const textOf = (r: LeaderboardResult, options = { buttons: true }) => {
  const message = leaderboardMessage(r, options);
  expectWithinSlackLimits(message);
  return visibleText(message.blocks);
};

describe("leaderboard answer", () => {
  it("titles metric, period, scope and filters", () => {
    expect(leaderboardTitle(result({ region: "EMEA", tier: "gold", scope: "people" }))).toBe(
      "Revenue won · November 2026 · People · region EMEA · tier gold",
    );
  });

  it("lists ranks with shared ties, amounts in the reporting currency and movement", () => {
    const text = textOf(result());
    expect(text).toContain("*1.* Acme Resellers — EUR 12,500.00 · :arrow_up_small: 2");
    expect(text).toContain("*2.* Globex — EUR 9,000.00 · :arrow_down_small: 1");
    expect(text).toContain("*2.* Initech — EUR 9,000.00 · new");
    expect(text).toContain("*4.* Umbrella — EUR 100.00 · –");
    expect(text).toContain("Total: EUR 30,600.00");
  });

  it("shows the caller's own row under a divider, and ranks only where amounts are private", () => {
    const caller = line(14, "Mine & Co", 5_000, { mine: true });
    const hidden = result({
      top: result().top.map((row) => ({ ...row, showAmount: false })),
      caller,
      hiddenAmounts: true,
      total: null,
    });
    const message = leaderboardMessage(hidden, { buttons: true });
    const types = (message.blocks ?? []).map((block) => block.type);
    expect(types.indexOf("divider")).toBeGreaterThan(0);
    const text = visibleText(message.blocks);
    expect(text).toContain("*1.* Acme Resellers — rank only");
    expect(text).not.toContain("12,500");
    expect(text).toContain("*14.* *Mine &amp; Co* (your company) — EUR 50.00");
    expect(text).toContain("amounts are private");
    expect(text).not.toContain("Total");
  });

  it("flags unpriced deals instead of pricing them as zero", () => {
    const text = textOf(result({ unpriced: 3, unpricedCurrencies: ["BRL"] }));
    expect(text).toContain("3 deals in BRL not priced");
  });

  it("names people without a known display name by mention, and others as stored", () => {
    const people = result({
      scope: "people",
      top: [line(1, "U0PAT", 100, { userId: "U0PAT" }), line(2, "Dana *D*", 50, { userId: "U0DANA", mine: true })],
    });
    const text = textOf(people);
    expect(text).toContain("*1.* <@U0PAT> — EUR 1.00");
    expect(text).toContain("*2.* *Dana \u2217D\u2217* (you) — EUR 0.50");
  });

  it("formats counts and win rates, with the minimum for unranked rows", () => {
    const winrate = result({
      metric: "winrate",
      top: [line(1, "Acme", 0.75)],
      caller: line(null, "Tiny", null, { count: 2, mine: true }),
    });
    const text = textOf(winrate);
    expect(text).toContain("75 % (3 of 4)");
    expect(text).toContain("not ranked: 2 closed deals, 3 needed");
    expect(textOf(result({ metric: "deals", top: [line(1, "Acme", 1)], total: 1 }))).toContain("1 deal won");
  });

  it("says so when nothing happened, and carries the arguments on both buttons", () => {
    const message = leaderboardMessage(result({ top: [], total: null }), { buttons: true });
    expect(visibleText(message.blocks)).toContain("Nothing to show for this period yet.");
    const buttons = JSON.stringify(message.blocks);
    expect(buttons).toContain(ACTIONS.leaderboardPost);
    expect(buttons).toContain(ACTIONS.leaderboardChart);
    expect(leaderboardMessage(result(), { buttons: false }).blocks?.some((b) => b.type === "actions")).toBe(false);
  });

  it("reads a button's arguments back through the command parser, refusing forged ones", () => {
    const value = leaderboardButtonValue('2026-01-01..2026-03-31 pipeline people region:"North America" tier:gold');
    expect(buttonArgs(value)).toEqual({
      period: { kind: "range", first: "2026-01-01", last: "2026-03-31" },
      metric: "pipeline",
      scope: "people",
      region: "North America",
      tier: "gold",
      chart: false,
    });
    for (const forged of ["", "{", '{"args":5}', '{"args":"month <!channel>"}', "null"]) {
      expect(buttonArgs(forged)).toBeNull();
    }
  });

  it("shows the chart as a slack_file image block with alt text, and escapes names everywhere", () => {
    const named = result({ top: [line(1, "*bold* <!channel> & _x_", 100)] });
    const message = leaderboardMessage(named, { buttons: true, chartFileId: "F123" });
    expectWithinSlackLimits(message);
    const image = message.blocks?.find((block) => block.type === "image");
    expect(image).toMatchObject({ slack_file: { id: "F123" }, alt_text: chartAltText(named) });
    expect(JSON.stringify(message.blocks)).not.toContain(ACTIONS.leaderboardChart);
    const list = JSON.stringify(leaderboardMessage(named, { buttons: true }));
    expect(list).not.toContain("<!channel>");
    expect(list).not.toContain("*bold*");
  });

  it("stays within Slack's limits with long names on every row", () => {
    const long = "&<>".repeat(200);
    const top = Array.from({ length: 10 }, (_, i) => line(i + 1, `${long}${i}`, 99_999_999_999));
    const worst = result({
      top,
      caller: line(11, long, 1, { mine: true }),
      region: "R".repeat(200),
      tier: "T".repeat(200),
      unpriced: 9,
      unpricedCurrencies: ["BRL", "ARS", "JPY"],
      goalLines: [{ label: "Program", value: 5 }],
      argsText: `month revenue partners region:${"R".repeat(900)} tier:${"T".repeat(900)}`,
    });
    expectWithinSlackLimits(leaderboardMessage(worst, { buttons: true, postedBy: "U1" }));
    expectWithinSlackLimits(leaderboardMessage(worst, { buttons: true, chartFileId: "F1" }));
  });
});

describe("leaderboard chart input", () => {
  it("draws money in major units with goal lines in the same unit", () => {
    const input = leaderboardChartInput(result({ goalLines: [{ label: "Program", value: 2_000_000 }] }));
    expect(input.unit).toBe("EUR");
    expect(input.rows[0]).toEqual({ label: "1. Acme Resellers", value: 12_500, display: "EUR 12,500.00" });
    expect(input.goalLines).toEqual([{ label: "Program EUR 20,000.00", value: 20_000 }]);
  });

  it("draws bars by rank when amounts are private, so no bar gives one away", () => {
    const hidden = result({
      top: [
        line(1, "Acme", 1_250_000, { showAmount: false }),
        line(2, "Mine", 900_000, { mine: true }),
        line(3, "Globex", 10, { showAmount: false }),
      ],
      hiddenAmounts: true,
      goalLines: [{ label: "Program", value: 2_000_000 }],
    });
    const input = leaderboardChartInput(hidden);
    expect(input.rows.map((row) => [row.value, row.display])).toEqual([
      [3, "#1"],
      [2, "EUR 9,000.00"],
      [1, "#3"],
    ]);
    expect(input.goalLines ?? []).toEqual([]);
    expect(JSON.stringify(input)).not.toContain("12,500");
  });

  it("draws win rates in percent", () => {
    const input = leaderboardChartInput(result({ metric: "winrate", top: [line(1, "Acme", 0.5)] }));
    expect(input.rows[0]?.value).toBeCloseTo(50);
    expect(input.unit).toBe("% won");
  });
});
