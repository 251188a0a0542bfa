import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartnerHub } from "../../src/partner-hub";
import { defaultDirectory } from "../../src/sandbox/fake-slack-directory";
import type { DigestScheduleInput } from "../../src/services/digest";
import { type Harness, startHarness } from "../support/harness";

/**
 * Weekly digests end to end with an injected clock: the scheduler's ticks (and its tick at
 * start) claim runs, the outbox posts them to the fake Slack. What is asserted is what people
 * see: each digest once, in its channel, also when Slack says wait, when instances race and when
 * the process that claimed a run dies before posting it.
 */

const TEAM = "T0VENDOR";
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";
const CHANNELS = ["C0DIGRATE", "C0DIGRACE1", "C0DIGRACE2", "C0DIGRACE3", "C0DIGMISS", "C0DIGLATE", "C0DIGCRASH"];
const FAST_RETRIES = { maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 200 };

function directory() {
  const known = defaultDirectory();
  for (const id of CHANNELS) known.channels.push({ id, name: id.toLowerCase() });
  return known;
}

/** Monday, November 30, 2026. */
const clock = { now: new Date("2026-11-30T06:00:00Z") };
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ directory: directory(), clock: () => clock.now, start: { retryPolicy: FAST_RETRIES } });
});
afterAll(async () => {
  await h?.close();
});

async function subscribe(hub: PartnerHub, channel: string, input: DigestScheduleInput = {}) {
  const manager = await hub.services.access.identify({ teamId: TEAM, userId: "U0ADMIN" });
  return hub.services.digest.subscribe(manager, channel, { timezone: "UTC", ...input }, { shared: false });
}

/** The bot's top-level posts in a channel: the digests people read there. */
const postsIn = (harness: Harness, channel: string) =>
  harness.fake.channelMessages(channel).filter((message) => message.user === harness.fake.directory.botUserId);

async function waitFor(probe: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until a digest tick that started after `since` finished (the tick every instance runs at start). */
const tickFinishedSince = (hub: PartnerHub, since: Date) =>
  waitFor(async () => {
    const run = await hub.db.jobRun.findUnique({ where: { name: "digests" } });
    return run?.finishedAt != null && run.startedAt >= since && run.finishedAt >= since;
  }, "a digest tick");

describe(`weekly digests on schedule (${DB})`, () => {
  it("waits out a 429's Retry-After, then posts the digest once", async () => {
    await subscribe(h.hub, "C0DIGRATE", { weekday: 1, hour: 9 });
    clock.now = new Date("2026-11-30T08:59:00Z");
    expect(await h.hub.services.digest.runDue()).toEqual({ claimed: 0 });
    clock.now = new Date("2026-11-30T09:00:00Z");
    const since = h.fake.calls.length;
    h.fake.failNext("chat.postMessage", { kind: "rateLimited", retryAfterSeconds: 1 });
    expect(await h.hub.services.digest.runDue()).toEqual({ claimed: 1 });
    await h.outboxDrained();

    expect(postsIn(h, "C0DIGRATE")).toHaveLength(1);
    const attempts = h.fake.calls
      .slice(since)
      .filter((call) => call.method === "chat.postMessage" && call.args.channel === "C0DIGRATE");
    expect(attempts).toHaveLength(2);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    const row = await h.hub.db.outboxMessage.findFirstOrThrow({ where: { channelId: "C0DIGRATE" } });
    expect(row).toMatchObject({ kind: "digest.post", status: "sent", attempts: 0 });
    // Later ticks that day, on any instance, add nothing.
    clock.now = new Date("2026-11-30T17:00:00Z");
    expect(await h.hub.services.digest.runDue()).toEqual({ claimed: 0 });
  });

  it("two instances whose schedulers start together post each digest once", async () => {
    clock.now = new Date("2026-12-01T10:00:00Z");
    for (const channel of ["C0DIGRACE1", "C0DIGRACE2", "C0DIGRACE3"]) {
      await subscribe(h.hub, channel, { weekday: 2, hour: 10 });
    }
    const since = new Date();
    // Each runs the digest tick once at start, at the same injected minute, then every minute.
    await Promise.all([h.startInstance({ jobs: true }), h.startInstance({ jobs: true })]);
    await waitFor(
      async () => ["C0DIGRACE1", "C0DIGRACE2", "C0DIGRACE3"].every((channel) => postsIn(h, channel).length > 0),
      "the three digests",
    );
    await tickFinishedSince(h.hub, since);
    await h.outboxDrained();
    for (const channel of ["C0DIGRACE1", "C0DIGRACE2", "C0DIGRACE3"]) expect(postsIn(h, channel)).toHaveLength(1);
    expect(await h.hub.db.outboxMessage.count({ where: { channelId: { startsWith: "C0DIGRACE" } } })).toBe(3);
  });

  it("catches up a run missed while no instance ran, once at start, if its local day is not over", async () => {
    // Tuesday 06:00 in Los Angeles passed while nothing ran; it is 23:00 there now. Tokyo's Tuesday
    // 06:00 run was missed too, but it is already Wednesday in Tokyo: too late.
    await subscribe(h.hub, "C0DIGMISS", { weekday: 2, hour: 6, timezone: "America/Los_Angeles" });
    await subscribe(h.hub, "C0DIGLATE", { weekday: 2, hour: 6, timezone: "Asia/Tokyo" });
    clock.now = new Date("2026-12-02T07:00:00Z");
    const first = new Date();
    const restarted = await h.startInstance({ jobs: true });
    await waitFor(async () => postsIn(h, "C0DIGMISS").length > 0, "the missed digest");
    await tickFinishedSince(h.hub, first);
    await restarted.stop();
    // Another start the same day finds the run claimed.
    const second = new Date();
    await h.startInstance({ jobs: true });
    await tickFinishedSince(h.hub, second);
    await h.outboxDrained();
    expect(postsIn(h, "C0DIGMISS")).toHaveLength(1);
    expect(postsIn(h, "C0DIGLATE")).toHaveLength(0);
  });
});

describe(`a crash between claiming a digest and posting it (${DB})`, () => {
  let crashed: Harness;
  beforeAll(async () => {
    // The first instance claims but never delivers: it plays one that died right after its commit.
    crashed = await startHarness({
      directory: directory(),
      clock: () => clock.now,
      start: { dispatcher: false, retryPolicy: FAST_RETRIES, outboxLeaseMs: 300 },
    });
  });
  afterAll(async () => {
    await crashed?.close();
  });

  it("leaves the claimed run to the next instance, which posts it once", async () => {
    await subscribe(crashed.hub, "C0DIGCRASH", { weekday: 1, hour: 9 });
    clock.now = new Date("2026-12-07T09:05:00Z");
    expect(await crashed.hub.services.digest.runDue()).toEqual({ claimed: 1 });
    const row = await crashed.hub.db.outboxMessage.findFirstOrThrow({ where: { channelId: "C0DIGCRASH" } });
    // It had even taken the outbox row's lease when it died.
    const [due] = await crashed.hub.services.outbox.due(10);
    expect(due?.id).toBe(row.id);
    expect(await crashed.hub.services.outbox.claim(due as NonNullable<typeof due>, "dead-instance")).toBe(true);
    expect(postsIn(crashed, "C0DIGCRASH")).toHaveLength(0);

    // A new instance starts: its own tick finds the run claimed; its dispatcher takes over the lapsed lease.
    const since = new Date();
    await crashed.startInstance({ jobs: true, dispatcher: true, outboxSweepMs: 100, outboxLeaseMs: 300 });
    await tickFinishedSince(crashed.hub, since);
    await waitFor(async () => postsIn(crashed, "C0DIGCRASH").length > 0, "the resumed digest");
    await crashed.outboxDrained();
    expect(postsIn(crashed, "C0DIGCRASH")).toHaveLength(1);
    expect(await crashed.hub.db.digestRun.count()).toBe(1);
    expect(await crashed.hub.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "sent",
    });
  });
});
