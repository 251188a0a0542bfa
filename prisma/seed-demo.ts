import { pathToFileURL } from "node:url";
import { ZEnv } from "../src/config";
import { createDb, type Db } from "../src/data/database";
import type { DbClient } from "../src/data/db-client";
import { migrate } from "../src/data/migrator";
import { blocksNewRegistrations } from "../src/domain/deals/conflicts";
import { minorUnitsOf } from "../src/domain/deals/currency";
import { customerKeys, sameCustomer } from "../src/domain/deals/customer";
import {
  DEFAULT_PROTECTION_DAYS,
  decide,
  protectionEnd,
  REMINDER_LEAD_DAYS,
  type RegistrationStatus,
} from "../src/domain/deals/registration";
import { checkStageChange, OPEN_STAGES, type OpenStage, type Stage } from "../src/domain/deals/stages";
import { validateNewPartner } from "../src/domain/partners/partner-rules";
import { defaultDirectory } from "../src/sandbox/fake-slack-directory";

/**
 * Demo data for the sandbox (`npm run seed`, `npm run seed:demo`, and the sandbox's first start):
 * a believable partner network of the vendor in the sandbox's Slack team, with a year of deals.
 * It only creates what is missing and fills blanks (a person without a partner or role), so
 * running it again changes nothing. Each feature adds its own step to seedDemo.
 */

const directory = defaultDirectory();
const VENDOR_TEAM = directory.team;
const ACME_TEAM_ID = "T0ACMEPART";
/** Who decides registrations in the demo: the sandbox's manager persona. */
const MANAGER = "U0MANAGER";

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

type Market = keyof typeof MARKETS;

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
  /** Where their customers are, and how many deals of the year the generator adds to the scripted ones. */
  markets: Market[];
  generatedDeals: number;
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
  persona(MANAGER, "manager"),
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
    markets: ["UK", "DE", "NL", "IE"],
    generatedDeals: 6,
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
    markets: ["NO", "DE", "NL"],
    generatedDeals: 7,
  },
  {
    name: "Baltic Data Partners",
    region: "EMEA",
    tier: "registered",
    status: "onboarding",
    onboardedDaysAgo: null,
    members: [person("U0BALT01", "ieva", "Ieva Kalniņa", "Europe/Riga")],
    markets: ["LV"],
    generatedDeals: 0,
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
    markets: ["US"],
    generatedDeals: 12,
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
    markets: ["CA", "US"],
    generatedDeals: 8,
  },
  {
    name: "Lakeside Integrators",
    region: "North America",
    tier: "silver",
    status: "inactive",
    onboardedDaysAgo: 700,
    members: [person("U0LAKE01", "greg", "Greg Hollis", "America/Chicago")],
    markets: ["US"],
    generatedDeals: 4,
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
    markets: ["CL", "PE"],
    generatedDeals: 8,
  },
  {
    name: "Pampa Digital",
    region: "LATAM",
    tier: "registered",
    status: "onboarding",
    onboardedDaysAgo: null,
    members: [person("U0PAMP01", "sofia", "Sofía Benítez", "America/Argentina/Buenos_Aires")],
    markets: ["AR"],
    generatedDeals: 0,
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
    markets: ["BR"],
    generatedDeals: 6,
  },
  {
    name: "Globex Distribution",
    region: "APAC",
    tier: "platinum",
    status: "active",
    onboardedDaysAgo: 610,
    homeChannel: "C0PARTNERB",
    members: [persona("U0PARTNERB"), person("U0GLOB02", "wei", "Wei Lin", "Asia/Singapore")],
    markets: ["SG", "AU", "IN"],
    generatedDeals: 7,
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
    markets: ["JP"],
    generatedDeals: 6,
  },
  {
    name: "Kiwi Cloud Co",
    region: "APAC",
    tier: "silver",
    status: "onboarding",
    onboardedDaysAgo: null,
    members: [person("U0KIWI01", "aroha", "Aroha Ngata", "Pacific/Auckland")],
    markets: ["NZ"],
    generatedDeals: 0,
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
  dealsCreated: number;
  ratesCreated: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

// ---- workspace, partners, people ------------------------------------------------------------------

async function seedWorkspace(db: DbClient): Promise<{ id: number; reportingCurrency: string }> {
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
      select: { id: true, reportingCurrency: true },
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

interface NetworkSummary {
  partnersCreated: number;
  membersCreated: number;
  membersUpdated: number;
  /** Partner id by demo partner name. */
  partnerIds: Map<string, number>;
}

/** The partner companies and their people. */
async function seedPartnerNetwork(db: DbClient, workspaceId: number, now: Date): Promise<NetworkSummary> {
  const summary: NetworkSummary = { partnersCreated: 0, membersCreated: 0, membersUpdated: 0, partnerIds: new Map() };
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
    summary.partnerIds.set(demo.name, row.id);
    for (const member of demo.members) count(await seedMember(db, workspaceId, member, row.id));
  }
  return summary;
}

// ---- exchange rates -----------------------------------------------------------------------------

/** US dollars per unit of each demo currency: the rates the demo's reports convert with. */
const USD_PER_UNIT: Record<DemoCurrency, number> = { USD: 1, EUR: 1.08, GBP: 1.27 };

/** Units of the reporting currency per unit of `currency`, as the decimal string ExchangeRate stores. */
export function demoRate(currency: DemoCurrency, reportingCurrency: string): string | null {
  const reporting = USD_PER_UNIT[reportingCurrency as DemoCurrency];
  if (reporting === undefined || currency === reportingCurrency) return null;
  return String(Number((USD_PER_UNIT[currency] / reporting).toFixed(6)));
}

/** One rate per demo currency other than the reporting one (none when that currency is not USD, EUR or GBP). */
async function seedExchangeRates(db: DbClient, workspace: { id: number; reportingCurrency: string }): Promise<number> {
  let created = 0;
  for (const currency of Object.keys(USD_PER_UNIT) as DemoCurrency[]) {
    const rate = demoRate(currency, workspace.reportingCurrency);
    if (rate === null) continue;
    const where = { workspaceId_currency: { workspaceId: workspace.id, currency } };
    if (await db.exchangeRate.findUnique({ where })) continue;
    await db.exchangeRate.create({ data: { workspaceId: workspace.id, currency, rate, updatedBy: "U0ADMIN" } });
    created++;
  }
  return created;
}

// ---- deals: customers, products, words ----------------------------------------------------------

type DemoCurrency = "USD" | "EUR" | "GBP";

interface MarketInfo {
  tld: string;
  currency: DemoCurrency;
  legalForms: string[];
  stems: string[];
  sectors: string[];
}

/** Where the partners' customers are: invented companies, named as they would be there. */
const MARKETS = {
  UK: {
    tld: "co.uk",
    currency: "GBP",
    legalForms: ["Ltd", "plc"],
    stems: ["Kestrel", "Harbourside", "Pennine", "Thames Valley", "Caledonia", "Wrekin", "Saltmarsh"],
    sectors: ["Foods", "Utilities", "Insurance", "Retail Group", "Building Society", "Rail", "Housing"],
  },
  DE: {
    tld: "de",
    currency: "EUR",
    legalForms: ["GmbH", "AG", "GmbH & Co. KG"],
    stems: ["Rheinfeld", "Altmark", "Silberwald", "Hansa Nord", "Lindenhof", "Eichberg", "Mainufer"],
    sectors: ["Logistik", "Maschinenbau", "Versicherung", "Energie", "Handel", "Klinikum", "Stadtwerke"],
  },
  NL: {
    tld: "nl",
    currency: "EUR",
    legalForms: ["B.V.", "N.V."],
    stems: ["Polderland", "Dijkstra", "Maasvlakte", "Zuiderhaven", "Veluwe"],
    sectors: ["Bouw", "Logistiek", "Zorggroep", "Energie", "Tuinbouw"],
  },
  IE: {
    tld: "ie",
    currency: "EUR",
    legalForms: ["Ltd", "DAC"],
    stems: ["Liffey", "Shannon", "Wicklow", "Corrib"],
    sectors: ["Pharma", "Foods", "Credit Union", "Medical"],
  },
  NO: {
    tld: "no",
    currency: "EUR",
    legalForms: ["AS", "ASA"],
    stems: ["Nordkapp", "Fjellheim", "Havbris", "Lofoten", "Trollheim"],
    sectors: ["Sjømat", "Shipping", "Kraft", "Helse", "Eiendom"],
  },
  LV: {
    tld: "lv",
    currency: "EUR",
    legalForms: ["SIA", "AS"],
    stems: ["Daugava", "Gauja", "Kurzeme"],
    sectors: ["Logistika", "Enerģija", "Banka"],
  },
  US: {
    tld: "com",
    currency: "USD",
    legalForms: ["Inc.", "LLC", "Corp."],
    stems: [
      "Redwood",
      "Great Plains",
      "Bluegrass",
      "Cascade",
      "Chesapeake",
      "Prairie State",
      "Gulf Coast",
      "Keystone",
      "Sierra Vista",
      "Ozark",
      "Granite Peak",
      "Lone Pine",
    ],
    sectors: [
      "Health",
      "Credit Union",
      "Logistics",
      "Manufacturing",
      "Energy",
      "Insurance",
      "Foods",
      "Telecom",
      "Bancorp",
      "Medical Center",
    ],
  },
  CA: {
    tld: "ca",
    currency: "USD",
    legalForms: ["Inc.", "Ltd."],
    stems: ["Laurentian", "Northern Lights", "Maritime", "Okanagan", "Fraser River"],
    sectors: ["Credit Union", "Health", "Logistics", "Mining", "Energy"],
  },
  CL: {
    tld: "cl",
    currency: "USD",
    legalForms: ["S.A.", "SpA"],
    stems: ["Cordillera", "Pacífico Sur", "Atacama", "Biobío"],
    sectors: ["Minería", "Retail", "Seguros", "Salud"],
  },
  PE: {
    tld: "pe",
    currency: "USD",
    legalForms: ["S.A.C.", "S.A."],
    stems: ["Andino", "Costa Verde", "Huascarán"],
    sectors: ["Minería", "Pesquera", "Agroindustria"],
  },
  AR: {
    tld: "com.ar",
    currency: "USD",
    legalForms: ["S.A."],
    stems: ["Río de la Plata", "Cuyo"],
    sectors: ["Agro", "Energía"],
  },
  BR: {
    tld: "com.br",
    currency: "USD",
    legalForms: ["Ltda.", "S.A."],
    stems: ["Horizonte", "Serra Verde", "Atlântico", "Ipê", "Guanabara"],
    sectors: ["Logística", "Seguros", "Varejo", "Saúde", "Energia"],
  },
  SG: {
    tld: "com.sg",
    currency: "USD",
    legalForms: ["Pte. Ltd."],
    stems: ["Lion City", "Marina", "Straits", "Tanjong"],
    sectors: ["Logistics", "Healthcare", "Shipping", "Holdings"],
  },
  AU: {
    tld: "com.au",
    currency: "USD",
    legalForms: ["Pty Ltd"],
    stems: ["Southern Cross", "Coral Coast", "Red Centre", "Blue Gum"],
    sectors: ["Mining", "Energy", "Health", "Logistics"],
  },
  IN: {
    tld: "in",
    currency: "USD",
    legalForms: ["Pvt. Ltd."],
    stems: ["Deccan", "Malabar", "Ganga"],
    sectors: ["Pharma", "Infotech", "Textiles"],
  },
  JP: {
    tld: "co.jp",
    currency: "USD",
    legalForms: ["K.K."],
    stems: ["Tanabe", "Hoshino", "Kawasemi", "Sakuragawa", "Minato"],
    sectors: ["Robotics", "Seimitsu", "Logistics", "Shoji", "Denki"],
  },
  NZ: {
    tld: "co.nz",
    currency: "USD",
    legalForms: ["Ltd"],
    stems: ["Kauri", "Southern Alps", "Waitaki"],
    sectors: ["Dairy", "Energy", "Forestry"],
  },
} satisfies Record<string, MarketInfo>;

interface DemoCustomer {
  name: string;
  /** What the partner typed: a domain, a URL or an e-mail address. */
  domainOrEmail: string;
  currency: DemoCurrency;
}

/** "Río de la Plata Agro" → "rio-de-la-plata-agro", "Havbris Sjømat" → "havbris-sjomat". */
function slug(text: string): string {
  return text
    .replace(/[øØ]/g, "o")
    .replace(/[æÆ]/g, "ae")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function customerIn(market: Market, stem: string, sector: string, legalForm: string): DemoCustomer {
  const info: MarketInfo = MARKETS[market];
  return {
    name: `${stem} ${sector} ${legalForm}`,
    domainOrEmail: `${slug(`${stem} ${sector}`)}.${info.tld}`,
    currency: info.currency,
  };
}

const PRODUCTS: ((rng: Rng) => string)[] = [
  (rng) => `Analytics Pro, ${rng.pick([50, 100, 150, 250, 400, 600])} seats`,
  (rng) => `DataVault Backup, ${rng.pick([10, 20, 40, 80])} TB, 3 years`,
  (rng) => `SecureEdge Firewall for ${rng.pick([3, 5, 8, 12, 20])} sites`,
  () => "CloudOps Suite, enterprise licence",
  (rng) => `Helpdesk Cloud, ${rng.pick([25, 40, 60, 120])} agents`,
  () => "Analytics Pro upgrade to Enterprise",
  () => "Migration services and admin training",
];

const NOTES = [
  "CFO is the sponsor; security review in progress.",
  "Met them at the partner roadshow; proof of concept planned next month.",
  "Replacing a competitor whose contract ends in Q2.",
  "Public tender: our offer is due at the end of the month.",
  "Expansion of an existing installation to two more sites.",
  "IT director wants a reference call with a customer in the same industry.",
];

const LOST_REASONS = [
  "Went with a competitor on price",
  "Budget frozen until next fiscal year",
  "The customer chose to build it in-house",
  "Project cancelled after a reorganisation",
  "Stayed with the incumbent vendor",
  "No decision: our champion left the company",
];

const REJECT_REASONS = [
  "The customer is a named account of our direct sales team.",
  "Not enough detail: no project, budget or timeline. Register it again once the opportunity is qualified.",
  "The customer is outside your contracted territory.",
];

const QUESTIONS = [
  "Who is the decision maker, and when is the budget approved?",
  "Is this a new project or the renewal of their current contract?",
  "Which of their sites are in scope, and is a competitor already installed?",
  "Can you confirm the customer's legal entity and country?",
];

/** Tiers sell bigger deals: the range of amounts (major units) a deal of that partner falls in. */
const AMOUNT_RANGE: Record<DemoPartner["tier"], [number, number]> = {
  registered: [6_000, 40_000],
  silver: [8_000, 90_000],
  gold: [12_000, 180_000],
  platinum: [20_000, 400_000],
};

// ---- deals: stories ------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so the demo is the same on every machine and every run. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  int(low: number, high: number): number {
    return Math.floor(this.between(low, high + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** What happened to a deal, in days after it was registered. */
type Step =
  | { day: number; kind: "approve" }
  | { day: number; kind: "reject" | "request_info"; note: string }
  | { day: number; kind: "stage"; to: OpenStage }
  | { day: number; kind: "won"; amount?: number }
  | { day: number; kind: "lost"; reason: string };

/** One deal's life, as a partner and the manager lived it. Only what happened before `now` is stored. */
interface Story {
  key: string;
  partner: string;
  by: string;
  customer: DemoCustomer;
  product: string;
  /** Registered amount, in major units of the customer's currency. */
  amount: number;
  stage: OpenStage;
  registeredAt: Date;
  /** Expected close, in days after registration. */
  closeAfter: number;
  notes?: string;
  /** Key of another partner's registration of the same customer that this one conflicts with. */
  conflictWith?: string;
  steps: Step[];
}

type ScriptedStory = Omit<Story, "registeredAt"> & { daysAgo: number };

const approve = (day: number): Step => ({ day, kind: "approve" });
const reject = (day: number, note: string): Step => ({ day, kind: "reject", note });
const askInfo = (day: number, note: string): Step => ({ day, kind: "request_info", note });
const moveTo = (day: number, to: OpenStage): Step => ({ day, kind: "stage", to });
const won = (day: number, amount?: number): Step => ({ day, kind: "won", ...(amount !== undefined && { amount }) });
const lost = (day: number, reason: string): Step => ({ day, kind: "lost", reason });

/**
 * The deals the personas meet first: Pat (Acme) and Bea (Globex) have full App Homes with overdue
 * deals and a protection about to end, the manager has a queue of every kind of waiting
 * registration (pending, conflict, info requested), and each partner's history shows every outcome.
 */
function scriptedStories(): ScriptedStory[] {
  const pat = "U0PARTNERA";
  const bea = "U0PARTNERB";
  const uk = (stem: string, sector: string, form = "Ltd") => customerIn("UK", stem, sector, form);
  return [
    // Acme Solutions: open deals on Pat's App Home.
    {
      key: "acme-thames",
      partner: "Acme Solutions",
      by: pat,
      customer: uk("Thames Valley", "Insurance", "plc"),
      product: "Analytics Pro, 250 seats",
      amount: 48_000,
      stage: "qualified",
      daysAgo: 70,
      closeAfter: 60,
      notes: "CFO is the sponsor; security review in progress.",
      steps: [approve(1), moveTo(20, "proposal"), moveTo(45, "negotiation")],
    },
    {
      key: "acme-kestrel",
      partner: "Acme Solutions",
      by: pat,
      customer: uk("Kestrel", "Foods"),
      product: "Helpdesk Cloud, 60 agents",
      amount: 18_500,
      stage: "prospecting",
      daysAgo: 80,
      closeAfter: 100,
      steps: [approve(1.5), moveTo(25, "qualified"), moveTo(50, "proposal")],
    },
    {
      key: "acme-pennine",
      partner: "Acme Solutions",
      by: "U0EXTERNAL",
      customer: uk("Pennine", "Utilities", "plc"),
      product: "SecureEdge Firewall for 12 sites",
      amount: 120_000,
      stage: "proposal",
      daysAgo: 40,
      closeAfter: 35,
      notes: "Replacing a competitor whose contract ends in Q2.",
      steps: [approve(0.5), moveTo(20, "negotiation")],
    },
    {
      key: "acme-harbourside",
      partner: "Acme Solutions",
      by: pat,
      customer: uk("Harbourside", "Retail Group"),
      product: "CloudOps Suite, enterprise licence",
      amount: 64_000,
      stage: "prospecting",
      daysAgo: 20,
      closeAfter: 70,
      steps: [approve(1), moveTo(9, "qualified")],
    },
    {
      key: "acme-polderland",
      partner: "Acme Solutions",
      by: pat,
      customer: customerIn("NL", "Polderland", "Bouw", "B.V."),
      product: "DataVault Backup, 40 TB, 3 years",
      amount: 27_500,
      stage: "prospecting",
      daysAgo: 12,
      closeAfter: 40,
      steps: [askInfo(1, "Is this a new project or the renewal of their current contract?")],
    },
    {
      key: "acme-liffey",
      partner: "Acme Solutions",
      by: pat,
      customer: { ...customerIn("IE", "Liffey", "Pharma", "Ltd"), domainOrEmail: "https://www.liffey-pharma.ie/en" },
      product: "Analytics Pro, 400 seats",
      amount: 92_000,
      stage: "qualified",
      daysAgo: 5,
      closeAfter: 75,
      notes: "Public tender: our offer is due at the end of the month.",
      steps: [],
    },
    {
      key: "acme-rheinfeld",
      partner: "Acme Solutions",
      by: "U0ACMEJO",
      customer: { name: "Rheinfeld Logistik", domainOrEmail: "einkauf@rheinfeld-logistik.de", currency: "EUR" },
      product: "SecureEdge Firewall for 8 sites",
      amount: 36_000,
      stage: "prospecting",
      daysAgo: 3,
      closeAfter: 90,
      conflictWith: "nordwind-rheinfeld",
      steps: [],
    },
    // Acme's history: won with a corrected amount, lost, expired, rejected.
    {
      key: "acme-caledonia",
      partner: "Acme Solutions",
      by: pat,
      customer: uk("Caledonia", "Building Society", "plc"),
      product: "Analytics Pro upgrade to Enterprise",
      amount: 75_000,
      stage: "prospecting",
      daysAgo: 200,
      closeAfter: 75,
      steps: [approve(1), moveTo(12, "qualified"), moveTo(30, "proposal"), moveTo(50, "negotiation"), won(70, 78_400)],
    },
    {
      key: "acme-eichberg",
      partner: "Acme Solutions",
      by: "U0ACMEJO",
      customer: customerIn("DE", "Eichberg", "Klinikum", "GmbH"),
      product: "Helpdesk Cloud, 120 agents",
      amount: 41_000,
      stage: "qualified",
      daysAgo: 150,
      closeAfter: 50,
      steps: [approve(2), moveTo(14, "proposal"), lost(40, "Budget frozen until next fiscal year")],
    },
    {
      key: "acme-silberwald",
      partner: "Acme Solutions",
      by: pat,
      customer: customerIn("DE", "Silberwald", "Energie", "AG"),
      product: "DataVault Backup, 80 TB, 3 years",
      amount: 56_000,
      stage: "prospecting",
      daysAgo: 160,
      closeAfter: 60,
      steps: [approve(1), moveTo(20, "qualified")],
    },
    {
      key: "acme-hansa",
      partner: "Acme Solutions",
      by: pat,
      customer: customerIn("DE", "Hansa Nord", "Handel", "GmbH"),
      product: "CloudOps Suite, enterprise licence",
      amount: 150_000,
      stage: "prospecting",
      daysAgo: 100,
      closeAfter: 120,
      steps: [reject(2, "The customer is a named account of our direct sales team.")],
    },
    {
      key: "nordwind-rheinfeld",
      partner: "Nordwind Systems",
      by: "U0NORD01",
      customer: customerIn("DE", "Rheinfeld", "Logistik", "GmbH"),
      product: "SecureEdge Firewall for 8 sites",
      amount: 34_500,
      stage: "prospecting",
      daysAgo: 25,
      closeAfter: 80,
      steps: [approve(2), moveTo(10, "qualified")],
    },
    // Globex Distribution: open deals on Bea's App Home.
    {
      key: "globex-lioncity",
      partner: "Globex Distribution",
      by: bea,
      customer: customerIn("SG", "Lion City", "Logistics", "Pte. Ltd."),
      product: "CloudOps Suite, enterprise licence",
      amount: 85_000,
      stage: "qualified",
      daysAgo: 60,
      closeAfter: 55,
      steps: [approve(1), moveTo(18, "proposal"), moveTo(40, "negotiation")],
    },
    {
      key: "globex-marina",
      partner: "Globex Distribution",
      by: bea,
      customer: customerIn("SG", "Marina", "Healthcare", "Pte. Ltd."),
      product: "Analytics Pro, 150 seats",
      amount: 54_000,
      stage: "prospecting",
      daysAgo: 78,
      closeAfter: 70,
      steps: [approve(0.5), moveTo(10, "qualified"), moveTo(35, "proposal")],
    },
    {
      key: "globex-malabar",
      partner: "Globex Distribution",
      by: bea,
      customer: customerIn("IN", "Malabar", "Infotech", "Pvt. Ltd."),
      product: "Helpdesk Cloud, 40 agents",
      amount: 32_000,
      stage: "prospecting",
      daysAgo: 30,
      closeAfter: 60,
      steps: [approve(3), moveTo(12, "qualified")],
    },
    {
      key: "globex-southerncross",
      partner: "Globex Distribution",
      by: "U0GLOB02",
      customer: customerIn("AU", "Southern Cross", "Mining", "Pty Ltd"),
      product: "SecureEdge Firewall for 20 sites",
      amount: 210_000,
      stage: "proposal",
      daysAgo: 2,
      closeAfter: 45,
      notes: "Expansion of an existing installation to two more sites.",
      steps: [],
    },
    {
      key: "globex-coralcoast",
      partner: "Globex Distribution",
      by: "U0GLOB02",
      customer: customerIn("AU", "Coral Coast", "Energy", "Pty Ltd"),
      product: "SecureEdge Firewall for 5 sites",
      amount: 46_000,
      stage: "prospecting",
      daysAgo: 9,
      closeAfter: 50,
      steps: [askInfo(2, "Which of their sites are in scope, and is a competitor already installed?")],
    },
    {
      key: "globex-tanabe",
      partner: "Globex Distribution",
      by: bea,
      customer: { name: "Tanabe Robotics", domainOrEmail: "procurement@tanabe-robotics.co.jp", currency: "USD" },
      product: "Analytics Pro, 600 seats",
      amount: 155_000,
      stage: "qualified",
      daysAgo: 4,
      closeAfter: 60,
      conflictWith: "sakura-tanabe",
      steps: [],
    },
    {
      key: "sakura-tanabe",
      partner: "Sakura Networks",
      by: "U0SAKU01",
      customer: customerIn("JP", "Tanabe", "Robotics", "K.K."),
      product: "Analytics Pro, 600 seats",
      amount: 140_000,
      stage: "prospecting",
      daysAgo: 45,
      closeAfter: 90,
      steps: [approve(2), moveTo(15, "qualified"), moveTo(30, "proposal")],
    },
    // Globex's history.
    {
      key: "globex-straits",
      partner: "Globex Distribution",
      by: bea,
      customer: customerIn("SG", "Straits", "Shipping", "Pte. Ltd."),
      product: "DataVault Backup, 40 TB, 3 years",
      amount: 67_000,
      stage: "qualified",
      daysAgo: 230,
      closeAfter: 60,
      steps: [approve(1), moveTo(15, "proposal"), moveTo(30, "negotiation"), won(58)],
    },
    {
      key: "globex-deccan",
      partner: "Globex Distribution",
      by: "U0GLOB02",
      customer: customerIn("IN", "Deccan", "Pharma", "Pvt. Ltd."),
      product: "Analytics Pro, 100 seats",
      amount: 24_000,
      stage: "prospecting",
      daysAgo: 130,
      closeAfter: 45,
      steps: [
        askInfo(1, "Who is the decision maker, and when is the budget approved?"),
        approve(4),
        moveTo(20, "qualified"),
        lost(38, "Stayed with the incumbent vendor"),
      ],
    },
    // A conflict decided long ago: the later registration was rejected.
    {
      key: "maple-redwood",
      partner: "Maple Leaf IT",
      by: "U0MAPL01",
      customer: customerIn("US", "Redwood", "Health", "Inc."),
      product: "Helpdesk Cloud, 120 agents",
      amount: 72_000,
      stage: "qualified",
      daysAgo: 205,
      closeAfter: 70,
      steps: [approve(1), moveTo(21, "proposal"), moveTo(44, "negotiation"), won(66, 69_800)],
    },
    {
      key: "summit-redwood",
      partner: "Summit Cloud Partners",
      by: "U0SUMM02",
      customer: { name: "Redwood Health", domainOrEmail: "it-purchasing@redwood-health.com", currency: "USD" },
      product: "Helpdesk Cloud, 100 agents",
      amount: 65_000,
      stage: "prospecting",
      daysAgo: 196,
      closeAfter: 60,
      conflictWith: "maple-redwood",
      steps: [reject(1, "Another partner registered this customer first and is already working it.")],
    },
    // Waiting for the manager: new registrations of other partners.
    {
      key: "summit-cascade",
      partner: "Summit Cloud Partners",
      by: "U0SUMM01",
      customer: customerIn("US", "Cascade", "Credit Union", "Inc."),
      product: "SecureEdge Firewall for 12 sites",
      amount: 98_000,
      stage: "qualified",
      daysAgo: 1.5,
      closeAfter: 60,
      steps: [],
    },
    {
      key: "maple-laurentian",
      partner: "Maple Leaf IT",
      by: "U0MAPL02",
      customer: customerIn("CA", "Laurentian", "Credit Union", "Inc."),
      product: "Analytics Pro, 150 seats",
      amount: 38_000,
      stage: "prospecting",
      daysAgo: 4,
      closeAfter: 90,
      steps: [],
    },
    {
      key: "andes-cordillera",
      partner: "Andes Tecnología",
      by: "U0ANDE01",
      customer: customerIn("CL", "Cordillera", "Minería", "S.A."),
      product: "DataVault Backup, 80 TB, 3 years",
      amount: 112_000,
      stage: "proposal",
      daysAgo: 7,
      closeAfter: 40,
      steps: [],
    },
    {
      key: "rioverde-horizonte",
      partner: "Rio Verde Sistemas",
      by: "U0RIOV01",
      customer: customerIn("BR", "Horizonte", "Logística", "Ltda."),
      product: "Helpdesk Cloud, 60 agents",
      amount: 29_000,
      stage: "prospecting",
      daysAgo: 2.5,
      closeAfter: 75,
      steps: [],
    },
    {
      key: "baltic-daugava",
      partner: "Baltic Data Partners",
      by: "U0BALT01",
      customer: customerIn("LV", "Daugava", "Logistika", "SIA"),
      product: "Analytics Pro, 50 seats",
      amount: 14_500,
      stage: "prospecting",
      daysAgo: 6,
      closeAfter: 60,
      notes: "Our first registration in the program.",
      steps: [],
    },
    {
      key: "kiwi-kauri",
      partner: "Kiwi Cloud Co",
      by: "U0KIWI01",
      customer: customerIn("NZ", "Kauri", "Dairy", "Ltd"),
      product: "Helpdesk Cloud, 25 agents",
      amount: 21_750.5,
      stage: "prospecting",
      daysAgo: 1,
      closeAfter: 45,
      steps: [],
    },
  ];
}

function roundAmount(amount: number): number {
  const step = amount < 20_000 ? 100 : amount < 100_000 ? 500 : 1_000;
  return Math.round(amount / step) * step;
}

/** A typical deal's life: decided within days, then moved forward until won, lost, or left to expire. */
function typicalSteps(rng: Rng, stage: OpenStage, closeAfter: number): Step[] {
  const decided = rng.between(0.1, 3.5);
  const roll = rng.next();
  if (roll < 0.08) return [{ day: decided, kind: "reject", note: rng.pick(REJECT_REASONS) }];
  const steps: Step[] = [];
  let approved = decided;
  if (roll < 0.18) {
    steps.push({ day: decided, kind: "request_info", note: rng.pick(QUESTIONS) });
    approved = decided + rng.between(1.5, 6);
  }
  steps.push({ day: approved, kind: "approve" });

  const fate = rng.next();
  const from = OPEN_STAGES.indexOf(stage);
  const last = OPEN_STAGES.length - 1;
  const reached = fate < 0.55 ? last : rng.int(from, last);
  // Closing happens around the expected date, within the protection period.
  const closeDay = Math.min(Math.max(closeAfter + rng.between(-12, 18), approved + 10), approved + 86);
  const span = fate < 0.83 ? closeDay - approved : rng.between(20, 70);
  const moves = reached - from;
  for (let i = 1; i <= moves; i++) {
    const to = OPEN_STAGES[from + i] as OpenStage;
    steps.push({ day: approved + (span * i) / (moves + 1) + rng.between(-1, 1), kind: "stage", to });
  }
  if (fate < 0.55) {
    const corrected = rng.next() < 0.3;
    steps.push({ day: closeDay, kind: "won", ...(corrected && { amount: -1 }) });
  } else if (fate < 0.83) {
    steps.push({ day: closeDay, kind: "lost", reason: rng.pick(LOST_REASONS) });
  }
  return steps;
}

/** The rest of each partner's year: deals spread evenly over the months they were in the program. */
function generatedStories(rng: Rng, now: Date, taken: Set<string>): Story[] {
  const stories: Story[] = [];
  for (const partner of DEMO_PARTNERS) {
    const oldest = Math.min(364, (partner.onboardedDaysAgo ?? 30) - 3);
    // An inactive partner stopped registering months ago.
    const newest = partner.status === "inactive" ? 250 : 9;
    for (let i = 0; i < partner.generatedDeals; i++) {
      const daysAgo = newest + ((i + rng.next()) * (oldest - newest)) / partner.generatedDeals;
      let customer: DemoCustomer | undefined;
      while (!customer) {
        const market = rng.pick(partner.markets);
        const info: MarketInfo = MARKETS[market];
        const candidate = customerIn(market, rng.pick(info.stems), rng.pick(info.sectors), rng.pick(info.legalForms));
        const key = customerKeys(candidate).nameKey;
        if (!taken.has(key)) {
          taken.add(key);
          customer = candidate;
        }
      }
      const [low, high] = AMOUNT_RANGE[partner.tier];
      const amount = roundAmount(Math.exp(rng.between(Math.log(low), Math.log(high))));
      const stage: OpenStage = rng.pick(["prospecting", "prospecting", "qualified", "qualified", "proposal"] as const);
      const closeAfter = Math.round(rng.between(30, 100));
      const steps = typicalSteps(rng, stage, closeAfter).map((step) =>
        step.kind === "won" && step.amount === -1
          ? { ...step, amount: roundAmount(amount * rng.between(0.85, 1.1)) }
          : step,
      );
      stories.push({
        key: `${slug(partner.name)}-${i + 1}`,
        partner: partner.name,
        by: rng.pick(partner.members).id,
        customer,
        product: rng.pick(PRODUCTS)(rng),
        amount,
        stage,
        registeredAt: minutesBefore(now, daysAgo * DAY_MS + rng.int(0, 600) * MINUTE_MS),
        closeAfter,
        ...(rng.next() < 0.3 && { notes: rng.pick(NOTES) }),
        steps,
      });
    }
  }
  return stories;
}

function minutesBefore(now: Date, ms: number): Date {
  return new Date(Math.floor((now.getTime() - ms) / MINUTE_MS) * MINUTE_MS);
}

// ---- deals: playing a story ---------------------------------------------------------------------

export interface PlannedEvent {
  at: Date;
  actor: string;
  type: string;
  data: Record<string, unknown>;
}

/** A deal row as the app would have left it, with its history; `n` is its place in time (demo:<n>). */
export interface PlannedDeal {
  n: number;
  key: string;
  partner: string;
  createdBy: string;
  customerName: string;
  customerDomain: string | null;
  customerNameKey: string;
  product: string;
  amountMinor: number;
  currency: string;
  stage: Stage;
  status: RegistrationStatus;
  /** `n` of the registration this one conflicts with. */
  conflictWith: number | null;
  expectedCloseOn: Date;
  region: string | null;
  notes: string | null;
  protectedUntil: Date | null;
  reminderSentAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  closedAt: Date | null;
  lostReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  events: PlannedEvent[];
}

type PlayedDeal = Omit<PlannedDeal, "n" | "conflictWith">;

/** The hourly protection job runs at minute 7: the first run at or after `instant`. */
function nextJobRun(instant: Date): Date {
  const hour = 3_600_000;
  const offset = 7 * MINUTE_MS;
  return new Date(Math.ceil((instant.getTime() - offset) / hour) * hour + offset);
}

function utcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorUnitsOf(currency));
}

function record(deal: PlayedDeal, at: Date, actor: string, type: string, data: Record<string, unknown> = {}): void {
  deal.events.push({ at, actor, type, data });
  deal.updatedAt = at;
}

/** The deal as the registration left it: pending, or a conflict when another partner holds the customer. */
function registered(story: Story, at: (day: number) => Date): PlayedDeal {
  const t0 = story.registeredAt;
  const keys = customerKeys(story.customer);
  const currency = story.customer.currency;
  const amountMinor = toMinor(story.amount, currency);
  const deal: PlayedDeal = {
    key: story.key,
    partner: story.partner,
    createdBy: story.by,
    customerName: story.customer.name,
    customerDomain: keys.domain,
    customerNameKey: keys.nameKey,
    product: story.product,
    amountMinor,
    currency,
    stage: story.stage,
    status: story.conflictWith ? "conflict" : "pending",
    expectedCloseOn: utcDay(at(story.closeAfter)),
    region: DEMO_PARTNERS.find((entry) => entry.name === story.partner)?.region ?? null,
    notes: story.notes ?? null,
    protectedUntil: null,
    reminderSentAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    closedAt: null,
    lostReason: null,
    createdAt: t0,
    updatedAt: t0,
    events: [],
  };
  record(deal, t0, story.by, "registered", { stage: story.stage, amountMinor, currency });
  // The other deal's id goes into the data when it is stored.
  if (story.conflictWith) record(deal, new Date(t0.getTime() + 1_000), story.by, "conflict_flagged");
  return deal;
}

/** What the hourly protection job did before `before`. At the end, due reminders are left to the app's job. */
function sweepProtection(deal: PlayedDeal, before: Date, final: boolean): void {
  if (deal.status !== "approved" || !deal.protectedUntil || deal.stage === "won" || deal.stage === "lost") return;
  const remindAt = nextJobRun(new Date(deal.protectedUntil.getTime() - REMINDER_LEAD_DAYS * DAY_MS));
  const expireAt = nextJobRun(deal.protectedUntil);
  const expires = expireAt < before;
  if (!deal.reminderSentAt && remindAt < before && (!final || expires)) {
    record(deal, remindAt, "system", "expiry_reminder");
    deal.reminderSentAt = remindAt;
  }
  if (expires) {
    record(deal, expireAt, "system", "expired");
    deal.status = "expired";
  }
}

/** One step, checked by the rules the app applies to the same click. */
function applyStep(deal: PlayedDeal, step: Step, when: Date, by: string): void {
  switch (step.kind) {
    case "approve":
    case "reject":
    case "request_info": {
      const note = step.kind === "approve" ? null : step.note;
      const from = deal.status;
      const to = decide(from, step.kind, note ?? undefined);
      Object.assign(deal, { status: to, decidedBy: MANAGER, decidedAt: when, decisionNote: note });
      if (to === "approved") deal.protectedUntil = protectionEnd(when, DEFAULT_PROTECTION_DAYS);
      record(deal, when, MANAGER, step.kind, { from, to, note });
      return;
    }
    case "stage":
      checkStageChange(deal, step.to, {});
      record(deal, when, by, "stage_changed", { from: deal.stage, to: step.to });
      deal.stage = step.to;
      return;
    case "won": {
      const final = step.amount === undefined ? deal.amountMinor : toMinor(step.amount, deal.currency);
      checkStageChange(deal, "won", { amountMinor: final });
      const corrected = final !== deal.amountMinor ? { amountMinor: { from: deal.amountMinor, to: final } } : {};
      record(deal, when, by, "stage_changed", { from: deal.stage, to: "won", ...corrected });
      Object.assign(deal, { stage: "won", amountMinor: final, closedAt: when });
      return;
    }
    case "lost":
      checkStageChange(deal, "lost", { lostReason: step.reason });
      record(deal, when, by, "stage_changed", { from: deal.stage, to: "lost", reason: step.reason });
      Object.assign(deal, { stage: "lost", lostReason: step.reason, closedAt: when });
      return;
  }
}

/**
 * Replays a story up to `until` through the rules the app applies (decide, checkStageChange, the
 * protection job), so every stored state and event is one the app could have produced. What the
 * story has happen after `until` has not happened yet.
 */
function play(story: Story, until: Date): PlayedDeal {
  const at = (day: number) =>
    new Date(Math.round((story.registeredAt.getTime() + day * DAY_MS) / MINUTE_MS) * MINUTE_MS);
  const deal = registered(story, at);
  for (const step of [...story.steps].sort((a, b) => a.day - b.day)) {
    const when = at(step.day);
    if (when >= until) break;
    sweepProtection(deal, when, false);
    // An expired registration is closed: neither a decision nor a stage change applies any more.
    if (deal.status === "expired") break;
    applyStep(deal, step, when, story.by);
  }
  sweepProtection(deal, until, true);
  return deal;
}

/**
 * Every demo deal as of `now`, oldest first, numbered from 1. Throws when two stories contradict
 * the app's conflict rules: a registration of a customer another partner still holds must be a
 * conflict with that deal, and a partner never registers its own customer twice.
 */
export function demoDealPlan(now: Date): PlannedDeal[] {
  const scripted: Story[] = scriptedStories().map(({ daysAgo, ...story }, index) => ({
    ...story,
    // Scripted deals are registered in working hours, a little apart.
    registeredAt: minutesBefore(now, daysAgo * DAY_MS + (37 + index * 23) * MINUTE_MS),
  }));
  const taken = new Set(scripted.map((story) => customerKeys(story.customer).nameKey));
  const stories = [...scripted, ...generatedStories(new Rng(20261127), now, taken)].sort(
    (a, b) => a.registeredAt.getTime() - b.registeredAt.getTime() || a.key.localeCompare(b.key),
  );
  const numbers = new Map(stories.map((story, index) => [story.key, index + 1]));
  return stories.map((story, index) => {
    checkCustomerHistory(story, stories.slice(0, index));
    const conflictWith = story.conflictWith ? (numbers.get(story.conflictWith) ?? null) : null;
    return { n: index + 1, conflictWith, ...play(story, now) };
  });
}

function checkCustomerHistory(story: Story, earlier: Story[]): void {
  const keys = customerKeys(story.customer);
  const blocking = earlier.filter((other) => {
    if (!sameCustomer(keys, customerKeys(other.customer))) return false;
    const then = play(other, story.registeredAt);
    return blocksNewRegistrations(
      {
        id: 0,
        partnerId: 0,
        customer: keys,
        status: then.status,
        stage: then.stage,
        protectedUntil: then.protectedUntil,
      },
      story.registeredAt,
    );
  });
  const expected = blocking.map((other) => other.key);
  const same = blocking.filter((other) => other.partner === story.partner);
  if (same.length > 0 || expected.join() !== (story.conflictWith ?? "")) {
    throw new Error(
      `demo deal ${story.key}: blocked by [${expected.join(", ")}], expected [${story.conflictWith ?? ""}]`,
    );
  }
}

/** Creates the demo deals that are missing (by idempotency key demo:<n>) with their history. */
async function seedDeals(db: DbClient, workspaceId: number, partnerIds: Map<string, number>, now: Date) {
  const plan = demoDealPlan(now);
  const existing = await db.deal.findMany({
    where: { workspaceId, idempotencyKey: { startsWith: "demo:" } },
    select: { id: true, idempotencyKey: true },
  });
  const ids = new Map(existing.map((row) => [row.idempotencyKey, row.id]));
  let created = 0;
  for (const deal of plan) {
    const key = `demo:${deal.n}`;
    const partnerId = partnerIds.get(deal.partner);
    if (ids.has(key) || partnerId === undefined) continue;
    const conflictDealId = deal.conflictWith === null ? null : (ids.get(`demo:${deal.conflictWith}`) ?? null);
    const { n: _n, key: _key, partner: _partner, conflictWith: _conflict, events, ...fields } = deal;
    const row = await db.deal.create({
      data: {
        ...fields,
        workspaceId,
        partnerId,
        amountMinor: BigInt(fields.amountMinor),
        conflictDealId,
        idempotencyKey: key,
        events: {
          create: events.map((event) => ({
            actor: event.actor,
            type: event.type,
            createdAt: event.at,
            data: JSON.stringify(
              event.type === "conflict_flagged"
                ? { conflictsWith: conflictDealId === null ? [] : [conflictDealId] }
                : event.data,
            ),
          })),
        },
      },
      select: { id: true },
    });
    ids.set(key, row.id);
    created++;
  }
  return created;
}

// ---- the seed ------------------------------------------------------------------------------------

/** Fills the database with the demo network; safe to run again. `now` anchors every relative date. */
export async function seedDemo(db: Db, options: { now: Date }): Promise<SeedSummary> {
  return db.$transaction(
    async (tx) => {
      const workspace = await seedWorkspace(tx);
      const { partnerIds, ...network } = await seedPartnerNetwork(tx, workspace.id, options.now);
      const ratesCreated = await seedExchangeRates(tx, workspace);
      const dealsCreated = await seedDeals(tx, workspace.id, partnerIds, options.now);
      return { teamId: VENDOR_TEAM.id, ...network, dealsCreated, ratesCreated };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** True when nothing has been stored yet: the sandbox then seeds on its first start. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  return (await db.workspace.count()) === 0;
}

export function describeSeed(summary: SeedSummary): string {
  const { partnersCreated, membersCreated, membersUpdated, dealsCreated, ratesCreated } = summary;
  if (partnersCreated + membersCreated + membersUpdated + dealsCreated + ratesCreated === 0) {
    return `Demo data already present in ${summary.teamId}: nothing to add.`;
  }
  return `Demo data for ${summary.teamId}: ${partnersCreated} partners and ${membersCreated} people added, ${membersUpdated} people completed, ${dealsCreated} deals and ${ratesCreated} exchange rates added.`;
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
