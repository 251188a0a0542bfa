import type { Store } from "../../src/services/store";
import { seedDeals } from "./deals";
import { VENDOR_TEAM } from "./demo-people";
import { seedDigests } from "./digests";
import { seedExchangeRates } from "./exchange-rates";
import { seedGoals } from "./goals";
import { seedPartners } from "./partners";
import { type PeopleSummary, seedStaff } from "./people";
import { seedPractices } from "./practices";
import { seedProgram } from "./program";
import { seedProgramRules } from "./program-rules";
import { seedShoutouts } from "./shoutouts";
import { seedWorkspace } from "./workspace";

/**
 * Demo data for the sandbox (`npm run seed`, `npm run seed:demo`, and the sandbox's first start):
 * a believable partner network of the vendor in the sandbox's Slack team, with a year of deals and
 * the best practices its people shared, and the shout-outs and awards they gave each other.
 * It only creates what is missing and fills blanks (a person without a partner or role), so
 * running it again changes nothing. It writes through the app's repositories, like the app does.
 * Each feature adds its own step to seedDemo, in a file of its own next to this one.
 */

export { queueDemoApprovalRequests } from "./approval-requests";
export { demoDealPlan, type PlannedDeal } from "./deal-stories";
export { DEMO_PARTNERS, DEMO_PEOPLE } from "./demo-partners";
export type { DemoPerson } from "./demo-people";

export interface SeedSummary {
  teamId: string;
  partnersCreated: number;
  membersCreated: number;
  membersUpdated: number;
  dealsCreated: number;
  ratesCreated: number;
  practicesCreated: number;
  shoutoutsCreated: number;
  goalsCreated: number;
  digestsCreated: number;
  applicationsCreated: number;
  resourcesCreated: number;
}

/** Fills the database with the demo network, in one transaction; safe to run again. `now` anchors every relative date. */
export async function seedDemo(store: Store, options: { now: Date }): Promise<SeedSummary> {
  return store.transaction(async (tx) => {
    const workspace = await seedWorkspace(tx.workspaces);
    await seedProgramRules(tx.workspaces, workspace);
    const people: PeopleSummary = { membersCreated: 0, membersUpdated: 0 };
    await seedStaff(tx.members, workspace.id, people);
    const { partnersCreated, partnerIds } = await seedPartners(tx, workspace.id, options.now, people);
    const ratesCreated = await seedExchangeRates(tx.exchangeRates, workspace);
    const dealsCreated = await seedDeals(tx.deals, workspace.id, partnerIds, options.now);
    const practicesCreated = await seedPractices(tx.practices, workspace.id, options.now);
    const shoutoutsCreated = await seedShoutouts(tx.shoutouts, workspace.id, partnerIds, options.now);
    // After the deals: the targets are set from what they add up to so far.
    const goalsCreated = await seedGoals(tx, workspace, partnerIds, options.now);
    const digestsCreated = await seedDigests(tx, workspace);
    // After the deals: onboarding follows the partners' first registrations, tiers their year.
    const program = await seedProgram(tx, workspace, partnerIds, options.now);
    return {
      teamId: VENDOR_TEAM.id,
      partnersCreated,
      ...people,
      dealsCreated,
      ratesCreated,
      practicesCreated,
      shoutoutsCreated,
      goalsCreated,
      digestsCreated,
      ...program,
    };
  });
}

/** True when nothing has been stored yet: the sandbox then seeds on its first start. */
export async function isEmptyDatabase(store: Store): Promise<boolean> {
  return (await store.workspaces.count()) === 0;
}

export function describeSeed(summary: SeedSummary): string {
  const { partnersCreated, membersCreated, membersUpdated, dealsCreated, ratesCreated, practicesCreated } = summary;
  const { shoutoutsCreated, goalsCreated, digestsCreated, applicationsCreated, resourcesCreated } = summary;
  const added = partnersCreated + membersCreated + membersUpdated + dealsCreated + ratesCreated + practicesCreated;
  if (added + shoutoutsCreated + goalsCreated + digestsCreated + applicationsCreated + resourcesCreated === 0) {
    return `Demo data already present in ${summary.teamId}: nothing to add.`;
  }
  return `Demo data for ${summary.teamId}: ${partnersCreated} partners and ${membersCreated} people added, ${membersUpdated} people completed, ${dealsCreated} deals, ${ratesCreated} exchange rates, ${practicesCreated} best practices, ${shoutoutsCreated} shout-outs and ${goalsCreated} goals added${applicationsCreated > 0 ? `, ${applicationsCreated} partner applications and ${resourcesCreated} partner resources` : ""}${digestsCreated > 0 ? ", and #sales subscribed to the weekly digest" : ""}.`;
}
