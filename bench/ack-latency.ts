/**
 * Ack latency of a slash command: the real Partner Hub app against a bare Bolt app that only acks
 * and answers through response_url, both fed the same signed `/hub help` requests by one fake Slack
 * in the same run. See bench/README.md.
 *
 *   npm run bench:ack-latency -- --requests 2000 --concurrency 20
 *   DATABASE_URL=postgresql://127.0.0.1:5432/test npm run bench:ack-latency
 *
 * The apps run on this (main) thread; the fake Slack and the load generator run in a worker thread
 * (bench/slack-side.ts), so Slack's side does not wait on the apps' event loop.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel } from "@slack/bolt";
import { createLogger } from "../src/logger";
import { startPartnerHub } from "../src/partner-hub";
import { benchHubConfig } from "./bench-config";
import { createBenchDatabase } from "./bench-database";
import type { ExpectedReply, FromSlackSide, LoadRequest, RunResult, ToSlackSide } from "./slack-side";

const SIGNING_SECRET = "bench-signing-secret";
const BOT_TOKEN = "xoxb-bench-token";
const WARMUP_REQUESTS = 100;
const ROUNDS = 2;
const HARD_TIMEOUT_MS = 5 * 60_000;

// ---- options ----------------------------------------------------------------------------------

interface Options {
  requests: number;
  concurrency: number;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const given: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const match = /^--(requests|concurrency)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new Error(`unknown argument "${arg}" (use --requests N --concurrency C)`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    given[match[1]] = value;
  }
  return {
    requests: positiveInt("--requests", given.requests ?? env.BENCH_REQUESTS, 2000),
    concurrency: positiveInt("--concurrency", given.concurrency ?? env.BENCH_CONCURRENCY, 20),
  };
}

// ---- Slack's side (worker thread) -------------------------------------------------------------

interface SlackSide {
  apiUrl: string;
  load(request: Omit<LoadRequest, "type">): Promise<RunResult>;
  stop(): Promise<void>;
}

async function startSlackSide(): Promise<SlackSide> {
  // Worker threads do not inherit tsx's loader: register it in the worker, then load the module.
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./slack-side.ts", import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
  let waiting: { resolve: (message: FromSlackSide) => void; reject: (error: Error) => void } | undefined;
  const next = () =>
    new Promise<FromSlackSide>((resolve, reject) => {
      waiting = { resolve, reject };
    });
  worker.on("message", (message: FromSlackSide) => {
    const current = waiting;
    waiting = undefined;
    current?.resolve(message);
  });
  worker.on("error", (error) => waiting?.reject(error));
  worker.on("exit", (code) => waiting?.reject(new Error(`the Slack-side worker exited (${code})`)));
  const send = (message: ToSlackSide) => worker.postMessage(message);

  const ready = await next();
  if (ready.type !== "ready") throw new Error(`the Slack-side worker said ${ready.type} instead of ready`);
  return {
    apiUrl: ready.apiUrl,
    load: async (request) => {
      const answer = next();
      send({ type: "load", ...request });
      const message = await answer;
      if (message.type === "result") return message.result;
      throw new Error(message.type === "failed" ? message.message : `unexpected ${message.type} from the worker`);
    },
    stop: async () => {
      const answer = next();
      send({ type: "stop" });
      await answer.catch(() => undefined);
      await worker.terminate();
    },
  };
}

// ---- targets ----------------------------------------------------------------------------------

interface Target {
  name: string;
  url: string;
  expected: ExpectedReply;
  stop(): Promise<void>;
}

/** The real app, started as test/support/harness.ts starts it (see bench/README.md). */
async function startPartnerHubTarget(apiUrl: string, databaseUrl: string): Promise<Target> {
  const config = benchHubConfig(apiUrl, databaseUrl, { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET });
  // As the harness does: scheduled jobs off, so the hourly sweep cannot land in a measured run.
  const hub = await startPartnerHub(config, createLogger("silent"), { jobs: false });
  return {
    name: "Partner Hub",
    url: `http://127.0.0.1:${hub.port}`,
    expected: "partner-hub-help",
    stop: () => hub.stop(),
  };
}

const silentBoltLogger: BoltLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** Bolt alone: the same receiver and endpoint, an ack and one response_url post, no Partner Hub work. */
async function startBareBoltTarget(apiUrl: string): Promise<Target> {
  const receiver = new HTTPReceiver({
    signingSecret: SIGNING_SECRET,
    endpoints: "/slack/events",
    logger: silentBoltLogger,
  });
  const app = new App({
    token: BOT_TOKEN,
    receiver,
    clientOptions: { slackApiUrl: apiUrl },
    logger: silentBoltLogger,
    logLevel: LogLevel.ERROR,
  });
  app.command("/hub", async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: "ephemeral", text: "help" });
  });
  // Served as Partner Hub serves Bolt, by a node:http server handing requests to the receiver.
  const server = createServer(receiver.requestListener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    name: "bare Bolt",
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    expected: "bare-help",
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---- report -----------------------------------------------------------------------------------

interface Distribution {
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles. */
function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
  return { p50: at(50), p99: at(99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

interface Summary {
  name: string;
  ack: Distribution;
  reply: Distribution;
  perSecond: number;
  errors: string[];
}

function summarize(name: string, runs: RunResult[]): Summary {
  const completed = runs.reduce((sum, run) => sum + run.replyMs.length, 0);
  const wallMs = runs.reduce((sum, run) => sum + run.wallMs, 0);
  return {
    name,
    ack: distribution(runs.flatMap((run) => run.ackMs)),
    reply: distribution(runs.flatMap((run) => run.replyMs)),
    perSecond: wallMs > 0 ? (completed / wallMs) * 1000 : 0,
    errors: runs.flatMap((run) => run.errors),
  };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "-");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : "-");

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join("  "),
    )
    .join("\n");
}

function printErrors(summary: Summary): void {
  if (summary.errors.length === 0) return;
  const counts = new Map<string, number>();
  for (const error of summary.errors) counts.set(error, (counts.get(error) ?? 0) + 1);
  console.log(`\n${summary.name}: ${summary.errors.length} failed`);
  for (const [error, count] of [...counts].slice(0, 10)) console.log(`  ${count} x ${error}`);
}

// ---- main -------------------------------------------------------------------------------------

async function withTimeout<T>(work: Promise<T>, limitMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${limitMs / 1000} s`)), limitMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function bench(options: Options, cleanups: (() => Promise<void>)[]): Promise<boolean> {
  const rssAtStart = process.memoryUsage().rss;
  const slackSide = await startSlackSide();
  cleanups.push(() => slackSide.stop());
  const database = await createBenchDatabase(process.env.DATABASE_URL);
  cleanups.push(() => database.drop());
  const hub = await startPartnerHubTarget(slackSide.apiUrl, database.url);
  cleanups.push(() => hub.stop());
  const bare = await startBareBoltTarget(slackSide.apiUrl);
  cleanups.push(() => bare.stop());

  console.log(`/hub help ack latency: Partner Hub vs bare Bolt, same fake Slack, same process`);
  console.log(
    `Node ${process.version} · ${options.requests} requests per target over ${ROUNDS} rounds · ` +
      `concurrency ${options.concurrency} · ${WARMUP_REQUESTS} untimed warm-up requests lead each run · ${database.describe}`,
  );
  const rssBefore = process.memoryUsage().rss;
  const load = (target: Target, count: number) =>
    slackSide.load({
      url: target.url,
      signingSecret: SIGNING_SECRET,
      expected: target.expected,
      warmup: WARMUP_REQUESTS,
      count,
      concurrency: options.concurrency,
    });

  const runs = new Map<Target, RunResult[]>([
    [hub, []],
    [bare, []],
  ]);
  for (let round = 0; round < ROUNDS; round++) {
    const count = Math.floor(options.requests / ROUNDS) + (round < options.requests % ROUNDS ? 1 : 0);
    if (count === 0) continue;
    for (const target of round % 2 === 0 ? [hub, bare] : [bare, hub]) {
      const run = await load(target, count);
      runs.get(target)?.push(run);
      const ack = distribution(run.ackMs);
      const reply = distribution(run.replyMs);
      console.log(
        `  round ${round + 1}  ${target.name.padEnd(11)}  ack p50 ${ms(ack.p50)} ms  reply p50 ${ms(reply.p50)} ms  ` +
          `errors ${run.errors.length}`,
      );
    }
  }
  const rssAfter = process.memoryUsage().rss;

  const ph = summarize(hub.name, runs.get(hub) ?? []);
  const bolt = summarize(bare.name, runs.get(bare) ?? []);
  console.log("");
  console.log(
    table([
      ["ms", "ack p50", "ack p99", "ack max", "reply p50", "reply p99", "reply max", "req/s", "errors"],
      ...[ph, bolt].map((s) => [
        s.name,
        ms(s.ack.p50),
        ms(s.ack.p99),
        ms(s.ack.max),
        ms(s.reply.p50),
        ms(s.reply.p99),
        ms(s.reply.max),
        s.perSecond.toFixed(0),
        String(s.errors.length),
      ]),
    ]),
  );
  console.log(
    `\nPartner Hub ÷ bare Bolt   ack p50 ${ratio(ph.ack.p50, bolt.ack.p50)}   ack p99 ${ratio(ph.ack.p99, bolt.ack.p99)}` +
      `   reply p50 ${ratio(ph.reply.p50, bolt.reply.p50)}   reply p99 ${ratio(ph.reply.p99, bolt.reply.p99)}`,
  );
  console.log(`RSS ${mb(rssAtStart)} at start · ${mb(rssBefore)} with servers up · ${mb(rssAfter)} after the runs`);
  printErrors(ph);
  printErrors(bolt);
  return ph.errors.length + bolt.errors.length === 0;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const cleanups: (() => Promise<void>)[] = [];
  // Ctrl-C or a kill still stops the servers and removes the scratch database.
  const interrupted = new Promise<never>((_, reject) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => reject(new Error(`interrupted by ${signal}`)));
    }
  });
  try {
    const ok = await Promise.race([
      withTimeout(bench(options, cleanups), HARD_TIMEOUT_MS, "the benchmark"),
      interrupted,
    ]);
    return ok ? 0 : 1;
  } finally {
    const cleanup = async () => {
      for (const step of cleanups.splice(0).reverse()) {
        await step().catch((error: unknown) => console.error(`cleanup: ${(error as Error).message}`));
      }
    };
    await withTimeout(cleanup(), 20_000, "shutting down").catch((error: unknown) =>
      console.error((error as Error).message),
    );
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
