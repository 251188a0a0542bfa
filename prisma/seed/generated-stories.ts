import { customerKeys } from "../../src/domain/deals/customer";
import { OPEN_STAGES, type OpenStage } from "../../src/domain/deals/stages";
import { customerIn, type DemoCustomer, MARKETS, type MarketInfo, slug } from "./demo-markets";
import { DEMO_PARTNERS, type DemoPartner } from "./demo-partners";
import type { Rng } from "./rng";
import { DAY_MS, MINUTE_MS, minutesBefore, type Step, type Story } from "./story";

// What the generated deals are made of: what partners sell and write, and what managers answer.

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
export function generatedStories(rng: Rng, now: Date, taken: Set<string>): Story[] {
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
