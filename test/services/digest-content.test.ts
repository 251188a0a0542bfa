import { beforeAll, describe, expect, it } from "vitest";
import { startOfDay } from "../../src/domain/shared/zoned-time";
import { buildDigest } from "../../src/services/digest/build-digest";
import type { DigestAudience, DigestContent } from "../../src/services/digest/digest-content";
import type { NewGoal } from "../../src/services/leaderboard/leaderboard-store";
import type { Program } from "./deal-fixtures";
import { useDealWorld } from "./deal-fixtures";
import { closedDeal } from "./leaderboard-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";

// The week reported on: Monday 2026-03-02 to Sunday 2026-03-08 (UTC, the workspace's zone), posted Monday 09:00.
const START = new Date("2026-03-02T00:00:00Z");
const END = new Date("2026-03-09T00:00:00Z");
const NOW = new Date("2026-03-09T09:00:00Z");
const at = (text: string) => new Date(text);

let program: Program;
let keys = 0;

function digest(
  audience: DigestAudience,
  week: { start?: Date; end?: Date; now?: Date; timeZone?: string; of?: Program } = {},
): Promise<DigestContent> {
  return buildDigest(
    { store: world.opened.store, clock: () => NOW },
    {
      workspaceId: (week.of ?? program).admin.workspace.id,
      audience,
      start: week.start ?? START,
      end: week.end ?? END,
      timeZone: week.timeZone ?? "UTC",
      now: week.now ?? NOW,
    },
  );
}

const customers = (list: { items: { customerName: string }[] }) => list.items.map((deal) => deal.customerName);

async function goal(fields: Partial<NewGoal> & Pick<NewGoal, "metric" | "target">): Promise<void> {
  await world.opened.store.goals.save({
    workspaceId: program.admin.workspace.id,
    partnerId: null,
    tier: null,
    period: "month",
    periodStart: "2026-03-01",
    currency: null,
    createdBy: "U_MANAGER",
    ...fields,
  });
}

async function practice(title: string, authorId: string, createdAt: Date): Promise<number> {
  keys += 1;
  const created = await world.opened.store.practices.create({
    workspaceId: program.admin.workspace.id,
    authorId,
    creditedUserId: null,
    title,
    body: `${title}: how we do it`,
    tags: ["sales"],
    region: null,
    link: null,
    sourcePermalink: null,
    channelId: "C_SALES",
    idempotencyKey: `digest-practice-${keys}`,
    createdAt,
  });
  if (!created) throw new Error("practice exists");
  return created.id;
}

async function shoutout(
  message: string,
  recipient: { userId: string | null; partnerId: number | null },
  createdAt: Date,
  announce = true,
): Promise<void> {
  keys += 1;
  await world.opened.store.shoutouts.create({
    workspaceId: program.admin.workspace.id,
    fromUserId: "U_MANAGER",
    message,
    value: null,
    award: null,
    announce,
    channelId: "C_SALES",
    recipients: [recipient],
    idempotencyKey: `digest-shoutout-${keys}`,
    createdAt,
  });
}

beforeAll(async () => {
  program = await world.program();
  const { store } = world.opened;
  const { acme, globex } = program;
  const workspaceId = program.admin.workspace.id;

  // Registrations: two of this week (one flagged as conflicting), one of last week, one long ago.
  const tanabe = await program.deal(acme, { customerName: "Tanabe Robotics", createdAt: at("2026-03-03T10:00:00Z") });
  await program.deal(globex, {
    customerName: "Initech",
    domain: "initech.example",
    status: "conflict",
    conflictDealId: tanabe.id,
    createdAt: at("2026-03-04T10:00:00Z"),
  });
  await program.deal(acme, {
    customerName: "Old Registration",
    domain: "old.example",
    status: "info_requested",
    createdAt: at("2026-02-25T10:00:00Z"),
  });
  const extension = await program.deal(acme, {
    customerName: "Extension Corp",
    domain: "extension.example",
    status: "approved",
    createdAt: at("2026-02-10T10:00:00Z"),
  });
  await store.deals.update(extension.id, {}, { extensionRequestedAt: at("2026-03-05T10:00:00Z") });
  // Sunday 23:00 in New York (already Monday in UTC): in New York's week only.
  await program.deal(globex, {
    customerName: "Late Night Co",
    domain: "late.example",
    status: "approved",
    createdAt: at("2026-03-09T03:00:00Z"),
  });

  // Won this week: USD 5,000, EUR 3,000 (= USD 3,600) and GBP 100,000 without a rate; won last week: USD 9,000.
  await store.exchangeRates.set({
    workspaceId,
    currency: "EUR",
    rate: "1.2",
    validFrom: "2026-01-01",
    updatedBy: "U_ADMIN",
  });
  const registeredLongAgo = at("2026-01-15T10:00:00Z");
  await closedDeal(world, program, acme, {
    customerName: "Acme Big Win",
    amountMinor: 5_000_00,
    closedAt: at("2026-03-05T12:00:00Z"),
    createdAt: registeredLongAgo,
  });
  await closedDeal(world, program, globex, {
    customerName: "Globex Euro Win",
    amountMinor: 3_000_00,
    currency: "EUR",
    closedAt: at("2026-03-06T12:00:00Z"),
    createdAt: registeredLongAgo,
  });
  await closedDeal(world, program, acme, {
    customerName: "Acme Pound Win",
    amountMinor: 100_000_00,
    currency: "GBP",
    closedAt: at("2026-03-07T12:00:00Z"),
    createdAt: registeredLongAgo,
  });
  await closedDeal(world, program, globex, {
    customerName: "Globex Last Week",
    amountMinor: 9_000_00,
    closedAt: at("2026-02-26T12:00:00Z"),
    createdAt: registeredLongAgo,
  });

  // March goals, 27 % of the month gone by: Acme ahead, Globex far behind, the program's deal count on pace.
  await goal({ partnerId: acme.id, metric: "revenue", target: 10_000_00, currency: "USD" });
  await goal({ partnerId: globex.id, metric: "revenue", target: 100_000_00, currency: "USD" });
  await goal({ metric: "deals", target: 10 });
  await goal({ metric: "revenue", target: 1_000_000_00, currency: "USD", periodStart: "2026-04-01" });

  await practice("Objection handling", "U_ANA", at("2026-03-03T09:00:00Z"));
  const demos = await practice("Joint demos", "U_BOB", at("2026-03-04T09:00:00Z"));
  await store.practices.toggleVote(demos, "U_ANA");
  await store.practices.toggleVote(demos, "U_MANAGER");
  await practice("Old practice", "U_ANA", at("2026-02-20T09:00:00Z"));

  await shoutout("Great demo", { userId: "U_ANA", partnerId: null }, at("2026-03-05T09:00:00Z"));
  await shoutout("Globex crushed it", { userId: null, partnerId: globex.id }, at("2026-03-06T09:00:00Z"));
  await shoutout("Private thanks", { userId: "U_BOB", partnerId: null }, at("2026-03-06T10:00:00Z"), false);
  await shoutout("Last week's thanks", { userId: "U_ANA", partnerId: null }, at("2026-02-27T09:00:00Z"));
});

describe(`digest content (${DB})`, () => {
  it("gives the program the whole week: every partner's deals, the leaderboard with movement, goals, practices, shout-outs", async () => {
    const content = await digest({ kind: "program" });
    expect(content).toMatchObject({
      workspaceId: program.admin.workspace.id,
      audience: { kind: "program" },
      start: START,
      end: END,
      periodLabel: "Mar 2 – Mar 8, 2026",
      timeZone: "UTC",
      reportingCurrency: "USD",
      quiet: false,
      queue: null,
    });
    expect(customers(content.registrations)).toEqual(["Initech", "Tanabe Robotics"]);
    expect(content.registrations.more).toBe(0);
    expect(customers(content.conflicts)).toEqual(["Initech"]);
    // Largest first in USD; the GBP deal has no rate, so it comes last whatever its size.
    expect(customers(content.won)).toEqual(["Acme Big Win", "Globex Euro Win", "Acme Pound Win"]);

    const board = content.leaderboard;
    expect(board?.metric).toBe("revenue");
    expect(board?.period.key).toBe("range:2026-03-02..2026-03-08");
    expect(
      board?.top.map((line) => ({
        name: line.name,
        value: line.value,
        show: line.showAmount,
        movement: line.movement,
      })),
    ).toEqual([
      { name: "Acme Solutions", value: 5_000_00, show: true, movement: { kind: "new" } },
      { name: "Globex", value: 3_600_00, show: true, movement: { kind: "down", by: 1 } },
    ]);
    expect(board?.hiddenAmounts).toBe(false);
    expect(board?.total).toBe(8_600_00);

    expect(content.goals.items.map((line) => [line.ownerLabel, line.goal.metric, line.progress.status])).toEqual([
      ["Program", "deals", "on_pace"],
      ["Acme Solutions", "revenue", "on_pace"],
      ["Globex", "revenue", "at_risk"],
    ]);
    expect(content.atRisk.items.map((line) => line.partnerName)).toEqual(["Globex"]);
    expect(content.practices.items.map((item) => [item.title, item.helpfulCount])).toEqual([
      ["Joint demos", 2],
      ["Objection handling", 0],
    ]);
    expect(content.shoutouts.items.map((item) => item.message)).toEqual(["Globex crushed it", "Great demo"]);
  });

  it("gives a partner's channel only that partner's deals and goals, and other partners' ranks without amounts", async () => {
    const { acme } = program;
    const content = await digest({ kind: "partner", partnerId: acme.id, partnerName: acme.name });
    expect(content.quiet).toBe(false);
    expect(customers(content.registrations)).toEqual(["Tanabe Robotics"]);
    // Globex's registration conflicts with Acme's: its details are Globex's own.
    expect(content.conflicts).toEqual({ items: [], more: 0 });
    expect(customers(content.won)).toEqual(["Acme Big Win", "Acme Pound Win"]);
    expect(content.leaderboard?.top.map((line) => [line.name, line.showAmount, line.mine])).toEqual([
      ["Acme Solutions", true, true],
      ["Globex", false, false],
    ]);
    expect(content.leaderboard?.hiddenAmounts).toBe(true);
    expect(content.leaderboard?.total).toBeNull();
    expect(content.goals.items.map((line) => line.ownerLabel)).toEqual(["Program", "Acme Solutions"]);
    expect(content.goals.items.every((line) => line.partnerName !== "Globex")).toBe(true);
    expect(content.atRisk).toEqual({ items: [], more: 0 });
    expect(content.practices.items.map((item) => item.title)).toEqual(["Joint demos", "Objection handling"]);
    expect(content.shoutouts.items.map((item) => item.message)).toEqual(["Great demo"]);
    expect(content.queue).toBeNull();
    const written = JSON.stringify(content);
    for (const secret of ["Initech", "Globex Euro Win", "Globex Last Week", "Globex crushed it", "Private thanks"]) {
      expect(written).not.toContain(secret);
    }
  });

  it("names a partner at risk only in its own digest", async () => {
    const { globex } = program;
    const content = await digest({ kind: "partner", partnerId: globex.id, partnerName: globex.name });
    expect(customers(content.registrations)).toEqual(["Initech"]);
    expect(customers(content.conflicts)).toEqual(["Initech"]);
    expect(customers(content.won)).toEqual(["Globex Euro Win"]);
    expect(content.atRisk.items.map((line) => line.partnerName)).toEqual(["Globex"]);
    expect(content.shoutouts.items.map((item) => item.message)).toEqual(["Globex crushed it"]);
    expect(JSON.stringify(content)).not.toContain("Tanabe");
  });

  it("adds what waits for a manager: registrations to decide, conflicts, extension requests, goals at risk", async () => {
    const content = await digest({ kind: "manager", userId: "U_MANAGER" });
    expect(customers(content.registrations)).toEqual(["Initech", "Tanabe Robotics"]);
    expect(content.leaderboard?.hiddenAmounts).toBe(false);
    const queue = content.queue;
    // Old Registration waits on Acme's answer to a question, not on a manager.
    expect(queue && customers(queue.waiting)).toEqual(["Tanabe Robotics"]);
    expect(queue && customers(queue.conflicts)).toEqual(["Initech"]);
    expect(queue && customers(queue.extensionRequests)).toEqual(["Extension Corp"]);
    expect(queue?.goalsAtRisk.items.map((line) => line.ownerLabel)).toEqual(["Globex"]);
  });

  it("covers the local days of the digest's own zone, across the DST change", async () => {
    const zone = "America/New_York";
    const content = await digest(
      { kind: "program" },
      { start: startOfDay("2026-03-02", zone), end: startOfDay("2026-03-09", zone), timeZone: zone },
    );
    expect(content.periodLabel).toBe("Mar 2 – Mar 8, 2026");
    expect(customers(content.registrations)).toEqual(["Late Night Co", "Initech", "Tanabe Robotics"]);
    expect(content.leaderboard?.period.start).toEqual(at("2026-03-02T05:00:00Z"));
    expect(content.leaderboard?.period.end).toEqual(at("2026-03-09T04:00:00Z"));
  });

  it("says a week was quiet when nothing happened in it; a manager's queue still counts", async () => {
    const quietWeek = {
      start: at("2026-01-05T00:00:00Z"),
      end: at("2026-01-12T00:00:00Z"),
      now: at("2026-01-12T09:00:00Z"),
    };
    const content = await digest({ kind: "program" }, quietWeek);
    expect(content).toMatchObject({
      quiet: true,
      periodLabel: "Jan 5 – Jan 11, 2026",
      registrations: { items: [], more: 0 },
      conflicts: { items: [], more: 0 },
      won: { items: [], more: 0 },
      leaderboard: null,
      goals: { items: [], more: 0 },
      atRisk: { items: [], more: 0 },
      practices: { items: [], more: 0 },
      shoutouts: { items: [], more: 0 },
    });
    const { acme } = program;
    expect((await digest({ kind: "partner", partnerId: acme.id, partnerName: acme.name }, quietWeek)).quiet).toBe(true);
    const manager = await digest({ kind: "manager", userId: "U_MANAGER" }, quietWeek);
    expect(manager.quiet).toBe(false);
    expect(manager.queue?.waiting.items).toHaveLength(1);
  });

  it("shows five of a long list and counts the rest", async () => {
    const busy = await world.program();
    for (let day = 0; day < 7; day += 1) {
      await busy.deal(busy.acme, {
        customerName: `Busy ${day}`,
        domain: `busy${day}.example`,
        createdAt: new Date(START.getTime() + day * 86_400_000 + 3_600_000),
      });
    }
    const content = await digest({ kind: "manager", userId: "U_MANAGER" }, { of: busy });
    expect(customers(content.registrations)).toEqual(["Busy 6", "Busy 5", "Busy 4", "Busy 3", "Busy 2"]);
    expect(content.registrations.more).toBe(2);
    // The queue reads oldest first: who waited longest.
    expect(content.queue && customers(content.queue.waiting)).toEqual([
      "Busy 0",
      "Busy 1",
      "Busy 2",
      "Busy 3",
      "Busy 4",
    ]);
    expect(content.queue?.waiting.more).toBe(2);
    const empty = await digest({ kind: "program" }, { of: await world.program() });
    expect(empty.quiet).toBe(true);
  });
});
