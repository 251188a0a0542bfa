import { type DatedRate, RateBook } from "../../domain/leaderboard/conversion";
import { partnerKey, personKey, WINRATE_MIN_CLOSED } from "../../domain/leaderboard/metrics";
import type {
  LeaderboardEntry,
  LeaderboardQuery,
  LeaderboardRepository,
  LeaderboardScores,
} from "../../services/leaderboard/leaderboard-store";
import type { Dialect } from "../database";
import type { DbClient } from "../db-client";
import { type AggregateRow, leaderboardSql } from "./leaderboard-sql";

/** Aggregates come back as number, bigint, numeric text or a Decimal depending on dialect and size. */
function big(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === "bigint") return value;
  return BigInt(String(value).replace(/\.0+$/, ""));
}

export class PrismaLeaderboardRepository implements LeaderboardRepository {
  constructor(
    private readonly db: DbClient,
    private readonly dialect: Dialect,
  ) {}

  async rates(workspaceId: number): Promise<DatedRate[]> {
    const rows = await this.db.exchangeRate.findMany({
      where: { workspaceId },
      orderBy: [{ validFrom: "asc" }, { currency: "asc" }],
      select: { currency: true, rate: true, validFrom: true },
    });
    return rows.map((row) => ({
      currency: row.currency,
      rate: row.rate,
      validFrom: row.validFrom.toISOString().slice(0, 10),
    }));
  }

  async scores(query: LeaderboardQuery): Promise<LeaderboardScores> {
    const money = query.metric === "revenue" || query.metric === "pipeline";
    const book = money
      ? new RateBook(query.reportingCurrency, await this.rates(query.workspaceId), query.timeZone)
      : null;
    // Revenue converts each deal at its close day's rate, so it is summed per span between rate changes.
    const changes =
      book !== null && query.metric === "revenue"
        ? book.changesWithin(query.start, query.end)
        : new Map<string, Date[]>();
    const { sql, params } = leaderboardSql(this.dialect, query, changes);
    const rows = await this.db.$queryRawUnsafe<AggregateRow[]>(sql, ...params);
    return summarize(query, rows, book, changes);
  }
}

interface Accumulator {
  entry: LeaderboardEntry;
  amount: bigint;
  currencies: Set<string>;
}

/** Folds the per-currency, per-span rows into one entry per group, converting amounts. */
export function summarize(
  query: LeaderboardQuery,
  rows: readonly AggregateRow[],
  book: RateBook | null,
  changes: ReadonlyMap<string, readonly Date[]>,
): LeaderboardScores {
  const groups = new Map<string, Accumulator>();
  for (const row of rows) {
    const partnerId = row.pid === null ? null : Number(row.pid);
    const key = partnerId !== null ? partnerKey(partnerId) : personKey(String(row.uid));
    let group = groups.get(key);
    if (group === undefined) {
      const entry: LeaderboardEntry = {
        key,
        name: row.name ?? String(row.uid ?? partnerId),
        partnerId: partnerId ?? (row.member_partner === null ? null : Number(row.member_partner)),
        userId: row.uid,
        value: 0,
        count: 0,
        won: 0,
        unpriced: 0,
        unpricedCurrencies: [],
      };
      group = { entry, amount: 0n, currencies: new Set() };
      groups.set(key, group);
    }
    const n = Number(row.n);
    group.entry.count += n;
    group.entry.won += Number(row.won ?? 0);
    if (book !== null && row.cur !== null) {
      const bucket = Number(row.bucket ?? 0);
      // Any instant of the span has the same rates: take its last one.
      const instant =
        query.metric === "pipeline" ? query.now : new Date((changes.get(row.cur)?.[bucket] ?? query.end).getTime() - 1);
      const converted = book.convert(big(row.amount), row.cur, instant);
      if (converted === null) {
        group.entry.unpriced += n;
        group.currencies.add(row.cur);
      } else {
        group.amount += converted;
      }
    }
  }

  const entries: LeaderboardEntry[] = [];
  let totalAmount = 0n;
  let totalCount = 0;
  let totalWon = 0;
  let unpriced = 0;
  const unpricedCurrencies = new Set<string>();
  for (const { entry, amount, currencies } of groups.values()) {
    entry.unpricedCurrencies = [...currencies].sort();
    entry.value = entryValue(query, entry, amount);
    totalAmount += amount;
    totalCount += entry.count;
    totalWon += entry.won;
    unpriced += entry.unpriced;
    for (const currency of currencies) unpricedCurrencies.add(currency);
    entries.push(entry);
  }
  const total =
    book !== null
      ? Number(totalAmount)
      : query.metric === "winrate"
        ? totalCount >= WINRATE_MIN_CLOSED
          ? totalWon / totalCount
          : null
        : totalCount;
  return { entries, total, unpriced, unpricedCurrencies: [...unpricedCurrencies].sort() };
}

function entryValue(query: LeaderboardQuery, entry: LeaderboardEntry, amount: bigint): number | null {
  switch (query.metric) {
    case "revenue":
    case "pipeline":
      return Number(amount);
    case "winrate":
      return entry.count >= WINRATE_MIN_CLOSED ? entry.won / entry.count : null;
    default:
      return entry.count;
  }
}
