import { describe, expect, it } from "vitest";
import { createStore } from "../../src/data/prisma-store";
import { createServices, type Services } from "../../src/services";
import { DIGEST_POST_KIND, type DigestSubscriptionRecord } from "../../src/services/digest";
import { type DealWorld, outboxOf, refusal, useDealWorld } from "./deal-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";
const internal = { shared: false };

/** A second instance's services: its own store over the same database (on PostgreSQL, its own connections). */
function secondInstance(w: DealWorld): Services {
  return createServices(createStore(w.opened.db), {
    hubAdmins: [],
    system: { dialect: "sqlite", migrations: async () => ({ count: 0, latest: null }) },
    version: "test",
    clock: () => w.clock.now,
  });
}

/** The digest posts owed for these subscriptions, by dedupe key. */
async function postsOf(w: DealWorld, subscriptions: readonly DigestSubscriptionRecord[]) {
  const rows = await w.opened.db.outboxMessage.findMany({ where: { kind: DIGEST_POST_KIND }, orderBy: { id: "asc" } });
  const ids = new Set(subscriptions.map((subscription) => subscription.id));
  return rows.filter((row) => ids.has((JSON.parse(row.subject) as { subscriptionId: number }).subscriptionId));
}

describe(`digest subscriptions (${DB})`, () => {
  it("subscribes a channel at Monday 09:00 in the workspace's zone by default, keeps what a change leaves out, audits", async () => {
    const p = await world.program();
    const { digest } = world.services;
    const first = await digest.subscribe(p.manager, "C_SALES", {}, internal);
    expect(first).toMatchObject({
      channelId: "C_SALES",
      kind: "channel",
      timezone: "UTC",
      weekday: 1,
      hour: 9,
      minute: 0,
      active: true,
      createdBy: "U_MANAGER",
    });
    const changed = await digest.subscribe(p.manager, "C_SALES", { weekday: 5 }, internal);
    expect(changed).toMatchObject({ id: first.id, weekday: 5, hour: 9, timezone: "UTC" });
    const zoned = await digest.subscribe(
      p.admin,
      "C_SALES",
      { hour: 16, minute: 30, timezone: "Europe/Berlin" },
      internal,
    );
    expect(zoned).toMatchObject({ id: first.id, weekday: 5, hour: 16, minute: 30, timezone: "Europe/Berlin" });
    const status = await digest.status(p.manager, "C_SALES");
    expect(status.here?.id).toBe(first.id);
    expect(status.me).toBeNull();
    expect(status.next?.getUTCDay()).toBe(5);
    const audit = await world.opened.db.auditEntry.findMany({
      where: { workspaceId: p.admin.workspace.id, action: "digest.subscribe" },
    });
    expect(audit).toHaveLength(3);

    await digest.unsubscribe(p.manager, "C_SALES");
    expect((await digest.status(p.manager, "C_SALES")).here).toBeNull();
    expect(await refusal(() => digest.unsubscribe(p.manager, "C_SALES"))).toEqual({
      code: "digest_not_subscribed",
      params: { mine: false },
    });
    // Subscribing again turns the same subscription back on.
    expect((await digest.subscribe(p.manager, "C_SALES", {}, internal)).id).toBe(first.id);
  });

  it("refuses members, a bad time or zone, and a shared channel not tied to its partner", async () => {
    const p = await world.program();
    const { digest, partners } = world.services;
    expect(await refusal(() => digest.subscribe(p.ana, "C_SALES", {}, internal))).toEqual({
      code: "forbidden",
      params: { action: "manage_digests" },
    });
    expect((await refusal(() => digest.subscribeMe(p.ana, {}))).code).toBe("forbidden");
    expect((await refusal(() => digest.preview(p.ana, "C_SALES"))).code).toBe("forbidden");
    expect(await refusal(() => digest.subscribe(p.manager, "C_SALES", { timezone: "Mars/Base" }, internal))).toEqual({
      code: "timezone_invalid",
      params: { text: "Mars/Base" },
    });
    expect((await refusal(() => digest.subscribe(p.manager, "C_SALES", { hour: 24 }, internal))).code).toBe(
      "digest_schedule_invalid",
    );
    expect((await refusal(() => digest.subscribe(p.manager, "C_SHARED", {}, { shared: true }))).code).toBe(
      "channel_shared",
    );
    await partners.tieChannel(p.manager, "C_SHARED", "Acme Solutions", { shared: true });
    expect((await digest.subscribe(p.manager, "C_SHARED", {}, { shared: true })).channelId).toBe("C_SHARED");
  });

  it("a manager's own digest goes to their DM in their own zone when known", async () => {
    const p = await world.program();
    const { digest } = world.services;
    await world.opened.store.members.setTimezone(p.manager.member.id, "Asia/Tokyo");
    const manager = await p.actor("U_MANAGER");
    const mine = await digest.subscribeMe(manager, { weekday: 2, hour: 8 });
    expect(mine).toMatchObject({
      channelId: "U_MANAGER",
      kind: "manager",
      timezone: "Asia/Tokyo",
      weekday: 2,
      hour: 8,
    });
    expect((await digest.status(manager, "C_SALES")).me?.id).toBe(mine.id);
    await digest.unsubscribeMe(manager);
    expect(await refusal(() => digest.unsubscribeMe(manager))).toEqual({
      code: "digest_not_subscribed",
      params: { mine: true },
    });
  });
});

describe(`digest runs (${DB})`, () => {
  it("posts in two time zones at their local Monday 09:00 across their DST changes, once per week", async () => {
    const p = await world.program();
    const { digest } = world.services;
    const berlin = await digest.subscribe(p.manager, "C_BERLIN", { timezone: "Europe/Berlin" }, internal);
    const newYork = await digest.subscribe(p.manager, "C_NEW_YORK", { timezone: "America/New_York" }, internal);
    const claims: string[] = [];
    // Every hour from before New York's change (March 8) to after Berlin's (March 29).
    for (let t = Date.parse("2026-03-01T00:00:00Z"); t < Date.parse("2026-04-01T00:00:00Z"); t += 60 * 60_000) {
      const before = (await postsOf(world, [berlin, newYork])).length;
      await digest.runDue(new Date(t));
      for (const row of (await postsOf(world, [berlin, newYork])).slice(before)) {
        claims.push(`${row.channelId} ${new Date(t).toISOString()} ${row.dedupeKey.split(":").at(-1)}`);
      }
    }
    expect(claims).toEqual([
      "C_BERLIN 2026-03-02T08:00:00.000Z 2026-03-02",
      "C_NEW_YORK 2026-03-02T14:00:00.000Z 2026-03-02",
      "C_BERLIN 2026-03-09T08:00:00.000Z 2026-03-09",
      "C_NEW_YORK 2026-03-09T13:00:00.000Z 2026-03-09",
      "C_BERLIN 2026-03-16T08:00:00.000Z 2026-03-16",
      "C_NEW_YORK 2026-03-16T13:00:00.000Z 2026-03-16",
      "C_BERLIN 2026-03-23T08:00:00.000Z 2026-03-23",
      "C_NEW_YORK 2026-03-23T13:00:00.000Z 2026-03-23",
      "C_BERLIN 2026-03-30T07:00:00.000Z 2026-03-30",
      "C_NEW_YORK 2026-03-30T13:00:00.000Z 2026-03-30",
    ]);
    const rows = await postsOf(world, [berlin]);
    // The week reported is the 7 local days before: an hour short across Berlin's change.
    expect(JSON.parse(rows.at(-1)?.subject ?? "{}")).toEqual({
      subscriptionId: berlin.id,
      periodKey: "2026-03-30",
      start: "2026-03-22T23:00:00.000Z",
      end: "2026-03-29T22:00:00.000Z",
    });
    expect(rows.at(-1)).toMatchObject({
      kind: "digest.post",
      action: "post",
      dedupeKey: `digest:${berlin.id}:2026-03-30`,
      channelId: "C_BERLIN",
      fallbackChannelId: "U_MANAGER",
      status: "pending",
    });
  });

  it("two schedulers ticking together against one database claim each run once", async () => {
    const p = await world.program();
    const subscriptions: DigestSubscriptionRecord[] = [];
    for (let i = 0; i < 30; i++) {
      subscriptions.push(await world.services.digest.subscribe(p.manager, `C_RACE_${i}`, { weekday: 2 }, internal));
    }
    const other = secondInstance(world);
    const now = new Date("2026-12-01T09:00:00Z");
    const results = await Promise.all([
      world.services.digest.runDue(now),
      other.digest.runDue(now),
      world.services.digest.runDue(now),
      other.digest.runDue(now),
    ]);
    const mine = (await postsOf(world, subscriptions)).length;
    expect(mine).toBe(30);
    expect(results.reduce((sum, result) => sum + result.claimed, 0)).toBeGreaterThanOrEqual(30);
    const runs = await world.opened.db.digestRun.count({
      where: { subscriptionId: { in: subscriptions.map((subscription) => subscription.id) } },
    });
    expect(runs).toBe(30);
    // A later tick the same day finds them claimed.
    await other.digest.runDue(new Date("2026-12-01T15:00:00Z"));
    expect((await postsOf(world, subscriptions)).length).toBe(30);
  });

  it("catches up a missed run later the same local day, once, and never the next day", async () => {
    const p = await world.program();
    const { digest } = world.services;
    const missed = await digest.subscribe(p.manager, "C_MISSED", { weekday: 1, timezone: "Asia/Tokyo" }, internal);
    const skipped = await digest.subscribe(
      p.manager,
      "C_SKIPPED",
      { weekday: 1, timezone: "America/Los_Angeles" },
      internal,
    );
    // Monday 09:00 Tokyo was 00:00 UTC; at 14:30 UTC it is 23:30 in Tokyo: still Monday there.
    await digest.runDue(new Date("2026-11-30T14:30:00Z"));
    await digest.runDue(new Date("2026-11-30T14:31:00Z"));
    expect((await postsOf(world, [missed])).map((row) => row.dedupeKey)).toEqual([`digest:${missed.id}:2026-11-30`]);
    // Monday 09:00 in Los Angeles passed while no instance ran; it is Tuesday there now: skipped.
    await digest.runDue(new Date("2026-12-01T08:30:00Z"));
    expect(await postsOf(world, [skipped])).toEqual([]);
  });

  it("runs a channel's digest by hand once per local day, for the last 7 days", async () => {
    const p = await world.program();
    const { digest } = world.services;
    world.clock.now = new Date("2026-11-30T10:00:00Z");
    const sub = await digest.subscribe(p.manager, "C_NOW", { timezone: "Europe/Berlin" }, internal);
    expect(await digest.runNow(p.admin.workspace.id, "C_NOW")).toEqual({ claimed: true });
    expect(await digest.runNow(p.admin.workspace.id, "C_NOW")).toEqual({ claimed: false });
    const [row] = await postsOf(world, [sub]);
    expect(row?.dedupeKey).toBe(`digest:${sub.id}:manual:2026-11-30`);
    expect(JSON.parse(row?.subject ?? "{}")).toMatchObject({
      start: "2026-11-23T23:00:00.000Z",
      end: "2026-11-30T10:00:00.000Z",
    });
    expect((await refusal(() => digest.runNow(p.admin.workspace.id, "C_NOT_SUBSCRIBED"))).code).toBe(
      "digest_not_subscribed",
    );
    // The scheduled run of the same day is another period.
    await digest.runDue(new Date("2026-11-30T10:00:00Z"));
    expect((await postsOf(world, [sub])).length).toBe(2);
  });

  it("draws the content for the channel's audience at delivery; nothing once the subscription is off", async () => {
    const p = await world.program();
    const { digest, partners } = world.services;
    world.clock.now = new Date("2026-11-30T10:00:00Z");
    const program = await digest.subscribe(p.manager, "C_PROGRAM", {}, internal);
    const acme = await digest.subscribe(p.manager, "C_ACME_HOME", {}, internal);
    await partners.tieChannel(p.manager, "C_ACME_HOME", "Acme Solutions", internal);
    await digest.runDue(world.clock.now);
    const [programRow] = await postsOf(world, [program]);
    const [acmeRow] = await postsOf(world, [acme]);
    const workspaceId = p.admin.workspace.id;
    const subjectOf = (row: typeof programRow) => JSON.parse(row?.subject ?? "{}") as Record<string, unknown>;
    const programContent = await digest.contentFor(workspaceId, subjectOf(programRow));
    expect(programContent).toMatchObject({
      audience: { kind: "program" },
      start: new Date("2026-11-23T00:00:00Z"),
      end: new Date("2026-11-30T00:00:00Z"),
      timeZone: "UTC",
    });
    expect((await digest.contentFor(workspaceId, subjectOf(acmeRow)))?.audience).toEqual({
      kind: "partner",
      partnerId: p.acme.id,
      partnerName: "Acme Solutions",
    });
    expect(await digest.contentFor(workspaceId + 1_000, subjectOf(programRow))).toBeNull();
    expect(await digest.contentFor(workspaceId, { subscriptionId: "x" })).toBeNull();
    await digest.unsubscribe(p.manager, "C_PROGRAM");
    expect(await digest.contentFor(workspaceId, subjectOf(programRow))).toBeNull();
    expect((await outboxOf(world, workspaceId)).length).toBeGreaterThanOrEqual(2);
  });
});
