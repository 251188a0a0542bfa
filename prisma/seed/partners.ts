import { validateNewPartner } from "../../src/domain/partners/partner-rules";
import type { Store } from "../../src/services/store";
import { DEMO_PARTNERS } from "./demo-partners";
import { type PeopleSummary, seedPerson } from "./people";
import { DAY_MS } from "./story";

export interface PartnersSummary {
  partnersCreated: number;
  /** Partner id by demo partner name. */
  partnerIds: Map<string, number>;
}

/** The partner companies, each followed by its people; a partner that exists keeps its settings. */
export async function seedPartners(
  store: Pick<Store, "partners" | "members">,
  workspaceId: number,
  now: Date,
  people: PeopleSummary,
): Promise<PartnersSummary> {
  const summary: PartnersSummary = { partnersCreated: 0, partnerIds: new Map() };
  for (const demo of DEMO_PARTNERS) {
    const partner = validateNewPartner(demo);
    let row = await store.partners.findByKey(workspaceId, partner.nameKey);
    if (!row) {
      row = await store.partners.createEstablished(workspaceId, {
        ...partner,
        status: demo.status,
        connectTeamId: demo.connectTeamId ?? null,
        homeChannel: demo.homeChannel ?? null,
        onboardedAt: demo.onboardedDaysAgo === null ? null : new Date(now.getTime() - demo.onboardedDaysAgo * DAY_MS),
      });
      if (!row) throw new Error(`the partner ${demo.name} could not be created`);
      summary.partnersCreated++;
    }
    summary.partnerIds.set(demo.name, row.id);
    for (const member of demo.members) await seedPerson(store.members, workspaceId, member, row.id, people);
  }
  return summary;
}
