/** What a leaderboard ranks: a row key, its display name and its value (null: too little data to rank). */
export interface ScoredRow {
  key: string;
  name: string;
  value: number | null;
}

export type Movement = { kind: "up"; by: number } | { kind: "down"; by: number } | { kind: "same" } | { kind: "new" };

export type RankedRow<T extends ScoredRow = ScoredRow> = T & {
  /** Null for a row that is not ranked (its value is null). */
  rank: number | null;
  movement: Movement;
};

export const LEADERBOARD_SIZE = 10;

const byName = (a: ScoredRow, b: ScoredRow): number =>
  a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Standard competition ranking: equal values share a rank and the next rank skips (1, 2, 2, 4).
 * Highest value first; ties are listed by name so the order is stable between runs. Unranked rows
 * (null value) come last, by name, with rank null.
 */
export function rankRows<T extends ScoredRow>(rows: readonly T[]): (T & { rank: number | null })[] {
  const ranked = rows.filter((row) => row.value !== null);
  const unranked = rows.filter((row) => row.value === null).sort(byName);
  ranked.sort((a, b) => (b.value as number) - (a.value as number) || byName(a, b));
  let rank = 0;
  const out: (T & { rank: number | null })[] = ranked.map((row, index) => {
    if (index === 0 || row.value !== ranked[index - 1]?.value) rank = index + 1;
    return { ...row, rank };
  });
  for (const row of unranked) out.push({ ...row, rank: null });
  return out;
}

/** Change against the previous period's rank: a row unranked (or absent) then is new. */
export function movement(rank: number | null, previousRank: number | null | undefined): Movement {
  if (rank === null || previousRank === null || previousRank === undefined) return { kind: "new" };
  if (rank < previousRank) return { kind: "up", by: previousRank - rank };
  if (rank > previousRank) return { kind: "down", by: rank - previousRank };
  return { kind: "same" };
}

/**
 * The answer's rows: the top `size` ranked rows, and the caller's own row when it is not among
 * them (ranked lower, or unranked but present). Movement compares each rank with `previous`.
 */
export function leaderboardRows<T extends ScoredRow>(
  current: readonly T[],
  previous: readonly ScoredRow[],
  callerKey: string | null,
  size: number = LEADERBOARD_SIZE,
): { top: RankedRow<T>[]; caller: RankedRow<T> | null } {
  const before = new Map(rankRows(previous).map((row) => [row.key, row.rank]));
  const all = rankRows(current).map((row) => ({ ...row, movement: movement(row.rank, before.get(row.key)) }));
  const top = all.filter((row) => row.rank !== null).slice(0, size);
  const inTop = top.some((row) => row.key === callerKey);
  const caller = inTop || callerKey === null ? null : (all.find((row) => row.key === callerKey) ?? null);
  return { top, caller };
}
