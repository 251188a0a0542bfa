/**
 * Leaderboard chart rendering: time per chart (vega-lite -> vega SVG -> resvg PNG) and the
 * process's memory after N renders, against the RSS of the same process before anything of the
 * chart was loaded. Also rasterizes the same SVG with resvg scanning every system font, the way
 * resvg does by default, to show what loading DejaVu Sans alone saves. See bench/README.md.
 * `npm run bench:chart` runs node with --expose-gc for the readings after a full collection.
 *
 *   npm run bench:chart                       # 100 renders
 *   npm run bench:chart -- --renders 1000     # look for growth over a longer run
 */
import { type BarChartInput, rasterize, renderBarChart, renderBarChartSvg } from "../src/slack/charts/bar-chart";

const STAGE_RENDERS = 30;

/** A top 10 plus the caller's own row, two goal lines: the largest chart `/leaderboard chart` draws. */
const CHART: BarChartInput = {
  title: "Revenue — this quarter",
  subtitle: "1 Jan – 31 Mar 2026 · EUR · 4 deals without a rate not priced",
  unit: "EUR, won deals",
  rows: [
    "Northwind Traders",
    "Contoso Deutschland GmbH",
    "Fabrikam Nordic AB",
    "Globex Benelux",
    "Initech Iberia S.L.",
    "Umbrella UK&I",
    "Hooli ANZ Pty Ltd",
    "Soylent <Japan>",
    "Wayne Enterprises LATAM",
    "Stark Industries France",
    "Acme Partners (you)",
  ].map((label, i) => {
    const value = 1_250_000 - i * 97_000 - (i === 10 ? 300_000 : 0);
    return { label, value, display: `€${(value / 1000).toFixed(0)}k` };
  }),
  goalLines: [
    { label: "Gold tier goal €1M", value: 1_000_000 },
    { label: "Silver tier goal €600k", value: 600_000 },
  ],
};

function option(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} wants a positive integer`);
  return value;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0).padStart(4)} MB`;
const ms = (value: number) => value.toFixed(1).padStart(7);

/**
 * A full collection, then a turn of the event loop so that napi finalizers run: resvg's pixel
 * buffers live outside the JS heap and are freed only when their wrapper object is finalized.
 */
async function settle(collect: () => void): Promise<void> {
  for (let i = 0; i < 3; i++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  const renders = option(process.argv.slice(2), "--renders", 100);
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) await settle(collect);
  const bare = process.memoryUsage();

  const coldMs = await timed(() => renderBarChart(CHART));
  const afterFirst = process.memoryUsage();

  const total: number[] = [];
  let bytes = 0;
  for (let i = 0; i < renders; i++) {
    total.push(
      await timed(async () => {
        bytes = (await renderBarChart(CHART)).length;
      }),
    );
  }
  const afterRenders = process.memoryUsage();
  if (collect) await settle(collect);
  const afterGc = process.memoryUsage();

  // The stage timings and the comparison run after the memory readings so they cannot inflate them.
  const { Resvg } = await import("@resvg/resvg-js");
  const svg = await renderBarChartSvg(CHART);
  const stages = { svg: [] as number[], png: [] as number[], scan: [] as number[] };
  for (let i = 0; i < STAGE_RENDERS; i++) {
    stages.svg.push(await timed(() => renderBarChartSvg(CHART)));
    stages.png.push(await timed(() => rasterize(svg)));
    stages.scan.push(
      await timed(async () =>
        new Resvg(svg, { font: { loadSystemFonts: true }, background: "white" }).render().asPng(),
      ),
    );
  }

  const p50 = (samples: number[]) => percentile(samples, 50);
  console.log(
    `${CHART.rows.length} bars, ${CHART.goalLines?.length} goal lines, PNG ${(bytes / 1024).toFixed(0)} KB\n`,
  );
  console.log(`first chart (loads vega, vega-lite, resvg)         ${ms(coldMs)} ms`);
  console.log(
    `chart, ${String(renders).padEnd(4)} renders         p50 ${ms(p50(total))} ms   p99 ${ms(percentile(total, 99))} ms`,
  );
  console.log(`stages, ${STAGE_RENDERS} renders each, p50:`);
  console.log(`  vega-lite + vega -> SVG                        ${ms(p50(stages.svg))} ms`);
  console.log(`  resvg -> PNG, DejaVu Sans only (the app)       ${ms(p50(stages.png))} ms`);
  console.log(
    `  resvg -> PNG, scanning every system font       ${ms(p50(stages.scan))} ms   (${(p50(stages.scan) / p50(stages.png)).toFixed(2)}x)\n`,
  );
  console.log("                                  RSS     heap used");
  console.log(`bare process (tsx, no chart)  ${mb(bare.rss)}   ${mb(bare.heapUsed)}`);
  console.log(`after the first chart         ${mb(afterFirst.rss)}   ${mb(afterFirst.heapUsed)}`);
  console.log(
    `after ${String(renders).padEnd(4)} more charts       ${mb(afterRenders.rss)}   ${mb(afterRenders.heapUsed)}`,
  );
  if (collect) console.log(`after a full GC               ${mb(afterGc.rss)}   ${mb(afterGc.heapUsed)}`);
  console.log(
    `\nafter ${renders} charts ÷ bare: ${(afterRenders.rss / bare.rss).toFixed(2)}x RSS (+${mb(afterRenders.rss - bare.rss).trim()})`,
  );
  if (!collect) console.log("(run with node --expose-gc for the readings after a full collection)");
}

await main();
