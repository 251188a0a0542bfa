/**
 * Leaderboard aggregates at 1,000,000 deals over 5,000 partners and 3 years: the repository call
 * behind `/leaderboard` (revenue of partners, converted with dated rates) for a month, a quarter and
 * all time, on SQLite and PostgreSQL, against the same aggregate SQL run directly through the
 * driver (better-sqlite3 / pg) in the same run. Prints p50/p99 and the ratios. See bench/README.md.
 *
 *   npm run bench:leaderboard                                  # 1,000,000 deals, SQLite then PostgreSQL
 *   npm run bench:leaderboard -- --deals 100000 --runs 20      # smaller
 *   npm run bench:leaderboard -- --only sqlite                 # one dialect
 */
import type { Db, Dialect } from "../src/data/database";
import { createStore } from "../src/data/prisma-store";
import { leaderboardSql } from "../src/data/repositories/leaderboard-sql";
import { RateBook } from "../src/domain/leaderboard/conversion";
import { type PeriodSpec, resolvePeriod } from "../src/domain/leaderboard/periods";
import type { LeaderboardQuery } from "../src/services/leaderboard/leaderboard-store";
import { onEachDialect, withMigratedDatabase } from "./bench-database";
import { flag } from "./bench-flags";
import { executeSql, openDriver } from "./bench-sql";
import { percentile, timed, timePair } from "./bench-timing";
import { createPartners, generatedDeals, NOW, TIME_ZONE, YEARS } from "./generated-deals";

const WARMUP = 3;
const DEALS = Number(flag("deals", "1000000"));
const PARTNERS = Number(flag("partners", "5000"));
const RUNS = Number(flag("runs", "30"));
const ONLY = flag("only", "both");

async function fill(dialect: Dialect, url: string, db: Db): Promise<number> {
  const store = createStore(db);
  // Only the columns the bench needs: it runs while the Workspace model grows.
  const workspace = await db.workspace.create({
    data: { teamId: "TBENCH", timezone: TIME_ZONE },
    select: { id: true },
  });
  const first = await createPartners(db, workspace.id, PARTNERS, ["gold", "silver", "registered"]);
  // Dated rates: a change every quarter for EUR, one for GBP, none for JPY (unpriced), KWD always.
  for (let q = 0; q < YEARS * 4 + 1; q++) {
    const month = new Date(Date.UTC(2023, 9 + q * 3, 1)).toISOString().slice(0, 10);
    await store.exchangeRates.set({
      workspaceId: workspace.id,
      currency: "EUR",
      rate: (1.05 + q / 100).toFixed(2),
      validFrom: month,
      updatedBy: "U",
    });
  }
  await store.exchangeRates.set({
    workspaceId: workspace.id,
    currency: "GBP",
    rate: "1.27",
    validFrom: "2020-01-01",
    updatedBy: "U",
  });
  await store.exchangeRates.create({ workspaceId: workspace.id, currency: "KWD", rate: "3.25", updatedBy: "U" });

  await executeSql(dialect, url, [
    generatedDeals(dialect, DEALS, {
      workspaceId: workspace.id,
      firstPartner: first,
      partners: PARTNERS,
      currency:
        "CASE WHEN i % 20 < 12 THEN 'USD' WHEN i % 20 < 16 THEN 'EUR' WHEN i % 20 < 18 THEN 'GBP' WHEN i % 20 < 19 THEN 'JPY' ELSE 'KWD' END",
      status: "CASE WHEN i % 10 < 6 THEN 'approved' WHEN i % 3 = 0 THEN 'pending' ELSE 'approved' END",
      expectedClose: true,
    }),
    // Every table on PostgreSQL: the planner needs Partner's size too (the join to names).
    dialect === "sqlite" ? "ANALYZE" : "VACUUM ANALYZE",
  ]);
  return workspace.id;
}

async function run(dialect: Dialect, serverUrl: string | undefined): Promise<void> {
  await withMigratedDatabase(serverUrl, async (database, db) => {
    const [workspaceId, fillMs] = await timed(() => fill(dialect, database.url, db));
    console.log(`${database.describe}: ${DEALS.toLocaleString("en")} deals filled in ${(fillMs / 1000).toFixed(1)} s`);
    const store = createStore(db);
    const rates = await store.leaderboard.rates(workspaceId);
    const driver = await openDriver(dialect, database.url);
    for (const word of ["month", "quarter", "all"] as const) {
      const spec: PeriodSpec = { kind: word };
      const period = resolvePeriod(spec, NOW, TIME_ZONE, 1);
      const query: LeaderboardQuery = {
        workspaceId,
        metric: "revenue",
        scope: "partners",
        start: period.start,
        end: period.end,
        timeZone: TIME_ZONE,
        reportingCurrency: "USD",
        now: NOW,
      };
      const changes = new RateBook("USD", rates, TIME_ZONE).changesWithin(period.start, period.end);
      const { sql, params } = leaderboardSql(dialect, query, changes);
      let rows = 0;
      const [repository, bare] = await timePair(
        async () => {
          rows = (await store.leaderboard.scores(query)).entries.length;
        },
        () => driver.query(sql, params),
        { warmup: WARMUP, runs: RUNS },
      );
      const [r50, r99, b50, b99] = [
        percentile(repository, 50),
        percentile(repository, 99),
        percentile(bare, 50),
        percentile(bare, 99),
      ];
      const target = 1.5 * b50 + 5;
      console.log(
        `  ${word.padEnd(8)} ${String(rows).padStart(5)} rows  repository p50 ${r50.toFixed(1)} ms p99 ${r99.toFixed(1)} ms | bare SQL p50 ${b50.toFixed(1)} ms p99 ${b99.toFixed(1)} ms | ratio p50 ${(r50 / b50).toFixed(2)}x, target 1.5x + 5 ms = ${target.toFixed(1)} ms: ${r50 <= target ? "met" : "MISSED"}`,
      );
    }
    await driver.close();
  });
}

async function main(): Promise<void> {
  console.log(
    `${DEALS.toLocaleString("en")} deals, ${PARTNERS.toLocaleString("en")} partners, ${YEARS} years; ${RUNS} runs after ${WARMUP} warm-up, repository and bare SQL alternating; revenue of partners in ${TIME_ZONE}\n`,
  );
  await onEachDialect(ONLY, run);
}

await main();
