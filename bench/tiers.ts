/**
 * Tier recalculation at 1,000,000 deals over 5,000 partners: the figures every partner's tier is
 * judged on (tierFigures: won revenue, deals won and win rate over the trailing 12 months, plus the
 * training completions) and their evaluation against the tier rules, on SQLite and PostgreSQL,
 * against one bare GROUP BY partner over the window's won and lost deals, run through the driver
 * (better-sqlite3 / pg) in the same run. Prints p50/p99 and the ratio, then one full recalculation
 * (with its promotions and reviews written) and a second, forced one. See bench/README.md.
 *
 *   npm run bench:tiers                                         # 1,000,000 deals, SQLite then PostgreSQL
 *   npm run bench:tiers -- --deals 100000 --runs 10             # smaller
 *   npm run bench:tiers -- --only sqlite                        # one dialect
 */
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, type Db, type Dialect, sqlitePath } from "../src/data/database";
import { migrate } from "../src/data/migrator";
import { createStore } from "../src/data/prisma-store";
import { qualifyingTier, tierChange, trailingTwelveMonths } from "../src/domain/program/tiers";
import { createServices } from "../src/services";
import type { Store } from "../src/services/store";
import { emptyTierFigures, tierFigures } from "../src/services/tiers";
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
const COMPLETIONS = Number(flag("completions", "5000"));
const RUNS = Number(flag("runs", "20"));
const ONLY = flag("only", "both");

/** Columns of generated deal i (1..DEALS): 3 years back from NOW, 40 % won, 20 % lost, the rest open. */
function dealColumns(dialect: Dialect, firstPartner: number, workspaceId: number): string {
  const span = YEARS * 365 * 86_400;
  const base = Math.floor(NOW.getTime() / 1000) - span - 60 * 86_400;
  const created = `(${base} + (i * 48271) % ${span})`;
  const closed = `(${created} + (i % 60) * 86400 + 3600)`;
  const time = (seconds: string) =>
    dialect === "sqlite"
      ? `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ${seconds}, 'unixepoch')`
      : `to_timestamp(${seconds}) AT TIME ZONE 'UTC'`;
  const stage = `CASE WHEN i % 10 < 4 THEN 'won' WHEN i % 10 < 6 THEN 'lost' WHEN i % 10 < 8 THEN 'proposal' ELSE 'qualified' END`;
  const currency = `CASE WHEN i % 20 < 14 THEN 'USD' WHEN i % 20 < 19 THEN 'EUR' ELSE 'JPY' END`;
  return `${workspaceId}, ${firstPartner} + (i * 7919 + i / 10) % ${PARTNERS}, 'U' || (i % 900), 'Customer ' || i, 'customer ' || i,
          'Suite', 100000 + (i * 7) % 100000 * 100, ${currency}, ${stage}, 'approved',
          CASE WHEN i % 10 < 6 THEN ${time(closed)} ELSE NULL END, ${time(created)}, ${time(created)}`;
}

const DEAL_COLUMNS = `"workspaceId", "partnerId", "createdBy", "customerName", "customerNameKey", "product", "amountMinor",
  "currency", "stage", "status", "closedAt", "createdAt", "updatedAt"`;

/** Completion i: one of three trainings, person i / 3 of partner (i / 3) % PARTNERS, within the last year. */
function completionColumns(dialect: Dialect, firstPartner: number, workspaceId: number, trainings: number[]): string {
  const seconds = `(${Math.floor(NOW.getTime() / 1000)} - (i * 7207) % ${360 * 86_400})`;
  const time =
    dialect === "sqlite"
      ? `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ${seconds}, 'unixepoch')`
      : `to_timestamp(${seconds}) AT TIME ZONE 'UTC'`;
  const resource = `CASE i % 3 WHEN 0 THEN ${trainings[0]} WHEN 1 THEN ${trainings[1]} ELSE ${trainings[2]} END`;
  return `${workspaceId}, ${resource}, 'P' || (i / 3), ${firstPartner} + (i / 3) % ${PARTNERS}, ${time}`;
}

const COMPLETION_COLUMNS = `"workspaceId", "resourceId", "slackUserId", "partnerId", "completedAt"`;

async function execute(dialect: Dialect, url: string, statements: string[]): Promise<void> {
  if (dialect === "sqlite") {
    const sqlite = new Database(sqlitePath(url));
    sqlite.pragma("journal_mode = WAL");
    for (const statement of statements) sqlite.exec(statement);
    sqlite.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const statement of statements) await client.query(statement);
  await client.end();
}

async function fill(dialect: Dialect, url: string, db: Db, store: Store): Promise<number> {
  // Only the columns the bench needs: it runs while the Workspace model grows.
  const workspace = await db.workspace.create({
    data: { teamId: "TBENCH", timezone: TIME_ZONE, approvalsChannel: "CAPPROVALS" },
    select: { id: true },
  });
  await db.partner.createMany({
    data: Array.from({ length: PARTNERS }, (_, i) => ({
      workspaceId: workspace.id,
      name: `Partner ${i + 1}`,
      nameKey: `partner ${i + 1}`,
      region: ["EMEA", "APAC", "AMER"][i % 3] ?? null,
      tier: ["platinum", "gold", "silver", "registered"][i % 4] ?? "registered",
      status: "active",
    })),
  });
  const first = (await db.partner.findFirst({ where: { workspaceId: workspace.id }, orderBy: { id: "asc" } }))?.id ?? 1;
  await store.exchangeRates.create({ workspaceId: workspace.id, currency: "EUR", rate: "1.08", updatedBy: "U" });
  const trainings: number[] = [];
  for (const tier of ["silver", "gold", "platinum"] as const) {
    const resource = await store.resources.create({
      workspaceId: workspace.id,
      title: `Training for ${tier}`,
      url: `https://learn.example.com/${tier}`,
      kind: "training",
      tags: [],
      minTier: "registered",
      requiredFor: tier,
      createdBy: "U",
    });
    trainings.push(resource.id);
  }
  const series = (count: number, columns: string, table: string, values: string) =>
    dialect === "sqlite"
      ? `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
         INSERT INTO "${table}" (${columns}) SELECT ${values} FROM n`
      : `INSERT INTO "${table}" (${columns}) SELECT ${values} FROM generate_series(1::bigint, ${count}) AS s(i)`;
  await execute(dialect, url, [
    series(DEALS, DEAL_COLUMNS, "Deal", dealColumns(dialect, first, workspace.id)),
    series(
      COMPLETIONS,
      COMPLETION_COLUMNS,
      "TrainingCompletion",
      completionColumns(dialect, first, workspace.id, trainings),
    ),
    dialect === "sqlite" ? "ANALYZE" : "VACUUM ANALYZE",
  ]);
  return workspace.id;
}

/** The bare aggregate: won revenue (unconverted), won and closed deals per partner over the window. */
function bareSql(dialect: Dialect, workspaceId: number, window: { start: Date; end: Date }) {
  const time = (instant: Date) =>
    dialect === "sqlite"
      ? instant.toISOString().replace("Z", "+00:00")
      : instant.toISOString().slice(0, 23).replace("T", " ");
  const [a, b, c] = dialect === "sqlite" ? ["?", "?", "?"] : ["$1::int", "$2::timestamp", "$3::timestamp"];
  return {
    sql: `SELECT d."partnerId", SUM(CASE WHEN d."stage" = 'won' THEN d."amountMinor" ELSE 0 END) AS revenue,
                 SUM(CASE WHEN d."stage" = 'won' THEN 1 ELSE 0 END) AS won, COUNT(*) AS closed
            FROM "Deal" d
           WHERE d."workspaceId" = ${a} AND d."stage" IN ('won', 'lost') AND d."closedAt" >= ${b} AND d."closedAt" < ${c}
           GROUP BY d."partnerId"`,
    params: [workspaceId, time(window.start), time(window.end)] as (string | number)[],
  };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Times two calls alternately so the machine's load weighs on both alike; samples in ms. */
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

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function run(dialect: Dialect, serverUrl: string | undefined): Promise<void> {
  const database = await createBenchDatabase(dialect === "sqlite" ? undefined : serverUrl);
  let db: Db | undefined;
  try {
    await migrate(database.url);
    db = createDb(database.url);
    const store = createStore(db);
    const [workspaceId, fillMs] = await timed(() => fill(dialect, database.url, db as Db, store));
    console.log(
      `${database.describe}: ${DEALS.toLocaleString("en")} deals, ${COMPLETIONS.toLocaleString("en")} completions filled in ${(fillMs / 1000).toFixed(1)} s`,
    );
    const workspace = await store.workspaces.findById(workspaceId);
    if (workspace === null) throw new Error("workspace gone");
    const config = await store.programConfig.get(workspaceId);
    let partners = await store.partners.list(workspaceId);
    const window = trailingTwelveMonths(NOW, TIME_ZONE);
    const { sql, params } = bareSql(dialect, workspaceId, window);
    const sqlite = dialect === "sqlite" ? new Database(sqlitePath(database.url), { readonly: true }) : null;
    const client = dialect === "postgresql" ? new pg.Client({ connectionString: database.url }) : null;
    await client?.connect();
    const changes = { promote: 0, demote: 0, none: 0 };
    const [evaluation, bare] = await timePair(
      async () => {
        // What a recalculation reads: the partners (their current tiers) and the figures.
        const [listed, figures] = await Promise.all([
          store.partners.list(workspaceId),
          tierFigures(store, workspace, config, NOW),
        ]);
        partners = listed;
        changes.promote = changes.demote = changes.none = 0;
        for (const partner of partners) {
          const own = figures.get(partner.id) ?? emptyTierFigures();
          changes[tierChange(partner.tier, qualifyingTier(own, config.tierRules)).kind] += 1;
        }
      },
      async () => (sqlite !== null ? sqlite.prepare(sql).all(...params) : client?.query(sql, params)),
    );
    sqlite?.close();
    await client?.end();
    const [e50, e99, b50, b99] = [
      percentile(evaluation, 50),
      percentile(evaluation, 99),
      percentile(bare, 50),
      percentile(bare, 99),
    ];
    console.log(
      `  figures + evaluation of ${partners.length} partners (${changes.promote} would move up, ${changes.demote} down): p50 ${e50.toFixed(1)} ms p99 ${e99.toFixed(1)} ms | bare GROUP BY p50 ${b50.toFixed(1)} ms p99 ${b99.toFixed(1)} ms | ratio p50 ${(e50 / b50).toFixed(2)}x`,
    );
    const services = createServices(store, {
      hubAdmins: [],
      system: { dialect, migrations: async () => ({ count: 0, latest: null }) },
      version: "bench",
      clock: () => NOW,
    });
    const [firstRun, firstMs] = await timed(() => services.tiers.recalculate());
    console.log(
      `  first recalculation (writes): ${firstMs.toFixed(0)} ms — ${firstRun.promoted} promoted, ${firstRun.reviewsOpened} reviews opened`,
    );
    const [secondRun, secondMs] = await timed(() => services.tiers.recalculate({ force: true }));
    console.log(
      `  second, forced: ${secondMs.toFixed(0)} ms — ${secondRun.promoted} promoted, ${secondRun.reviewsOpened} reviews opened`,
    );
  } finally {
    await db?.$disconnect();
    await database.drop();
  }
}

async function main(): Promise<void> {
  console.log(
    `${DEALS.toLocaleString("en")} deals, ${PARTNERS.toLocaleString("en")} partners, ${COMPLETIONS.toLocaleString("en")} training completions, ${YEARS} years; ${RUNS} runs after ${WARMUP} warm-up, alternating; trailing 12 months to ${NOW.toISOString().slice(0, 10)} in ${TIME_ZONE}\n`,
  );
  const serverUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : DEFAULT_POSTGRES;
  if (ONLY !== "postgresql") await run("sqlite", undefined);
  if (ONLY !== "sqlite") await run("postgresql", serverUrl);
}

await main();
