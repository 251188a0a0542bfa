import { convertMinor, type DatedRate, RateBook } from "../../domain/leaderboard/conversion";
import { partnerKey, personKey, WINRATE_MIN_CLOSED } from "../../domain/leaderboard/metrics";
import type {
  LeaderboardEntry,
  LeaderboardQuery,
  LeaderboardRepository,
  LeaderboardScores,
} from "../../services/leaderboard/leaderboard-store";
import type { Dialect } from "../database";
import type { DbClient } from "../db-client";
import { type AggregateRow, type BoardRow, boardRows, leaderboardSql } from "./leaderboard-sql";

/** Aggregates come back as number, bigint, numeric text or a Decimal depending on dialect and size. */
function big(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === "bigint") return value;
  const text = String(value);
  return BigInt(text.endsWith(".0") || text.includes(".") ? text.replace(/\.0+$/, "") : text);
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

  /**
   * A RateBook places every rate's local midnight with Intl (~0.5-1 ms for a dozen rates); a
   * leaderboard builds one per period asked. Kept by content, so a changed rate makes a new book.
   */
  private readonly books = new Map<string, RateBook>();
  private book(reportingCurrency: string, rates: DatedRate[], timeZone: string): RateBook {
    const key = `${reportingCurrency} ${timeZone} ${rates.map((r) => `${r.currency}=${r.rate}@${r.validFrom}`).join(",")}`;
    let book = this.books.get(key);
    if (book === undefined) {
      book = new RateBook(reportingCurrency, rates, timeZone);
      if (this.books.size >= 32) this.books.clear();
      this.books.set(key, book);
    }
    return book;
  }

  async scores(query: LeaderboardQuery): Promise<LeaderboardScores> {
    const money = query.metric === "revenue" || query.metric === "pipeline";
    const book = money ? this.book(query.reportingCurrency, await this.rates(query.workspaceId), query.timeZone) : null;
    // Revenue converts each deal at its close day's rate, so it is summed per span between rate changes.
    const changes =
      book !== null && query.metric === "revenue"
        ? book.changesWithin(query.start, query.end)
        : new Map<string, Date[]>();
    const { sql, params } = leaderboardSql(this.dialect, query, changes);
    const rows = boardRows(await this.db.$queryRawUnsafe<BoardRow[]>(sql, ...params));
    return summarize(query, rows, book, changes);
  }
}

/**
 * Makes one entry per group row (the aggregate groups in SQL, so each group comes once), converting
 * its per-currency, per-span amounts (slots). One pass, no per-group map or set: at 5,000 partners
 * this runs for every leaderboard and its previous period.
 */
export function summarize(
  query: LeaderboardQuery,
  rows: readonly AggregateRow[],
  book: RateBook | null,
  changes: ReadonlyMap<string, readonly Date[]>,
): LeaderboardScores {
  // The rate of a currency and span is the same for every group: look it up once.
  const rates = new Map<string, string | null>();
  const rateOf = (cur: string, bucket: string): string | null => {
    const key = `${cur}:${bucket}`;
    let rate = rates.get(key);
    if (rate === undefined) {
      // Any instant of the span has the same rates: take its last one.
      const instant =
        query.metric === "pipeline"
          ? query.now
          : new Date((changes.get(cur)?.[Number(bucket)] ?? query.end).getTime() - 1);
      rate = book?.rateAt(cur, instant) ?? null;
      rates.set(key, rate);
    }
    return rate;
  };

  const entries: LeaderboardEntry[] = [];
  let totalAmount = 0n;
  let totalCount = 0;
  let totalWon = 0;
  let unpriced = 0;
  const unpricedCurrencies = new Set<string>();
  for (const row of rows) {
    const partnerId = row.pid === null ? null : Number(row.pid);
    const entry: LeaderboardEntry = {
      key: partnerId !== null ? partnerKey(partnerId) : personKey(String(row.uid)),
      name: row.name ?? String(row.uid ?? partnerId),
      partnerId: partnerId ?? (row.member_partner === null ? null : Number(row.member_partner)),
      userId: row.uid,
      value: 0,
      count: Number(row.n),
      won: Number(row.won ?? 0),
      unpriced: 0,
      unpricedCurrencies: [],
    };
    let amount = 0n;
    if (book !== null && row.slots !== null) {
      for (const slot of row.slots.split(";")) {
        // Indexed, not destructured: array destructuring goes through the iterator protocol.
        const parts = slot.split(":");
        const cur = parts[0] ?? "";
        const bucket = parts[1] ?? "0";
        const n = parts[2] ?? "0";
        const sum = parts[3] ?? "0";
        const rate = rateOf(cur, bucket);
        if (rate === null) {
          entry.unpriced += Number(n);
          if (!entry.unpricedCurrencies.includes(cur)) entry.unpricedCurrencies.push(cur);
          unpricedCurrencies.add(cur);
        } else {
          amount += convertMinor(big(sum), cur, book.reportingCurrency, rate);
        }
      }
      entry.unpricedCurrencies.sort();
    }
    entry.value = entryValue(query, entry, amount);
    totalAmount += amount;
    totalCount += entry.count;
    totalWon += entry.won;
    unpriced += entry.unpriced;
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
