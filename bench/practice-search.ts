/**
 * Best-practice search at 10,000 practices: 100 searches through the repository (what
 * `/practice search` costs) on SQLite and PostgreSQL, against the same ranked query run directly
 * through the driver (better-sqlite3 / pg) in the same run. Prints p50/p99 and the ratios.
 * See bench/README.md.
 *
 *   npm run bench:practice-search                     # SQLite and PostgreSQL (DATABASE_URL or the local test server)
 *   npm run bench:practice-search -- --practices 2000 --searches 50
 */
import Database from "better-sqlite3";
import pg from "pg";
import { Rng } from "../prisma/seed/rng";
import { createDb, type Db, type Dialect, sqlitePath } from "../src/data/database";
import { migrate } from "../src/data/migrator";
import { createStore } from "../src/data/prisma-store";
import { practiceSearchIndex, type SearchQuery, searchQuery } from "../src/data/repositories/practice-search";
import type { NewPractice } from "../src/services/practices/practice-store";
import type { Store } from "../src/services/store";
import { createBenchDatabase } from "./bench-database";

const DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";
const LIMIT = 10;
const WARMUP = 10;
const PER_TRANSACTION = 250;

const TOPICS = [
  ["pricing", "price", "discount", "margin", "quote", "bundle", "renewal uplift"],
  ["customer", "buyer", "champion", "procurement", "executive sponsor", "stakeholder"],
  ["objection", "competitor", "incumbent", "budget freeze", "security review", "legal redline"],
  ["demo", "pilot", "proof of concept", "workshop", "webinar", "roadshow", "trade fair"],
  ["onboarding", "enablement", "certification", "playbook", "battlecard", "case study"],
  ["pipeline", "forecast", "registration", "co-selling", "referral", "marketplace listing"],
] as const;
const VERBS = ["Lead with", "Ask about", "Bring", "Follow up on", "Start from", "Never skip", "Reframe", "Share"];
const FILLER = [
  "in the first call",
  "before the quarter closes",
  "with the partner's own numbers",
  "when the deal stalls",
  "for mid-market accounts",
  "in regulated industries",
  "after the résumé of the meeting",
  "while the champion is still engaged",
  "so finance sees the payback",
  "and write it down for the next team",
];
const REGIONS = ["DACH", "Nordics", "Benelux", "France", "Iberia", "UK&I", "North America", "LATAM", "ANZ", "Japan"];
const TAGS = ["pricing", "objections", "enterprise", "smb", "public-sector", "healthcare", "renewals", "events"];
const QUERIES = [
  ["pricing"],
  ["customers"],
  ["objections", "competitor"],
  ["resume"],
  ["demo", "pilot"],
  ["security", "review"],
  ["renewals"],
  ["champion", "finance", "payback"],
  ["healthcare"],
  ["marketplace"],
  ["forecasting"],
  ["workshops", "enablement"],
];

function sentence(rng: Rng): string {
  const topic = rng.pick(TOPICS);
  return `${rng.pick(VERBS)} the ${rng.pick(topic)} ${rng.pick(FILLER)}.`;
}

function practice(rng: Rng, workspaceId: number, n: number): NewPractice {
  const body = Array.from({ length: rng.int(3, 9) }, () => sentence(rng)).join(" ");
  return {
    workspaceId,
    authorId: `U${String(rng.int(1, 300)).padStart(4, "0")}`,
    creditedUserId: null,
    title: sentence(rng).slice(0, -1),
    body,
    tags: [rng.pick(TAGS), rng.pick(TAGS)],
    region: rng.pick(REGIONS),
    link: null,
    sourcePermalink: null,
    channelId: null,
    idempotencyKey: `bench-${n}`,
  };
}

async function fill(store: Store, db: Db, workspaceId: number, count: number): Promise<void> {
  const rng = new Rng(10);
  for (let start = 0; start < count; start += PER_TRANSACTION) {
    await store.transaction(async (tx) => {
      for (let n = start; n < Math.min(count, start + PER_TRANSACTION); n += 1) {
        await tx.practices.create(practice(rng, workspaceId, n));
      }
    });
  }
  // Votes only break ties in ranking: a spread of counts is enough, without 100,000 vote rows.
  await db.$executeRawUnsafe(`UPDATE "Practice" SET "helpfulCount" = ("id" * 7919) % 40`);
}

/** Runs a ranked-ids query through the bare driver, as the app would without Prisma. */
interface Driver {
  run(query: SearchQuery): Promise<unknown[]>;
  close(): Promise<void>;
}

async function driverFor(dialect: Dialect, url: string): Promise<Driver> {
  if (dialect === "sqlite") {
    const sqlite = new Database(sqlitePath(url), { readonly: true });
    return {
      run: async (query) => sqlite.prepare(query.sql).all(...query.params),
      close: async () => {
        sqlite.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    run: async (query) => (await client.query(query.sql, query.params)).rows,
    close: () => client.end(),
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Timings {
  repository: number[];
  rawThroughPrisma: number[];
  driver: number[];
}

async function benchDialect(dialect: Dialect, serverUrl: string | undefined, practices: number, searches: number) {
  const database = await createBenchDatabase(dialect === "sqlite" ? undefined : serverUrl);
  const db = createDb(database.url);
  try {
    await migrate(database.url);
    const store = createStore(db);
    const { id: workspaceId } = await store.workspaces.ensure("T_BENCH");
    const fillMs = await timed(() => fill(store, db, workspaceId, practices));
    const driver = await driverFor(dialect, database.url);
    const index = practiceSearchIndex(dialect);
    const timings: Timings = { repository: [], rawThroughPrisma: [], driver: [] };
    let found = 0;
    for (let i = 0; i < WARMUP + searches; i += 1) {
      const terms = QUERIES[i % QUERIES.length] ?? [];
      const query = searchQuery(dialect, workspaceId, terms, LIMIT);
      if (!query) throw new Error(`no searchable word in ${terms.join(" ")}`);
      // Interleaved, so caches and background load weigh on all three alike.
      const driverMs = await timed(() => driver.run(query));
      const rawMs = await timed(() => index.find(db, workspaceId, terms, LIMIT));
      let hits = 0;
      const repositoryMs = await timed(async () => {
        hits = (await store.practices.search(workspaceId, terms, LIMIT)).length;
      });
      if (i < WARMUP) continue;
      found += hits;
      timings.driver.push(driverMs);
      timings.rawThroughPrisma.push(rawMs);
      timings.repository.push(repositoryMs);
    }
    await driver.close();
    return { describe: database.describe, fillMs, timings, averageHits: found / searches };
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

function option(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} wants a positive integer`);
  return value;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const practices = option(argv, "--practices", 10_000);
  const searches = option(argv, "--searches", 100);
  const serverUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : DEFAULT_POSTGRES;
  const ms = (value: number) => value.toFixed(2).padStart(7);
  console.log(`${practices} practices, ${searches} searches (after ${WARMUP} warm-up), ${LIMIT} results each\n`);
  console.log(
    "             repository p50/p99 ms   raw via Prisma p50/p99   driver p50/p99   repo÷driver p50   raw÷driver p50",
  );
  for (const dialect of ["sqlite", "postgresql"] as const) {
    const run = await benchDialect(dialect, serverUrl, practices, searches);
    const { repository, rawThroughPrisma, driver } = run.timings;
    const p50 = {
      repo: percentile(repository, 50),
      raw: percentile(rawThroughPrisma, 50),
      drv: percentile(driver, 50),
    };
    console.log(
      `${dialect.padEnd(12)} ${ms(p50.repo)} / ${ms(percentile(repository, 99))}     ${ms(p50.raw)} / ${ms(percentile(rawThroughPrisma, 99))}` +
        `   ${ms(p50.drv)} / ${ms(percentile(driver, 99))}   ${(p50.repo / p50.drv).toFixed(1).padStart(8)}x` +
        `   ${(p50.raw / p50.drv).toFixed(1).padStart(12)}x`,
    );
    console.log(
      `             ${run.describe}; filled in ${(run.fillMs / 1000).toFixed(1)} s; ${run.averageHits.toFixed(1)} results per search`,
    );
  }
}

await main();
