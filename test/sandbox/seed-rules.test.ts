import { afterEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { DEMO_PROGRAM_RULES } from "../../prisma/seed/program-rules";
import { createDb, type Db } from "../../src/data/database";
import { migrate } from "../../src/data/migrator";
import { createStore } from "../../src/data/prisma-store";
import { createServices } from "../../src/services";
import { rulesMessage } from "../../src/slack/views/rules-view";
import { visibleText } from "../support/harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** The demo's rules of engagement: `/hub rules` in the sandbox shows a real program's own text. */

let database: TestDatabase | undefined;
let db: Db | undefined;

afterEach(async () => {
  await db?.$disconnect();
  await database?.drop();
  db = undefined;
  database = undefined;
});

describe("the demo rules", () => {
  it("shows the demo text under the rules from the settings, and keeps what an admin changed", async () => {
    database = await createTestDatabase();
    await migrate(database.url);
    db = createDb(database.url);
    const store = createStore(db);
    const now = new Date("2026-11-25T10:00:00Z");
    await seedDemo(store, { now });
    const services = createServices(store, {
      hubAdmins: ["U0ADMIN"],
      // Rules never read the system facts (/hub status does).
      system: { dialect: "sqlite" } as never,
      version: "test",
      clock: () => now,
    });
    const member = await services.access.identify({ teamId: "T0VENDOR", userId: "U0EXTERNAL" });
    const shown = visibleText(rulesMessage(services.rules.show(member)).blocks);
    expect(shown).toContain("protects its customer for *90 days*");
    expect(shown).toContain("Register within 5 working days of the first customer meeting");
    expect(shown).toContain("#partner-program");

    const admin = await services.access.identify({ teamId: "T0VENDOR", userId: "U0ADMIN" });
    await services.rules.save(admin, "Our own rules.");
    await seedDemo(store, { now });
    expect((await store.workspaces.find("T0VENDOR"))?.programRules).toBe("Our own rules.");
    expect(DEMO_PROGRAM_RULES.length).toBeLessThanOrEqual(2_900);
  });
});
