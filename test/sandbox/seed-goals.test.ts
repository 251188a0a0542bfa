import { afterEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { demoGoalPeriod } from "../../prisma/seed/goals";
import { createDb, type Db } from "../../src/data/database";
import { migrate } from "../../src/data/migrator";
import { createStore } from "../../src/data/prisma-store";
import { createServices } from "../../src/services";
import type { WorkspaceRecord } from "../../src/services/records";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The demo's goals, seen through the app's own goal service: whatever day the sandbox starts on,
 * some partners are on pace, some at risk, with a Gold tier goal and a program goal.
 */

let database: TestDatabase | undefined;
let db: Db | undefined;

afterEach(async () => {
  await db?.$disconnect();
  await database?.drop();
  db = undefined;
  database = undefined;
});

async function seededAt(now: Date) {
  database = await createTestDatabase();
  await migrate(database.url);
  db = createDb(database.url);
  const store = createStore(db);
  const summary = await seedDemo(store, { now });
  const services = createServices(store, {
    hubAdmins: ["U0ADMIN"],
    system: { database: "sqlite", node: process.version } as never,
    version: "test",
    clock: () => now,
  });
  const progress = async (userId: string) => {
    const actor = await services.access.identify({ teamId: "T0VENDOR", userId });
    return services.goals.progress(actor);
  };
  return { summary, store, progress };
}

// The day the sandbox is started on moves the goals' period: a quarter well under way, its first
// days (then the month is further along), and the year's last days.
describe.each([
  ["late November", "2026-11-27T09:00:00Z"],
  ["a quarter's third day", "2026-10-03T09:00:00Z"],
  ["New Year's Eve", "2026-12-31T15:00:00Z"],
])("the demo goals on %s", (_label, at) => {
  it("has partners on pace and at risk, a Gold tier goal and a program goal, for a period running now", async () => {
    const now = new Date(at);
    const { summary, progress } = await seededAt(now);
    expect(summary.goalsCreated).toBeGreaterThanOrEqual(5);

    const lines = await progress("U0MANAGER");
    const statuses = new Set(lines.map((line) => line.progress.status));
    expect(statuses).toContain("on_pace");
    expect(statuses).toContain("at_risk");
    expect(lines.some((line) => line.ownerLabel === "Program" && line.goal.metric === "deals")).toBe(true);
    const gold = lines.filter((line) => line.goal.tier === "gold");
    expect(gold.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.progress.daysLeft).toBeGreaterThan(0);

    // Acme's people (the sandbox's partner personas) see their company's goals, on pace.
    const acme = await progress("U0PARTNERA");
    const own = acme.find((line) => line.goal.partnerId !== null);
    expect(own?.partnerName).toBe("Acme Solutions");
    expect(["on_pace", "at_risk"]).toContain(own?.progress.status);
    expect(acme.some((line) => line.goal.tier === "gold")).toBe(true);
    expect(acme.some((line) => line.ownerLabel === "Program")).toBe(true);
  });
});

describe("demoGoalPeriod", () => {
  const workspace = { timezone: "Europe/Berlin", weekStartsOn: 1 } as WorkspaceRecord;
  it("takes the quarter once a quarter of it has passed, else the period further along", () => {
    expect(demoGoalPeriod(new Date("2026-11-27T09:00:00Z"), workspace).key).toBe("quarter:2026-Q4");
    expect(demoGoalPeriod(new Date("2026-10-12T09:00:00Z"), workspace).key).toBe("month:2026-10");
    expect(demoGoalPeriod(new Date("2026-12-31T15:00:00Z"), workspace).key).toBe("quarter:2026-Q4");
  });
});

it("adds no goals to a workspace that has some, and keeps the exchange rates", async () => {
  const now = new Date("2026-11-27T09:00:00Z");
  const { store } = await seededAt(now);
  const again = await seedDemo(store, { now: new Date("2027-02-10T09:00:00Z") });
  expect(again.goalsCreated).toBe(0);
  const workspace = await store.workspaces.find("T0VENDOR");
  expect((await store.exchangeRates.list(workspace?.id ?? 0)).map((rate) => rate.currency).sort()).toEqual([
    "EUR",
    "GBP",
  ]);
});
