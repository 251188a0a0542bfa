import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS, seedDemo } from "../../prisma/seed-demo";
import { createDb, type Db } from "../../src/data/database";
import { migrate } from "../../src/data/migrator";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const run = promisify(execFile);

describe("the demo seed", () => {
  let database: TestDatabase;
  let db: Db;
  const now = new Date("2026-11-27T09:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate(database.url);
    db = createDb(database.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  async function snapshot() {
    return {
      workspaces: await db.workspace.findMany({ orderBy: { id: "asc" } }),
      partners: await db.partner.findMany({ orderBy: { id: "asc" } }),
      members: await db.member.findMany({ orderBy: { id: "asc" } }),
    };
  }

  it("builds 12 partners in 4 regions with every tier and status, and places the sandbox's people", async () => {
    const workspace = await db.workspace.create({ data: { teamId: "T0VENDOR" } });
    await db.member.create({ data: { workspaceId: workspace.id, slackUserId: "U0MANAGER", role: "member" } });

    const summary = await seedDemo(db, { now });
    expect(summary).toMatchObject({ teamId: "T0VENDOR", partnersCreated: 12, membersUpdated: 1 });

    const partners = await db.partner.findMany({ include: { members: true } });
    expect(partners).toHaveLength(12);
    const regions = new Map<string, number>();
    for (const partner of partners) regions.set(partner.region ?? "", (regions.get(partner.region ?? "") ?? 0) + 1);
    expect(Object.fromEntries(regions)).toEqual({ EMEA: 3, "North America": 3, LATAM: 3, APAC: 3 });
    expect(new Set(partners.map((partner) => partner.tier))).toEqual(
      new Set(["registered", "silver", "gold", "platinum"]),
    );
    expect(new Set(partners.map((partner) => partner.status))).toEqual(new Set(["onboarding", "active", "inactive"]));
    expect(partners.every((partner) => partner.members.length > 0)).toBe(true);
    expect(
      partners.filter((partner) => partner.status === "onboarding").every((partner) => partner.onboardedAt === null),
    ).toBe(true);

    const acme = partners.find((partner) => partner.name === "Acme Solutions");
    expect(acme).toMatchObject({ connectTeamId: "T0ACMEPART", homeChannel: "C0PARTNERA" });
    expect(acme?.members.map((member) => member.slackUserId).sort()).toEqual(["U0ACMEJO", "U0EXTERNAL", "U0PARTNERA"]);
    expect(acme?.members.find((member) => member.slackUserId === "U0EXTERNAL")?.slackTeamId).toBe("T0ACMEPART");
    const globex = partners.find((partner) => partner.name === "Globex Distribution");
    expect(globex).toMatchObject({ homeChannel: "C0PARTNERB" });
    expect(globex?.members.map((member) => member.slackUserId)).toContain("U0PARTNERB");

    const manager = await db.member.findFirst({ where: { slackUserId: "U0MANAGER" } });
    expect(manager).toMatchObject({ role: "manager", partnerId: null });
    expect(await db.member.findFirst({ where: { slackUserId: "U0ADMIN" } })).toMatchObject({ role: "admin" });
    expect(await db.workspace.findUnique({ where: { teamId: "T0VENDOR" } })).toMatchObject({
      approvalsChannel: "C0APPROVALS",
      name: "Vendor Inc",
    });
    expect(DEMO_PARTNERS).toHaveLength(12);
  });

  it("changes nothing when it runs again, in process or as npm run seed:demo", async () => {
    const before = await snapshot();
    expect(await seedDemo(db, { now: new Date() })).toMatchObject({
      partnersCreated: 0,
      membersCreated: 0,
      membersUpdated: 0,
    });
    const { stdout } = await run(process.execPath, ["--import", "tsx", "prisma/seed-demo.ts"], {
      env: { ...process.env, DATABASE_URL: database.url },
    });
    expect(stdout).toContain("Demo data already present in T0VENDOR: nothing to add.");
    expect(await snapshot()).toEqual(before);
  });
});
