import { DEFAULT_PROGRAM_CONFIG } from "../../src/domain/program/program-config";
import type { ProgramConfig, ReviewRatings, TierRule } from "../../src/domain/program/program-types";
import type { ValidResource } from "../../src/domain/program/resources";
import { MANAGER } from "./demo-people";

/**
 * What the partner program's demo is made of (program.ts writes it): who is where in the program,
 * the tier rules, the library and who completed what.
 */

/**
 * The demo's tier rules, in the workspace's reporting currency (USD) minor units. The defaults ask
 * for 5 and 10 deals won a year, more than the demo's partners close: with them no demo partner
 * would hold more than Silver. With these, each one's tier is what its year earns.
 */
export const DEMO_TIER_RULES: TierRule[] = [
  { tier: "registered", wonRevenueMinor: 0, dealsWon: 0, peopleTrained: 0, winRate: 0 },
  { tier: "silver", wonRevenueMinor: 2_000_000, dealsWon: 1, peopleTrained: 1, winRate: 0 },
  { tier: "gold", wonRevenueMinor: 8_000_000, dealsWon: 2, peopleTrained: 2, winRate: 0.25 },
  { tier: "platinum", wonRevenueMinor: 50_000_000, dealsWon: 5, peopleTrained: 2, winRate: 0.5 },
];

export const DEMO_PROGRAM_CONFIG: ProgramConfig = { ...DEFAULT_PROGRAM_CONFIG, tierRules: DEMO_TIER_RULES };

/** The prospect persona and the channel Initech shares with the vendor (src/sandbox/personas.ts). */
export const PROSPECT = { userId: "U0PROSPECT", teamId: "T0INITECH", channelId: "C0PROSPECT" } as const;
export const INITECH = "Initech";
/** The partner whose fall below its tier waits for a manager, and the one that just moved up. */
export const DEMOTION_REVIEWED = "Andes Tecnología";
export const RECENTLY_PROMOTED = "Globex Distribution";
/** Onboarding: approved from its application (3 of 6 steps done), and stuck for weeks. */
export const APPROVED_APPLICANT = "Baltic Data Partners";
export const STUCK_ONBOARDING = "Pampa Digital";

export interface DemoResource extends ValidResource {
  key: string;
  daysAgo: number;
}

const LIBRARY = "https://partners.vendor.example";

export const DEMO_RESOURCES: DemoResource[] = [
  {
    key: "foundations",
    title: "Sales certification: Foundations",
    url: `${LIBRARY}/academy/sales-foundations`,
    kind: "training",
    tags: ["certification", "sales"],
    minTier: "registered",
    requiredFor: "silver",
    daysAgo: 300,
  },
  {
    key: "deployment",
    title: "Technical certification: Deployment and integrations",
    url: `${LIBRARY}/academy/deployment`,
    kind: "training",
    tags: ["certification", "technical"],
    minTier: "silver",
    requiredFor: "gold",
    daysAgo: 280,
  },
  {
    key: "security",
    title: "Security review masterclass",
    url: `${LIBRARY}/academy/security-review`,
    kind: "training",
    tags: ["security-review"],
    minTier: "gold",
    requiredFor: null,
    daysAgo: 90,
  },
  {
    key: "price-book",
    title: "Partner price book 2026 (discount bands and deal desk rules)",
    url: `${LIBRARY}/pricing/price-book-2026.pdf`,
    kind: "price_book",
    tags: ["pricing", "discounts"],
    minTier: "gold",
    requiredFor: null,
    daysAgo: 60,
  },
  {
    key: "deck",
    title: "Pitch deck: Analytics Pro and Helpdesk Cloud",
    url: `${LIBRARY}/sales/pitch-deck`,
    kind: "deck",
    tags: ["pitch", "analytics"],
    minTier: "registered",
    requiredFor: null,
    daysAgo: 120,
  },
  {
    key: "demo-video",
    title: "Product demo in 12 minutes (video)",
    url: `${LIBRARY}/sales/demo-video`,
    kind: "video",
    tags: ["demo", "helpdesk"],
    minTier: "registered",
    requiredFor: null,
    daysAgo: 45,
  },
  {
    key: "registration-guide",
    title: "How to register a deal that gets approved",
    url: `${LIBRARY}/guides/deal-registration`,
    kind: "guide",
    tags: ["deal-registration", "onboarding"],
    minTier: "registered",
    requiredFor: null,
    daysAgo: 200,
  },
  {
    key: "proposal",
    title: "Joint proposal template",
    url: `${LIBRARY}/templates/joint-proposal.docx`,
    kind: "template",
    tags: ["proposals", "pricing"],
    minTier: "silver",
    requiredFor: null,
    daysAgo: 150,
  },
];

/**
 * Who completed which resource, days ago. Gold asks for 2 people with the deployment training:
 * Rio Verde earns Gold's revenue and wins but has one, so it is a training away from Gold (its
 * card says so); Platinum asks for none of its own, so anyone trained counts there. Completions older than two weeks were confirmed by Max;
 * the recent ones wait in `/partner training`.
 */
export const DEMO_COMPLETIONS: { user: string; resource: string; daysAgo: number }[] = [
  { user: "U0SUMM01", resource: "foundations", daysAgo: 200 },
  { user: "U0SUMM01", resource: "deployment", daysAgo: 150 },
  { user: "U0SUMM02", resource: "foundations", daysAgo: 180 },
  { user: "U0SUMM02", resource: "deployment", daysAgo: 120 },
  { user: "U0SUMM03", resource: "foundations", daysAgo: 90 },
  { user: "U0PARTNERB", resource: "foundations", daysAgo: 210 },
  { user: "U0PARTNERB", resource: "deployment", daysAgo: 60 },
  { user: "U0GLOB02", resource: "foundations", daysAgo: 150 },
  { user: "U0GLOB02", resource: "deployment", daysAgo: 40 },
  { user: "U0MAPL01", resource: "foundations", daysAgo: 170 },
  { user: "U0MAPL01", resource: "deployment", daysAgo: 110 },
  { user: "U0MAPL02", resource: "foundations", daysAgo: 160 },
  { user: "U0MAPL02", resource: "deployment", daysAgo: 95 },
  { user: "U0SAKU01", resource: "foundations", daysAgo: 140 },
  { user: "U0SAKU01", resource: "deployment", daysAgo: 80 },
  { user: "U0SAKU02", resource: "foundations", daysAgo: 130 },
  { user: "U0SAKU02", resource: "deployment", daysAgo: 75 },
  { user: "U0PARTNERA", resource: "foundations", daysAgo: 220 },
  { user: "U0PARTNERA", resource: "deployment", daysAgo: 100 },
  { user: "U0PARTNERA", resource: "security", daysAgo: 9 },
  { user: "U0ACMEJO", resource: "foundations", daysAgo: 190 },
  { user: "U0ACMEJO", resource: "deployment", daysAgo: 70 },
  { user: "U0EXTERNAL", resource: "foundations", daysAgo: 5 },
  { user: "U0ANDE01", resource: "foundations", daysAgo: 200 },
  { user: "U0ANDE01", resource: "deployment", daysAgo: 160 },
  { user: "U0ANDE02", resource: "foundations", daysAgo: 100 },
  { user: "U0NORD01", resource: "foundations", daysAgo: 120 },
  { user: "U0RIOV01", resource: "foundations", daysAgo: 150 },
  { user: "U0RIOV01", resource: "deployment", daysAgo: 20 },
  { user: "U0RIOV02", resource: "foundations", daysAgo: 60 },
  { user: "U0LAKE01", resource: "foundations", daysAgo: 250 },
];

/** Completions this recent are still waiting for a manager's confirmation. */
export const CONFIRM_AFTER_DAYS = 14;

export interface DemoOnboarding {
  partner: string;
  startedDaysAgo: number;
  /** Steps done, days ago and by whom; `firstDeal`: ticked by the partner's first registration, when and by whoever made it. */
  done: ({ key: string; daysAgo: number; by: string } | { key: string; firstDeal: true })[];
}

/** Baltic: 3 of 6 and moving (its first registration 6 days ago); Pampa: nothing for 40 days; Kiwi: just started. */
export const DEMO_ONBOARDING: DemoOnboarding[] = [
  {
    partner: APPROVED_APPLICANT,
    startedDaysAgo: 24,
    done: [
      { key: "agreement", daysAgo: 24, by: MANAGER },
      { key: "team", daysAgo: 23, by: MANAGER },
      { key: "first_deal", firstDeal: true },
    ],
  },
  {
    partner: STUCK_ONBOARDING,
    startedDaysAgo: 45,
    done: [
      { key: "agreement", daysAgo: 44, by: "U0MGRLATAM" },
      { key: "team", daysAgo: 40, by: "U0MGRLATAM" },
    ],
  },
  {
    partner: "Kiwi Cloud Co",
    startedDaysAgo: 12,
    done: [
      { key: "agreement", daysAgo: 12, by: "U0MGRAPAC" },
      { key: "first_deal", firstDeal: true },
    ],
  },
];

/** Last quarter's manager reviews: the scorecards of Pat's and Bea's partners show them. */
export const DEMO_REVIEWS: { partner: string; ratings: ReviewRatings; notes: string }[] = [
  {
    partner: "Acme Solutions",
    ratings: { engagement: 4, pipeline_quality: 3, enablement: 4, collaboration: 5 },
    notes:
      "Strong quarter for new logos in the UK and Ireland. Pipeline quality is uneven: two registrations had no named contact. Plan: joint pipeline review every other week, and Eli to finish the Foundations certification.",
  },
  {
    partner: RECENTLY_PROMOTED,
    ratings: { engagement: 5, pipeline_quality: 4, enablement: 4, collaboration: 4 },
    notes:
      "On track for Platinum: large wins in Singapore and Australia, both engineers certified. Next: a first reference customer in India.",
  },
];
