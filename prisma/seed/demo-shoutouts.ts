import { MANAGER } from "./demo-people";

/** A recipient: a person (Slack user id) or a whole partner company (its demo name). */
export type DemoRecipient = { user: string } | { partner: string };

export interface DemoShoutout {
  from: string;
  to: DemoRecipient[];
  message: string;
  /** One of the program's default values (prisma/schema.prisma's Workspace.companyValues). */
  value: string | null;
  /** A manager's award: given only by the managers and the admin. */
  award?: string;
  /** Given this many days (and hours) before `now`: the demo spans the past six weeks. */
  daysAgo: number;
  hoursAgo?: number;
  channel: string | null;
  /** How many people joined in with +1. */
  plusOnes: number;
}

const ACME = "C0PARTNERA";
const GLOBEX = "C0PARTNERB";
const SALES = "C0SALES";

/** In time order, oldest first; the idempotency key is demo:shoutout:<position + 1>. */
export const DEMO_SHOUTOUTS: DemoShoutout[] = [
  {
    from: MANAGER,
    to: [{ user: "U0PARTNERA" }],
    message: "Turned the Northwind renewal around in a week after the security review stalled.",
    value: "Win together",
    daysAgo: 41,
    channel: ACME,
    plusOnes: 4,
  },
  {
    from: "U0NORD01",
    to: [{ user: "U0NORD02" }],
    message: "Rebuilt our demo environment overnight so the pilot could start on time.",
    value: "Own it",
    daysAgo: 39,
    channel: SALES,
    plusOnes: 2,
  },
  {
    from: "U0ADMIN",
    to: [{ partner: "Summit Cloud Partners" }],
    message: "Best quarter of any partner this year, and every deal registered before the first call.",
    value: "Raise the bar",
    award: "Partner of the quarter",
    daysAgo: 38,
    channel: SALES,
    plusOnes: 7,
  },
  {
    from: "U0SUMM02",
    to: [{ user: "U0SUMM01" }, { user: "U0SUMM03" }],
    message: "Covered three customer workshops in one week while I was out. Thank you both!",
    value: "Win together",
    daysAgo: 36,
    channel: SALES,
    plusOnes: 3,
  },
  {
    from: "U0PARTNERB",
    to: [{ user: "U0GLOB02" }],
    message: "Translated the pricing deck into Mandarin for the Shenzhen prospect in a day.",
    value: "Customer first",
    daysAgo: 34,
    channel: GLOBEX,
    plusOnes: 2,
  },
  {
    from: "U0MGRLATAM",
    to: [{ user: "U0ANDE01" }],
    message: "First public-sector deal in Chile, with the tender paperwork done right the first time.",
    value: "Raise the bar",
    award: "Rookie of the month",
    daysAgo: 32,
    channel: SALES,
    plusOnes: 5,
  },
  {
    from: "U0EXTERNAL",
    to: [{ user: "U0MANAGER" }],
    message: "Approved our registration within the hour so we could quote before the competitor.",
    value: "Customer first",
    daysAgo: 30,
    channel: ACME,
    plusOnes: 1,
  },
  {
    from: "U0RIOV01",
    to: [{ user: "U0RIOV02" }],
    message: "Found the integration bug the customer had chased for a month.",
    value: "Own it",
    daysAgo: 29,
    channel: null,
    plusOnes: 0,
  },
  {
    from: "U0MGRAPAC",
    to: [{ partner: "Sakura Networks" }],
    message: "Onboarded twelve new resellers in Osaka and trained every one of them.",
    value: "Win together",
    daysAgo: 27,
    channel: SALES,
    plusOnes: 4,
  },
  {
    from: "U0MAPL01",
    to: [{ user: "U0MAPL02" }],
    message: "Stayed on the bridge call until the go-live was green.",
    value: "Customer first",
    daysAgo: 26,
    channel: SALES,
    plusOnes: 2,
  },
  {
    from: "U0PARTNERA",
    to: [{ user: "U0ACMEJO" }, { user: "U0EXTERNAL" }],
    message: "Shared our POC checklist with the whole network; two partners used it this week.",
    value: "Win together",
    daysAgo: 24,
    channel: ACME,
    plusOnes: 6,
  },
  {
    from: MANAGER,
    to: [{ user: "U0LAKE01" }],
    message: "Cleaned up every stale registration in the pipeline without being asked.",
    value: "Own it",
    daysAgo: 22,
    channel: SALES,
    plusOnes: 1,
  },
  {
    from: "U0SAKU01",
    to: [{ user: "U0SAKU02" }],
    message: "Wrote the Japanese FAQ that cut our support tickets in half.",
    value: "Raise the bar",
    daysAgo: 20,
    channel: SALES,
    plusOnes: 3,
  },
  {
    from: "U0KIWI01",
    to: [{ user: "U0MGRAPAC" }],
    message: "Flew in for our first customer day and answered every question on the spot.",
    value: "Customer first",
    daysAgo: 18,
    channel: null,
    plusOnes: 0,
  },
  {
    from: "U0MGRLATAM",
    to: [{ partner: "Rio Verde Sistemas" }],
    message: "A record month: five deals won in October, all registered and approved on time.",
    value: "Raise the bar",
    award: "Record month",
    daysAgo: 16,
    channel: SALES,
    plusOnes: 6,
  },
  {
    from: "U0ANDE02",
    to: [{ user: "U0PAMP01" }],
    message: "Lent us your Spanish contract template and saved the Lima deal.",
    value: "Win together",
    daysAgo: 15,
    channel: SALES,
    plusOnes: 2,
  },
  {
    from: "U0GLOB02",
    to: [{ user: "U0PARTNERB" }],
    message: "Negotiated the distributor terms so both sides walked away happy.",
    value: "Win together",
    daysAgo: 13,
    channel: GLOBEX,
    plusOnes: 1,
  },
  {
    from: "U0ACMEJO",
    to: [{ user: "U0PARTNERA" }],
    message: "Took the customer's 7am call from the airport and still closed the scope.",
    value: "Customer first",
    daysAgo: 11,
    channel: ACME,
    plusOnes: 3,
  },
  {
    from: MANAGER,
    to: [{ partner: "Acme Solutions" }],
    message: "Most deals won in EMEA this half, with the cleanest pipeline hygiene in the program.",
    value: "Raise the bar",
    award: "Partner of the month",
    daysAgo: 9,
    channel: ACME,
    plusOnes: 8,
  },
  {
    from: "U0NORD02",
    to: [{ user: "U0BALT01" }],
    message: "Finished onboarding in record time and already brought a qualified lead.",
    value: "Own it",
    daysAgo: 8,
    channel: SALES,
    plusOnes: 2,
  },
  {
    from: "U0SUMM03",
    to: [{ user: "U0MAPL01" }],
    message: "Pointed us to the right contact at the Toronto bank: the deal is ours now.",
    value: "Win together",
    daysAgo: 6,
    channel: SALES,
    plusOnes: 1,
  },
  {
    from: "U0ADMIN",
    to: [{ user: "U0MANAGER" }],
    message: "Cleared the approvals queue every day this month, weekends included.",
    value: "Own it",
    daysAgo: 5,
    channel: SALES,
    plusOnes: 4,
  },
  {
    from: "U0PAMP01",
    to: [{ user: "U0MGRLATAM" }],
    message: "Joined our customer kickoff in Buenos Aires at two days' notice.",
    value: null,
    daysAgo: 3,
    channel: null,
    plusOnes: 0,
  },
  {
    from: "U0MGRAPAC",
    to: [{ user: "U0KIWI01" }, { user: "U0SAKU01" }],
    message: "Ran the joint APAC webinar together: 140 sign-ups and six new opportunities.",
    value: "Win together",
    daysAgo: 2,
    channel: SALES,
    plusOnes: 3,
  },
  {
    from: "U0PARTNERB",
    to: [{ user: "U0PARTNERA" }],
    message: "Shared the discount approval trick that got our Singapore deal signed.",
    value: "Win together",
    daysAgo: 1,
    hoursAgo: 4,
    channel: GLOBEX,
    plusOnes: 2,
  },
  {
    from: "U0MGRLATAM",
    to: [{ user: "U0RIOV01" }],
    message: "Walked the customer through the migration plan line by line until they signed.",
    value: "Customer first",
    daysAgo: 0,
    hoursAgo: 3,
    channel: SALES,
    plusOnes: 1,
  },
];
