/**
 * Outbox throughput under Slack's posting limits: 2,000 deal cards queued for 200 channels (10
 * each) while no dispatcher runs, then delivered by 1 or 3 Partner Hub instances against a fake
 * Slack that answers 429 past 1 post per second per channel and W per second for the workspace.
 * Prints the time against the floor those limits allow, and checks that every row was posted
 * exactly once. See bench/README.md.
 *
 *   npm run bench:outbox                       # PostgreSQL (DATABASE_URL or the local test server) and SQLite
 *   npm run bench:outbox -- --workspace 50     # W, the workspace's posts per second (default 100)
 *   npm run bench:outbox -- --all              # also 3 instances and SQLite with laneSpacingMs 1000
 */
import { createLogger } from "../src/logger";
import { type PartnerHub, startPartnerHub } from "../src/partner-hub";
import { FakeSlack } from "../src/sandbox/fake-slack";
import { defaultDirectory } from "../src/sandbox/fake-slack-directory";
import { DEAL_MESSAGE_KINDS } from "../src/services/deals/deal-messages";
import type { OutboxDraft } from "../src/services/outbox/outbox-message";
import { benchHubConfig } from "./bench-config";
import { type BenchDatabase, createBenchDatabase } from "./bench-database";

const CHANNELS = 200;
const PER_CHANNEL = 10;
const PER_CHANNEL_PER_SECOND = 1;
const DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";
/** A run that has not drained by then is reported with what is left. */
const RUN_LIMIT_MS = 120_000;

interface Run {
  dialect: "PostgreSQL" | "SQLite";
  instances: number;
  laneSpacingMs: number;
}

/** The default runs (about 2 minutes); `--all` adds proactive pacing to the other two. */
const RUNS: Run[] = [
  { dialect: "PostgreSQL", instances: 1, laneSpacingMs: 0 },
  { dialect: "PostgreSQL", instances: 3, laneSpacingMs: 0 },
  { dialect: "SQLite", instances: 1, laneSpacingMs: 0 },
  { dialect: "PostgreSQL", instances: 1, laneSpacingMs: 1_000 },
];
const MORE_RUNS: Run[] = [
  { dialect: "PostgreSQL", instances: 3, laneSpacingMs: 1_000 },
  { dialect: "SQLite", instances: 1, laneSpacingMs: 1_000 },
];

interface Result {
  run: Run;
  totalMs: number;
  drained: boolean;
  posts: number;
  rateLimited: number;
  duplicates: number;
  lostRows: number;
  missingInSlack: number;
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): { workspacePerSecond: number; runs: Run[] } {
  let raw = env.BENCH_WORKSPACE_PER_SECOND;
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--all") {
      all = true;
      continue;
    }
    const match = /^--workspace(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}" (use --workspace W, --all)`);
    raw = match[1] ?? argv[++i];
  }
  const value = Number(raw ?? 100);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--workspace must be a positive integer, got "${raw}"`);
  return { workspacePerSecond: value, runs: all ? [...RUNS, ...MORE_RUNS] : RUNS };
}

const channelId = (index: number) => `C0BENCH${String(index).padStart(3, "0")}`;

/** The default people and channels plus the 200 the bench posts to (the fake refuses unknown channels). */
function benchSlack(workspacePerSecond: number): FakeSlack {
  const directory = defaultDirectory();
  for (let i = 0; i < CHANNELS; i++) directory.channels.push({ id: channelId(i), name: `bench-${i}` });
  const fake = new FakeSlack(directory);
  fake.enforceRateLimits({ perChannelPerSecond: PER_CHANNEL_PER_SECOND, workspacePerSecond });
  return fake;
}

async function startHubs(fake: FakeSlack, databaseUrl: string, run: Run): Promise<PartnerHub[]> {
  const config = benchHubConfig(fake.apiUrl, databaseUrl);
  const start = () =>
    startPartnerHub(config, createLogger("silent"), { jobs: false, outboxLaneSpacingMs: run.laneSpacingMs });
  // The first one applies the migrations; the others then start together, each with its own client.
  const first = await start();
  const others = await Promise.all(Array.from({ length: run.instances - 1 }, start));
  const hubs = [first, ...others];
  // Held until the queue is full, so every instance starts from the same 2,000 rows.
  for (const hub of hubs) await hub.dispatcher?.stop();
  return hubs;
}

/** 10 real deals, and one card of each in each channel: a row is (channel, deal), its key says so. */
async function enqueue(hub: PartnerHub, teamId: string): Promise<void> {
  const { store } = hub;
  const workspace = await store.workspaces.ensure(teamId);
  const partner = await store.partners.create(workspace.id, {
    name: "Bench Partner",
    nameKey: "bench partner",
    region: null,
    tier: "gold",
  });
  if (!partner) throw new Error("could not create the bench partner");
  const dealIds: number[] = [];
  for (let n = 0; n < PER_CHANNEL; n++) {
    const deal = await store.deals.create({
      workspaceId: workspace.id,
      partnerId: partner.id,
      createdBy: "U0PARTNERA",
      customerName: `Bench Customer ${n}`,
      customer: { domain: `bench-${n}.example`, nameKey: `bench customer ${n}` },
      product: "Bench licence",
      amountMinor: 100_000 * (n + 1),
      currency: "USD",
      stage: "prospecting",
      status: "pending",
      conflictDealId: null,
      expectedCloseOn: null,
      region: null,
      notes: null,
      channelId: null,
      idempotencyKey: `bench:deal:${n}`,
    });
    if (!deal) throw new Error("could not create a bench deal");
    dealIds.push(deal.id);
  }
  // Channel by channel: each conversation's backlog is queued together, the order that makes a
  // dispatcher pace one conversation while the others wait their turn.
  for (let i = 0; i < CHANNELS; i++) {
    const drafts: OutboxDraft[] = dealIds.map((dealId) => {
      const key = `bench:${channelId(i)}:deal:${dealId}`;
      return {
        workspaceId: workspace.id,
        dedupeKey: key,
        kind: DEAL_MESSAGE_KINDS.card,
        subject: { dealId },
        action: "post",
        channelId: channelId(i),
        messageKey: key,
      };
    });
    await store.outbox.enqueue(drafts);
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

async function measure(run: Run, workspacePerSecond: number, database: BenchDatabase): Promise<Result> {
  const fake = await benchSlack(workspacePerSecond).start();
  const hubs: PartnerHub[] = [];
  try {
    hubs.push(...(await startHubs(fake, database.url, run)));
    const [first] = hubs;
    if (!first) throw new Error("no instance started");
    await enqueue(first, fake.directory.team.id);
    const queued = await first.db.outboxMessage.count({ where: { status: "pending" } });
    if (queued !== CHANNELS * PER_CHANNEL)
      throw new Error(`queued ${queued} rows instead of ${CHANNELS * PER_CHANNEL}`);

    const started = performance.now();
    for (const hub of hubs) hub.dispatcher?.start();
    let drained = false;
    while (performance.now() - started < RUN_LIMIT_MS) {
      if ((await first.db.outboxMessage.count({ where: { status: "pending" } })) === 0) {
        drained = true;
        break;
      }
      await sleep(50);
    }
    const totalMs = performance.now() - started;
    for (const hub of hubs) await hub.dispatcher?.stop();
    return { run, totalMs, drained, rateLimited: fake.rateLimitedCount, ...(await audit(first, fake)) };
  } finally {
    for (const hub of hubs.reverse()) await hub.stop();
    await fake.stop();
  }
}

/** Every row against what the fake Slack holds: a card says `Deal #<id>`, its channel the rest. */
async function audit(hub: PartnerHub, fake: FakeSlack) {
  const rows = await hub.db.outboxMessage.findMany({
    select: { status: true, channelId: true, subject: true, sentChannel: true, sentTs: true },
  });
  const posted = new Map<string, string[]>();
  let posts = 0;
  for (const message of fake.messages) {
    const deal = /^Deal #(\d+) /.exec(message.text)?.[1];
    if (message.user !== fake.directory.botUserId || !deal) continue;
    posts++;
    const key = `${message.channel}:${deal}`;
    posted.set(key, [...(posted.get(key) ?? []), message.ts]);
  }
  let duplicates = 0;
  for (const stamps of posted.values()) duplicates += Math.max(0, stamps.length - 1);
  let lostRows = 0;
  let missingInSlack = 0;
  for (const row of rows) {
    if (row.status !== "sent") lostRows++;
    const dealId = (JSON.parse(row.subject) as { dealId: number }).dealId;
    const stamps = posted.get(`${row.channelId}:${dealId}`) ?? [];
    // Sent means Slack holds that very message where the row says it went.
    if (stamps.length === 0 || row.sentChannel !== row.channelId || !stamps.includes(row.sentTs ?? "")) {
      missingInSlack++;
    }
  }
  lostRows += CHANNELS * PER_CHANNEL - rows.length;
  return { posts, duplicates, lostRows, missingInSlack };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function line(result: Result, floorMs: number): string {
  const { run } = result;
  const cells = [
    run.dialect.padEnd(10),
    String(run.instances).padStart(9),
    `${run.laneSpacingMs} ms`.padStart(7),
    `${seconds(result.totalMs)}${result.drained ? "" : "+"}`.padStart(7),
    `${(result.totalMs / floorMs).toFixed(2)}x`.padStart(7),
    String(result.posts).padStart(5),
    String(result.rateLimited).padStart(5),
    String(result.duplicates).padStart(4),
    String(result.lostRows).padStart(4),
    String(result.missingInSlack).padStart(7),
  ];
  return cells.join("  ");
}

async function main(): Promise<number> {
  const { workspacePerSecond, runs } = parseOptions(process.argv.slice(2), process.env);
  const total = CHANNELS * PER_CHANNEL;
  const channelFloorMs = ((PER_CHANNEL - 1) / PER_CHANNEL_PER_SECOND) * 1000;
  const workspaceFloorMs = (total / workspacePerSecond) * 1000;
  const floorMs = Math.max(channelFloorMs, workspaceFloorMs);
  const postgres = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : DEFAULT_POSTGRES;
  console.log(
    `Outbox delivery: ${total} deal cards queued for ${CHANNELS} channels (${PER_CHANNEL} each), then delivered`,
  );
  console.log(
    `Fake Slack limits: ${PER_CHANNEL_PER_SECOND} post/s per channel, W = ${workspacePerSecond} posts/s per workspace · ` +
      `floor ${seconds(floorMs)} = max(per channel ${seconds(channelFloorMs)}, workspace ${seconds(workspaceFloorMs)}) · Node ${process.version}`,
  );
  console.log(`\ndatabase    instances  spacing    total  ÷floor  posts   429s  dup  lost  missing`);
  const results: Result[] = [];
  for (const run of runs) {
    const database = await createBenchDatabase(run.dialect === "SQLite" ? undefined : postgres);
    try {
      const result = await measure(run, workspacePerSecond, database);
      results.push(result);
      console.log(line(result, floorMs));
    } finally {
      await database.drop();
    }
  }
  const bad = results.filter((r) => !r.drained || r.duplicates + r.lostRows + r.missingInSlack > 0);
  console.log(
    "\ntotal: queue full → every row sent · posts: chat.postMessage calls that succeeded · 429s: refused by the limits",
  );
  console.log("dup: posts beyond the first per row · lost: rows not sent · missing: rows whose message Slack lacks");
  if (bad.length > 0) console.log(`\nFAILED: ${bad.length} run(s) lost, duplicated or did not drain messages`);
  return bad.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
