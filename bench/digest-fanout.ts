/**
 * Weekly digest fan-out: 1,000 channels subscribed for the same minute, all due at one tick of the
 * scheduler on 1 or 3 Partner Hub instances (PostgreSQL), posted through the outbox to a fake Slack
 * that answers 429 past 1 post per second per channel and W per second for the workspace. Prints
 * the time from the tick to the last post against the floor those limits allow, the posts made,
 * duplicates and lost posts. See bench/README.md.
 *
 *   npm run bench:digest-fanout                      # PostgreSQL, 1 and 3 instances (~1 min)
 *   npm run bench:digest-fanout -- --workspace 50    # W, the workspace's posts per second (default 100)
 *   npm run bench:digest-fanout -- --channels 300    # fewer channels (default 1000)
 */
import { createLogger } from "../src/logger";
import { type PartnerHub, startPartnerHub } from "../src/partner-hub";
import { FakeSlack } from "../src/sandbox/fake-slack";
import { defaultDirectory } from "../src/sandbox/fake-slack-directory";
import { DIGEST_POST_KIND } from "../src/services/digest";
import { benchHubConfig } from "./bench-config";
import { type BenchDatabase, createBenchDatabase } from "./bench-database";

const PER_CHANNEL_PER_SECOND = 1;
const DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";
const RUN_LIMIT_MS = 180_000;
/** Monday 09:00 UTC: every subscription's occurrence. */
const TICK = new Date("2026-11-30T09:00:00Z");

interface Options {
  workspacePerSecond: number;
  channels: number;
}

interface Result {
  instances: number;
  claimMs: number;
  totalMs: number;
  drained: boolean;
  posts: number;
  rateLimited: number;
  claimedRuns: number;
  duplicates: number;
  lost: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { workspacePerSecond: 100, channels: 1_000 };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(workspace|channels)(?:=(.*))?$/.exec(argv[i] as string);
    if (!match) throw new Error(`unknown argument "${argv[i]}" (use --workspace W, --channels N)`);
    const raw = match[2] ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${match[1]} must be a positive integer, got "${raw}"`);
    if (match[1] === "workspace") options.workspacePerSecond = value;
    else options.channels = value;
  }
  return options;
}

const channelId = (index: number) => `C0DIGEST${String(index).padStart(4, "0")}`;

async function startHubs(fake: FakeSlack, databaseUrl: string, instances: number): Promise<PartnerHub[]> {
  const config = benchHubConfig(fake.apiUrl, databaseUrl);
  // The scheduler's tick is run by hand at the injected minute; the dispatchers run as in production.
  const start = () => startPartnerHub(config, createLogger("silent"), { jobs: false });
  const first = await start();
  const others = await Promise.all(Array.from({ length: instances - 1 }, start));
  return [first, ...others];
}

/** The channels' subscriptions, written straight to the store: Monday 09:00 UTC, all of them. */
async function subscribe(hub: PartnerHub, teamId: string, channels: number): Promise<void> {
  const workspace = await hub.store.workspaces.ensure(teamId);
  for (let i = 0; i < channels; i++) {
    await hub.store.digests.upsert({
      workspaceId: workspace.id,
      channelId: channelId(i),
      kind: "channel",
      createdBy: "U0ADMIN",
      timezone: "UTC",
      weekday: 1,
      hour: 9,
      minute: 0,
    });
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

async function measure(instances: number, options: Options, database: BenchDatabase): Promise<Result> {
  const directory = defaultDirectory();
  for (let i = 0; i < options.channels; i++) directory.channels.push({ id: channelId(i), name: `digest-${i}` });
  const fake = new FakeSlack(directory);
  fake.enforceRateLimits({
    perChannelPerSecond: PER_CHANNEL_PER_SECOND,
    workspacePerSecond: options.workspacePerSecond,
  });
  await fake.start();
  const hubs: PartnerHub[] = [];
  try {
    hubs.push(...(await startHubs(fake, database.url, instances)));
    const [first] = hubs;
    if (!first) throw new Error("no instance started");
    await subscribe(first, fake.directory.team.id, options.channels);

    const started = performance.now();
    // The minute's tick on every instance at once, as node-cron fires it on each.
    const claims = await Promise.all(hubs.map((hub) => hub.services.digest.runDue(TICK)));
    const claimMs = performance.now() - started;
    let drained = false;
    while (performance.now() - started < RUN_LIMIT_MS) {
      const pending = await first.db.outboxMessage.count({ where: { status: "pending" } });
      const rows = await first.db.outboxMessage.count({ where: { kind: DIGEST_POST_KIND } });
      if (pending === 0 && rows === options.channels) {
        drained = true;
        break;
      }
      await sleep(50);
    }
    const totalMs = performance.now() - started;
    return {
      instances,
      claimMs,
      totalMs,
      drained,
      rateLimited: fake.rateLimitedCount,
      claimedRuns: claims.reduce((sum, claim) => sum + claim.claimed, 0),
      ...(await audit(first, fake, options.channels)),
    };
  } finally {
    for (const hub of hubs.reverse()) await hub.stop();
    await fake.stop();
  }
}

/** Each channel should hold exactly one digest from the bot, and each row say it was sent there. */
async function audit(hub: PartnerHub, fake: FakeSlack, channels: number) {
  const perChannel = new Map<string, number>();
  let posts = 0;
  for (const message of fake.messages) {
    if (message.user !== fake.directory.botUserId || !message.channel.startsWith("C0DIGEST")) continue;
    posts++;
    perChannel.set(message.channel, (perChannel.get(message.channel) ?? 0) + 1);
  }
  let duplicates = 0;
  for (const count of perChannel.values()) duplicates += count - 1;
  const sent = await hub.db.outboxMessage.findMany({
    where: { kind: DIGEST_POST_KIND, status: "sent" },
    select: { channelId: true, sentChannel: true },
  });
  const delivered = new Set(sent.filter((row) => row.sentChannel === row.channelId).map((row) => row.channelId));
  let lost = 0;
  for (let i = 0; i < channels; i++) {
    if (!perChannel.has(channelId(i)) || !delivered.has(channelId(i))) lost++;
  }
  return { posts, duplicates, lost };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const postgres = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : DEFAULT_POSTGRES;
  // One post per channel: the per-channel budget never binds; the workspace's does.
  const floorMs = (options.channels / options.workspacePerSecond) * 1000;
  console.log(`Digest fan-out: ${options.channels} channels subscribed for Monday 09:00 UTC, all due at one tick`);
  console.log(
    `Fake Slack limits: ${PER_CHANNEL_PER_SECOND} post/s per channel, W = ${options.workspacePerSecond} posts/s per workspace · ` +
      `floor ${seconds(floorMs)} = ${options.channels} posts / W · Node ${process.version}`,
  );
  console.log(`\ndatabase    instances   claim    total  ÷floor  posts   429s  runs  dup  lost`);
  const results: Result[] = [];
  for (const instances of [1, 3]) {
    const database = await createBenchDatabase(postgres);
    try {
      const result = await measure(instances, options, database);
      results.push(result);
      const cells = [
        "PostgreSQL".padEnd(10),
        String(instances).padStart(9),
        seconds(result.claimMs).padStart(7),
        `${seconds(result.totalMs)}${result.drained ? "" : "+"}`.padStart(8),
        `${(result.totalMs / floorMs).toFixed(2)}x`.padStart(7),
        String(result.posts).padStart(6),
        String(result.rateLimited).padStart(6),
        String(result.claimedRuns).padStart(5),
        String(result.duplicates).padStart(4),
        String(result.lost).padStart(5),
      ];
      console.log(cells.join("  "));
    } finally {
      await database.drop();
    }
  }
  console.log("\nclaim: the tick on every instance (claims + outbox rows) · total: tick → every digest sent");
  console.log(
    "runs: runs claimed, summed over instances (must equal the channels) · dup: posts beyond one per channel",
  );
  console.log("lost: channels without their digest, or whose row is not sent there");
  const bad = results.filter((r) => !r.drained || r.duplicates > 0 || r.lost > 0 || r.claimedRuns !== options.channels);
  if (bad.length > 0) console.log(`\nFAILED: ${bad.length} run(s) lost, duplicated or did not deliver digests`);
  return bad.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
