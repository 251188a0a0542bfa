import { pathToFileURL } from "node:url";
import { ZEnv } from "../src/config";
import { createDb, type Db } from "../src/data/database";
import type { DbClient } from "../src/data/db-client";
import { migrate } from "../src/data/migrator";
import { validateNewPartner } from "../src/domain/partners/partner-rules";
import { defaultDirectory } from "../src/sandbox/fake-slack-directory";

/**
 * Demo data for the sandbox (`npm run seed:demo`, and the sandbox's first start): a believable
 * partner network of the vendor in the sandbox's Slack team. It only creates what is missing and
 * fills blanks (a person without a partner or role), so running it again changes nothing.
 * Each feature adds its own step to seedDemo (deals come next).
 */

const directory = defaultDirectory();
const VENDOR_TEAM = directory.team;
const ACME_TEAM_ID = "T0ACMEPART";

export interface DemoPerson {
  id: string;
  name: string;
  realName: string;
  /** Their own Slack team: the vendor's, or Acme's for Slack Connect people. */
  teamId: string;
  tz: string;
}

interface DemoMember extends DemoPerson {
  role: "admin" | "manager" | "member";
}

interface DemoPartner {
  name: string;
  region: "EMEA" | "North America" | "LATAM" | "APAC";
  tier: "registered" | "silver" | "gold" | "platinum";
  status: "onboarding" | "active" | "inactive";
  /** Days before `now` the partner finished onboarding (null while onboarding). */
  onboardedDaysAgo: number | null;
  connectTeamId?: string;
  homeChannel?: string;
  members: DemoMember[];
}

function person(id: string, name: string, realName: string, tz: string, teamId = VENDOR_TEAM.id): DemoMember {
  return { id, name, realName, tz, teamId, role: "member" };
}

/** The sandbox's personas, as the directory knows them. */
function persona(id: string, role: DemoMember["role"] = "member"): DemoMember {
  const user = directory.users.find((entry) => entry.id === id);
  if (!user) throw new Error(`the sandbox directory has no ${id}`);
  return { id, name: user.name, realName: user.realName, tz: user.tz, teamId: user.teamId, role };
}

/** People of the vendor who run the program. */
export const DEMO_STAFF: DemoMember[] = [
  persona("U0ADMIN", "admin"),
  persona("U0MANAGER", "manager"),
  { ...person("U0MGRLATAM", "lucia", "Lucía Romero", "America/Sao_Paulo"), role: "manager" },
  { ...person("U0MGRAPAC", "kenji", "Kenji Watanabe", "Asia/Tokyo"), role: "manager" },
];

export const DEMO_PARTNERS: DemoPartner[] = [
  {
    name: "Acme Solutions",
    region: "EMEA",
    tier: "gold",
    status: "active",
    onboardedDaysAgo: 540,
    connectTeamId: ACME_TEAM_ID,
    homeChannel: "C0PARTNERA",
    members: [
      persona("U0PARTNERA"),
      persona("U0EXTERNAL"),
      person("U0ACMEJO", "joanna", "Joanna Pike (Acme)", "Europe/London", ACME_TEAM_ID),
    ],
  },
  {
    name: "Nordwind Systems",
    region: "EMEA",
    tier: "silver",
    status: "active",
    onboardedDaysAgo: 300,
    members: [
      person("U0NORD01", "lars", "Lars Eriksen", "Europe/Oslo"),
      person("U0NORD02", "mette", "Mette Lund", "Europe/Copenhagen"),
    ],
  },
  {
    name: "Baltic Data Partners",
    region: "EMEA",
    tier: "registered",
    status: "onboarding",
    onboardedDaysAgo: null,
    members: [person("U0BALT01", "ieva", "Ieva Kalniņa", "Europe/Riga")],
  },
  {
    name: "Summit Cloud Partners",
    region: "North America",
    tier: "platinum",
    status: "active",
    onboardedDaysAgo: 820,
    members: [
      person("U0SUMM01", "derek", "Derek Olsen", "America/Denver"),
      person("U0SUMM02", "priya", "Priya Raman", "America/Los_Angeles"),
      person("U0SUMM03", "tom", "Tom Becker", "America/Chicago"),
    ],
  },
  {
    name: "Maple Leaf IT",
    region: "North America",
    tier: "gold",
    status: "active",
    onboardedDaysAgo: 410,
    members: [
      person("U0MAPL01", "chloe", "Chloé Tremblay", "America/Toronto"),
      person("U0MAPL02", "sam", "Sam Patel", "America/Toronto"),
    ],
  },
  {
    name: "Lakeside Integrators",
    region: "North America",
    tier: "silver",
    status: "inactive",
    onboardedDaysAgo: 700,
    members: [person("U0LAKE01", "greg", "Greg Hollis", "America/Chicago")],
  },
  {
    name: "Andes Tecnología",
    region: "LATAM",
    tier: "gold",
    status: "active",
    onboardedDaysAgo: 380,
    members: [
      person("U0ANDE01", "camila", "Camila Rojas", "America/Santiago"),
      person("U0ANDE02", "mateo", "Mateo Vargas", "America/Lima"),
    ],
  },
  {
    name: "Pampa Digital",
    region: "LATAM",
    tier: "registered",
    status: "onboarding",
    onboardedDaysAgo: null,
    members: [person("U0PAMP01", "sofia", "Sofía Benítez", "America/Argentina/Buenos_Aires")],
  },
  {
    name: "Rio Verde Sistemas",
    region: "LATAM",
    tier: "silver",
    status: "active",
    onboardedDaysAgo: 220,
    members: [
      person("U0RIOV01", "joao", "João Almeida", "America/Sao_Paulo"),
      person("U0RIOV02", "beatriz", "Beatriz Costa", "America/Sao_Paulo"),
    ],
  },
  {
    name: "Globex Distribution",
    region: "APAC",
    tier: "platinum",
    status: "active",
    onboardedDaysAgo: 610,
    homeChannel: "C0PARTNERB",
    members: [persona("U0PARTNERB"), person("U0GLOB02", "wei", "Wei Lin", "Asia/Singapore")],
  },
  {
    name: "Sakura Networks",
    region: "APAC",
    tier: "gold",
    status: "active",
    onboardedDaysAgo: 260,
    members: [
      person("U0SAKU01", "haruto", "Haruto Sato", "Asia/Tokyo"),
      person("U0SAKU02", "yui", "Yui Nakamura", "Asia/Tokyo"),
    ],
  },
  {
    name: "Kiwi Cloud Co",
    region: "APAC",
    tier: "silver",
    status: "onboarding",
    onboardedDaysAgo: null,
    members: [person("U0KIWI01", "aroha", "Aroha Ngata", "Pacific/Auckland")],
  },
];

/** Everyone the demo data mentions, for the sandbox's fake Slack directory. */
export const DEMO_PEOPLE: DemoPerson[] = [...DEMO_STAFF, ...DEMO_PARTNERS.flatMap((partner) => partner.members)].map(
  ({ id, name, realName, teamId, tz }) => ({ id, name, realName, teamId, tz }),
);

export interface SeedSummary {
  teamId: string;
  partnersCreated: number;
  membersCreated: number;
  membersUpdated: number;
}

const DAY_MS = 86_400_000;

async function seedWorkspace(db: DbClient): Promise<{ id: number }> {
  const existing = await db.workspace.findUnique({ where: { teamId: VENDOR_TEAM.id } });
  if (!existing) {
    return db.workspace.create({
      data: {
        teamId: VENDOR_TEAM.id,
        name: VENDOR_TEAM.name,
        timezone: "Europe/Berlin",
        reportingCurrency: "USD",
        approvalsChannel: "C0APPROVALS",
        firstAdminUserId: "U0ADMIN",
      },
      select: { id: true },
    });
  }
  const blanks = {
    ...(existing.name === null && { name: VENDOR_TEAM.name }),
    ...(existing.approvalsChannel === null && { approvalsChannel: "C0APPROVALS" }),
  };
  if (Object.keys(blanks).length > 0) await db.workspace.update({ where: { id: existing.id }, data: blanks });
  return existing;
}

async function seedMember(
  db: DbClient,
  workspaceId: number,
  member: DemoMember,
  partnerId: number | null,
): Promise<"created" | "updated" | "unchanged"> {
  const where = { workspaceId_slackUserId: { workspaceId, slackUserId: member.id } };
  const existing = await db.member.findUnique({ where });
  if (!existing) {
    await db.member.create({
      data: {
        workspaceId,
        slackUserId: member.id,
        slackTeamId: member.teamId,
        displayName: member.realName,
        role: member.role,
        partnerId,
      },
    });
    return "created";
  }
  const blanks = {
    ...(existing.partnerId === null && partnerId !== null && { partnerId }),
    ...(existing.role === "member" && member.role !== "member" && { role: member.role }),
    ...(existing.displayName === null && { displayName: member.realName }),
    ...(existing.slackTeamId === null && { slackTeamId: member.teamId }),
  };
  if (Object.keys(blanks).length === 0) return "unchanged";
  await db.member.update({ where, data: blanks });
  return "updated";
}

/** The partner companies and their people. */
async function seedPartnerNetwork(db: DbClient, workspaceId: number, now: Date): Promise<Omit<SeedSummary, "teamId">> {
  const summary = { partnersCreated: 0, membersCreated: 0, membersUpdated: 0 };
  const count = (result: "created" | "updated" | "unchanged") => {
    if (result === "created") summary.membersCreated++;
    if (result === "updated") summary.membersUpdated++;
  };
  for (const staff of DEMO_STAFF) count(await seedMember(db, workspaceId, staff, null));
  for (const demo of DEMO_PARTNERS) {
    const partner = validateNewPartner(demo);
    let row = await db.partner.findUnique({
      where: { workspaceId_nameKey: { workspaceId, nameKey: partner.nameKey } },
      select: { id: true },
    });
    if (!row) {
      row = await db.partner.create({
        data: {
          workspaceId,
          ...partner,
          status: demo.status,
          connectTeamId: demo.connectTeamId ?? null,
          homeChannel: demo.homeChannel ?? null,
          onboardedAt: demo.onboardedDaysAgo === null ? null : new Date(now.getTime() - demo.onboardedDaysAgo * DAY_MS),
        },
        select: { id: true },
      });
      summary.partnersCreated++;
    }
    for (const member of demo.members) count(await seedMember(db, workspaceId, member, row.id));
  }
  return summary;
}

/** Fills the database with the demo network; safe to run again. `now` anchors every relative date. */
export async function seedDemo(db: Db, options: { now: Date }): Promise<SeedSummary> {
  return db.$transaction(async (tx) => {
    const workspace = await seedWorkspace(tx);
    const network = await seedPartnerNetwork(tx, workspace.id, options.now);
    return { teamId: VENDOR_TEAM.id, ...network };
  });
}

/** True when nothing has been stored yet: the sandbox then seeds on its first start. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  return (await db.workspace.count()) === 0;
}

export function describeSeed(summary: SeedSummary): string {
  const { partnersCreated, membersCreated, membersUpdated } = summary;
  if (partnersCreated + membersCreated + membersUpdated === 0) {
    return `Demo data already present in ${summary.teamId}: nothing to add.`;
  }
  return `Demo data for ${summary.teamId}: ${partnersCreated} partners and ${membersCreated} people added, ${membersUpdated} people completed.`;
}

async function main(): Promise<void> {
  const env = ZEnv.pick({ DATABASE_URL: true }).safeParse(process.env);
  if (!env.success) {
    console.error(`Configuration error: DATABASE_URL ${env.error.issues[0]?.message ?? "is invalid"}`);
    process.exit(1);
  }
  const url = env.data.DATABASE_URL;
  await migrate(url);
  const db = createDb(url);
  try {
    console.log(describeSeed(await seedDemo(db, { now: new Date() })));
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`Demo seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
