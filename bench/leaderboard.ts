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
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, type Db, type Dialect, sqlitePath } from "../src/data/database";
import { migrate } from "../src/data/migrator";
import { createStore } from "../src/data/prisma-store";
import { leaderboardSql } from "../src/data/repositories/leaderboard-sql";
import { RateBook } from "../src/domain/leaderboard/conversion";
import { type PeriodSpec, resolvePeriod } from "../src/domain/leaderboard/periods";
import type { LeaderboardQuery } from "../src/services/leaderboard/leaderboard-store";
import { createBenchDatabase } from "./bench-database";

const DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";
const WARMUP = 3;
const NOW = new Date("2026-11-20T12:00:00Z");
const YEARS = 3;
const TIME_ZONE = "Europe/Berlin";

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}
const DEALS = Number(flag("deals", "1000000"));
const PARTNERS = Number(flag("partners", "5000"));
const RUNS = Number(flag("runs", "30"));
const ONLY = flag("only", "both");

/** Columns every generated deal gets, as SQL expressions of its number i (1..DEALS) and the first partner id. */
function dealColumns(dialect: Dialect, firstPartner: number, workspaceId: number): string {
  const span = YEARS * 365 * 86_400;
  const base = Math.floor(NOW.getTime() / 1000) - span - 60 * 86_400;
  const created = `(${base} + (i * 48271) % ${span})`;
  const closed = `(${created} + (i % 60) * 86400 + 3600)`;
  const time = (seconds: string) =>
    dialect === "sqlite"
      ? `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ${seconds}, 'unixepoch')`
      : `to_timestamp(${seconds}) AT TIME ZONE 'UTC'`;
  const day = (seconds: string) =>
    dialect === "sqlite"
      ? `strftime('%Y-%m-%dT00:00:00.000+00:00', ${seconds}, 'unixepoch')`
      : `date_trunc('day', to_timestamp(${seconds}) AT TIME ZONE 'UTC')`;
  const stage = `CASE WHEN i % 10 < 4 THEN 'won' WHEN i % 10 < 6 THEN 'lost' WHEN i % 10 < 8 THEN 'proposal' ELSE 'qualified' END`;
  const currency = `CASE WHEN i % 20 < 12 THEN 'USD' WHEN i % 20 < 16 THEN 'EUR' WHEN i % 20 < 18 THEN 'GBP' WHEN i % 20 < 19 THEN 'JPY' ELSE 'KWD' END`;
  return `${workspaceId}, ${firstPartner} + (i * 7919 + i / 10) % ${PARTNERS}, 'U' || (i % 900), 'Customer ' || i, 'customer ' || i,
          'Suite', 100000 + (i * 7) % 100000 * 100, ${currency}, ${stage},
          CASE WHEN i % 10 < 6 THEN 'approved' WHEN i % 3 = 0 THEN 'pending' ELSE 'approved' END,
          CASE WHEN i % 10 < 6 THEN ${time(closed)} ELSE NULL END,
          ${day(`${created} + 45 * 86400`)}, ${time(created)}, ${time(created)}`;
}

const COLUMNS = `"workspaceId", "partnerId", "createdBy", "customerName", "customerNameKey", "product", "amountMinor",
  "currency", "stage", "status", "closedAt", "expectedCloseOn", "createdAt", "updatedAt"`;

async function fill(dialect: Dialect, url: string, db: Db): Promise<number> {
  const store = createStore(db);
  // Only the columns the bench needs: it runs while the Workspace model grows.
  const workspace = await db.workspace.create({
    data: { teamId: "TBENCH", timezone: TIME_ZONE },
    select: { id: true },
  });
  const names = Array.from({ length: PARTNERS }, (_, i) => ({
    workspaceId: workspace.id,
    name: `Partner ${i + 1}`,
    nameKey: `partner ${i + 1}`,
    region: ["EMEA", "APAC", "AMER"][i % 3] ?? null,
    tier: ["gold", "silver", "registered"][i % 3] ?? "registered",
  }));
  await db.partner.createMany({ data: names });
  const first = (await db.partner.findFirst({ where: { workspaceId: workspace.id }, orderBy: { id: "asc" } }))?.id ?? 1;
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

  const generated =
    dialect === "sqlite"
      ? `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${DEALS})
         INSERT INTO "Deal" (${COLUMNS}) SELECT ${dealColumns(dialect, first, workspace.id)} FROM n`
      : `INSERT INTO "Deal" (${COLUMNS}) SELECT ${dealColumns(dialect, first, workspace.id)} FROM generate_series(1::bigint, ${DEALS}) AS s(i)`;
  if (dialect === "sqlite") {
    const sqlite = new Database(sqlitePath(url));
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(generated);
    sqlite.exec("ANALYZE");
    sqlite.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(generated);
    // Every table: the planner needs Partner's size too (the join to names).
    await client.query("VACUUM ANALYZE");
    await client.end();
  }
  return workspace.id;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Times two calls alternately (a, b, a, b, …) so the machine's load, which moves by the second on a
 * shared box, weighs on both alike. Returns their samples in ms.
 */
async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number[], number[]]> {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    for (const [k, work] of [a, b].entries()) {
      const started = performance.now();
      await work();
      samples[k]?.push(performance.now() - started);
    }
  }
  return samples;
}

async function run(dialect: Dialect, serverUrl: string | undefined): Promise<void> {
  const database = await createBenchDatabase(dialect === "sqlite" ? undefined : serverUrl);
  let db: Db | undefined;
  try {
    await migrate(database.url);
    db = createDb(database.url);
    const filling = performance.now();
    const workspaceId = await fill(dialect, database.url, db);
    console.log(
      `${database.describe}: ${DEALS.toLocaleString("en")} deals filled in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
    );
    const store = createStore(db);
    const rates = await store.leaderboard.rates(workspaceId);
    const sqlite = dialect === "sqlite" ? new Database(sqlitePath(database.url), { readonly: true }) : null;
    const client = dialect === "postgresql" ? new pg.Client({ connectionString: database.url }) : null;
    await client?.connect();
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
        async () => (sqlite !== null ? sqlite.prepare(sql).all(...params) : client?.query(sql, params)),
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
    sqlite?.close();
    await client?.end();
  } finally {
    // Disconnect first: dropping WITH (FORCE) terminates any connection still open (57P01), and an
    // idle pool client that gets it throws an unhandled 'error' that hides the run's real failure.
    await db?.$disconnect();
    await database.drop();
  }
}

async function main(): Promise<void> {
  console.log(
    `${DEALS.toLocaleString("en")} deals, ${PARTNERS.toLocaleString("en")} partners, ${YEARS} years; ${RUNS} runs after ${WARMUP} warm-up, repository and bare SQL alternating; revenue of partners in ${TIME_ZONE}\n`,
  );
  const serverUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : DEFAULT_POSTGRES;
  if (ONLY !== "postgresql") await run("sqlite", undefined);
  if (ONLY !== "sqlite") await run("postgresql", serverUrl);
}

await main();
