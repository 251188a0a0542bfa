import { afterEach, describe, expect, it } from "vitest";
import { describeSeed, seedDemo } from "../../prisma/seed";
import { createDb, type Db } from "../../src/data/database";
import { migrate } from "../../src/data/migrator";
import { createStore } from "../../src/data/prisma-store";
import { createServices } from "../../src/services";
import type { Store } from "../../src/services/store";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The demo's weekly digest: #sales subscribed by Max, Monday 09:00 in the program's time zone, as
 * the app's own digest service sees it; added once, and left off when a person turned it off.
 */

let database: TestDatabase | undefined;
let db: Db | undefined;

afterEach(async () => {
  await db?.$disconnect();
  await database?.drop();
  db = undefined;
  database = undefined;
});

async function seeded(now: Date): Promise<{ store: Store; digestsCreated: number; workspaceId: number }> {
  database = await createTestDatabase();
  await migrate(database.url);
  db = createDb(database.url);
  const store = createStore(db);
  const { digestsCreated } = await seedDemo(store, { now });
  const workspace = await store.workspaces.find("T0VENDOR");
  if (!workspace) throw new Error("the demo workspace is missing");
  return { store, digestsCreated, workspaceId: workspace.id };
}

describe("the demo digest", () => {
  // A Wednesday: the next digest is the coming Monday at 09:00 in Berlin (08:00 UTC in winter).
  const now = new Date("2026-11-25T10:00:00Z");

  it("subscribes #sales on Mondays at 09:00 in the program's time zone, set up by Max", async () => {
    const { store, digestsCreated, workspaceId } = await seeded(now);
    expect(digestsCreated).toBe(1);
    expect(await store.digests.find(workspaceId, "C0SALES")).toMatchObject({
      channelId: "C0SALES",
      kind: "channel",
      timezone: "Europe/Berlin",
      weekday: 1,
      hour: 9,
      minute: 0,
      active: true,
      createdBy: "U0MANAGER",
    });
    expect((await store.digests.listActive()).map((subscription) => subscription.channelId)).toEqual(["C0SALES"]);

    const services = createServices(store, {
      hubAdmins: ["U0ADMIN"],
      system: { database: "sqlite", node: process.version } as never,
      version: "test",
      clock: () => now,
    });
    const max = await services.access.identify({ teamId: "T0VENDOR", userId: "U0MANAGER" });
    const status = await services.digest.status(max, "C0SALES");
    expect(status.here?.channelId).toBe("C0SALES");
    expect(status.next?.toISOString()).toBe("2026-11-30T08:00:00.000Z");
  });

  it("is added once, and stays off once a person turned it off", async () => {
    const { store, workspaceId } = await seeded(now);
    const again = await seedDemo(store, { now });
    expect(again.digestsCreated).toBe(0);
    expect(describeSeed(again)).toBe("Demo data already present in T0VENDOR: nothing to add.");

    expect(await store.digests.deactivate(workspaceId, "C0SALES")).toBe(true);
    expect((await seedDemo(store, { now })).digestsCreated).toBe(0);
    expect((await store.digests.find(workspaceId, "C0SALES"))?.active).toBe(false);
    expect(await store.digests.listActive()).toEqual([]);
  });

  it("says so when it is added", () => {
    const summary = {
      teamId: "T0VENDOR",
      partnersCreated: 0,
      membersCreated: 0,
      membersUpdated: 0,
      dealsCreated: 0,
      ratesCreated: 0,
      practicesCreated: 0,
      shoutoutsCreated: 0,
      goalsCreated: 0,
      digestsCreated: 1,
      applicationsCreated: 0,
      resourcesCreated: 0,
    };
    expect(describeSeed(summary)).toMatch(/, and #sales subscribed to the weekly digest\.$/);
  });
});
