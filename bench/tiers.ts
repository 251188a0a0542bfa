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
import type { Db, Dialect } from "../src/data/database";
import { createStore } from "../src/data/prisma-store";
import { qualifyingTier, tierChange, trailingTwelveMonths } from "../src/domain/program/tiers";
import { createServices } from "../src/services";
import type { Store } from "../src/services/store";
import { emptyTierFigures, tierFigures } from "../src/services/tiers";
import { onEachDialect, withMigratedDatabase } from "./bench-database";
import { flag } from "./bench-flags";
import { executeSql, openDriver, seriesInsert, sqlTime } from "./bench-sql";
import { percentile, timed, timePair } from "./bench-timing";
import { createPartners, generatedDeals, NOW, TIME_ZONE, YEARS } from "./generated-deals";

const WARMUP = 3;
const DEALS = Number(flag("deals", "1000000"));
const PARTNERS = Number(flag("partners", "5000"));
const COMPLETIONS = Number(flag("completions", "5000"));
const RUNS = Number(flag("runs", "20"));
const ONLY = flag("only", "both");

/** Completion i: one of three trainings, person i / 3 of partner (i / 3) % PARTNERS, within the last year. */
function completions(dialect: Dialect, firstPartner: number, workspaceId: number, trainings: number[]): string {
  const seconds = `(${Math.floor(NOW.getTime() / 1000)} - (i * 7207) % ${360 * 86_400})`;
  return seriesInsert(dialect, "TrainingCompletion", COMPLETIONS, [
    ["workspaceId", String(workspaceId)],
    ["resourceId", `CASE i % 3 WHEN 0 THEN ${trainings[0]} WHEN 1 THEN ${trainings[1]} ELSE ${trainings[2]} END`],
    ["slackUserId", "'P' || (i / 3)"],
    ["partnerId", `${firstPartner} + (i / 3) % ${PARTNERS}`],
    ["completedAt", sqlTime(dialect, seconds)],
  ]);
}

async function fill(dialect: Dialect, url: string, db: Db, store: Store): Promise<number> {
  // Only the columns the bench needs: it runs while the Workspace model grows.
  const workspace = await db.workspace.create({
    data: { teamId: "TBENCH", timezone: TIME_ZONE, approvalsChannel: "CAPPROVALS" },
    select: { id: true },
  });
  const first = await createPartners(db, workspace.id, PARTNERS, ["platinum", "gold", "silver", "registered"]);
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
  await executeSql(dialect, url, [
    generatedDeals(dialect, DEALS, {
      workspaceId: workspace.id,
      firstPartner: first,
      partners: PARTNERS,
      currency: "CASE WHEN i % 20 < 14 THEN 'USD' WHEN i % 20 < 19 THEN 'EUR' ELSE 'JPY' END",
      status: "'approved'",
    }),
    completions(dialect, first, workspace.id, trainings),
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

async function run(dialect: Dialect, serverUrl: string | undefined): Promise<void> {
  await withMigratedDatabase(serverUrl, async (database, db) => {
    const store = createStore(db);
    const [workspaceId, fillMs] = await timed(() => fill(dialect, database.url, db, store));
    console.log(
      `${database.describe}: ${DEALS.toLocaleString("en")} deals, ${COMPLETIONS.toLocaleString("en")} completions filled in ${(fillMs / 1000).toFixed(1)} s`,
    );
    const workspace = await store.workspaces.findById(workspaceId);
    if (workspace === null) throw new Error("workspace gone");
    const config = await store.programConfig.get(workspaceId);
    let partners = await store.partners.list(workspaceId);
    const window = trailingTwelveMonths(NOW, TIME_ZONE);
    const { sql, params } = bareSql(dialect, workspaceId, window);
    const driver = await openDriver(dialect, database.url);
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
      () => driver.query(sql, params),
      { warmup: WARMUP, runs: RUNS },
    );
    await driver.close();
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
  });
}

async function main(): Promise<void> {
  console.log(
    `${DEALS.toLocaleString("en")} deals, ${PARTNERS.toLocaleString("en")} partners, ${COMPLETIONS.toLocaleString("en")} training completions, ${YEARS} years; ${RUNS} runs after ${WARMUP} warm-up, alternating; trailing 12 months to ${NOW.toISOString().slice(0, 10)} in ${TIME_ZONE}\n`,
  );
  await onEachDialect(ONLY, run);
}

await main();
