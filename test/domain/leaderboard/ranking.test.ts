import { describe, expect, it } from "vitest";
import { leaderboardRows, movement, rankRows, type ScoredRow } from "../../../src/domain/leaderboard/ranking";

const row = (name: string, value: number | null, key = name): ScoredRow => ({ key, name, value });

describe("rankRows", () => {
  it("uses standard competition ranking with ties listed by name", () => {
    const ranked = rankRows([
      row("Delta", 50),
      row("charlie", 80),
      row("Bravo", 80),
      row("Alpha", 100),
      row("Echo", 10),
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ["Alpha", 1],
      ["Bravo", 2],
      ["charlie", 2],
      ["Delta", 4],
      ["Echo", 5],
    ]);
  });

  it("ranks a three-way tie at the top and skips two ranks after it", () => {
    const ranked = rankRows([row("C", 5), row("A", 5), row("B", 5), row("D", 4)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1, 4]);
  });

  it("leaves rows without a value unranked, after the ranked ones", () => {
    const ranked = rankRows([row("Zed", null), row("Ann", 0.5), row("Bob", null), row("Cid", 0.75)]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ["Cid", 1],
      ["Ann", 2],
      ["Bob", null],
      ["Zed", null],
    ]);
  });

  it("ranks zero values and equal fractions computed differently as ties", () => {
    const ranked = rankRows([row("A", 1 / 3), row("B", 2 / 6), row("C", 0)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });
});

describe("movement", () => {
  it("says up, down, same or new", () => {
    expect(movement(1, 3)).toEqual({ kind: "up", by: 2 });
    expect(movement(4, 2)).toEqual({ kind: "down", by: 2 });
    expect(movement(2, 2)).toEqual({ kind: "same" });
    expect(movement(2, undefined)).toEqual({ kind: "new" });
    expect(movement(2, null)).toEqual({ kind: "new" });
  });
});

describe("leaderboardRows", () => {
  const current = Array.from({ length: 14 }, (_, i) => row(`P${String(i + 1).padStart(2, "0")}`, 1000 - i * 10));

  it("keeps the top ten with movement against the previous period", () => {
    const previous = [row("P02", 999), row("P01", 500), row("P03", 400)];
    const { top, caller } = leaderboardRows(current, previous, "P05");
    expect(top).toHaveLength(10);
    expect(top[0]).toMatchObject({ name: "P01", rank: 1, movement: { kind: "up", by: 1 } });
    expect(top[1]).toMatchObject({ name: "P02", rank: 2, movement: { kind: "down", by: 1 } });
    expect(top[2]).toMatchObject({ name: "P03", rank: 3, movement: { kind: "same" } });
    expect(top[3]).toMatchObject({ name: "P04", movement: { kind: "new" } });
    expect(caller).toBeNull();
  });

  it("adds the caller's own row when it is outside the top ten", () => {
    const { top, caller } = leaderboardRows(current, [], "P13");
    expect(top.map((r) => r.key)).not.toContain("P13");
    expect(caller).toMatchObject({ key: "P13", rank: 13 });
  });

  it("extends the top past ten only by ranks, and shows an unranked caller with rank null", () => {
    const rows = [...current.slice(0, 10), row("P11", null), row("P12", null)];
    const { top, caller } = leaderboardRows(rows, [], "P12");
    expect(top).toHaveLength(10);
    expect(caller).toMatchObject({ key: "P12", rank: null, movement: { kind: "new" } });
    expect(leaderboardRows(rows, [], "NOBODY").caller).toBeNull();
    expect(leaderboardRows(rows, [], null).caller).toBeNull();
  });

  it("keeps extra fields of the rows", () => {
    const { top } = leaderboardRows([{ ...row("A", 5), unpriced: 2 }], [], null);
    expect(top[0]?.unpriced).toBe(2);
  });
});
