import type { Market } from "./demo-markets";
import { DEMO_STAFF, type DemoMember, type DemoPerson, person, persona } from "./demo-people";

const ACME_TEAM_ID = "T0ACMEPART";

export interface DemoPartner {
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

/** The partner companies: three per region, every tier and status, each with its people. */
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
    // New to the program: a partner starts at the entry tier and earns the next (issue 14).
    tier: "registered",
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
