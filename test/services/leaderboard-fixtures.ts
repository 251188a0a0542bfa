import { textKey } from "../../src/domain/shared/text-key";
import type { PartnerRecord } from "../../src/services/records";
import type { PastDeal } from "../../src/services/store";
import type { DealWorld, Program } from "./deal-fixtures";

let keys = 0;

/** A closed deal written as the past left it: won (or lost) on `closedAt`, for the leaderboard and goal tests. */
export async function closedDeal(
  world: DealWorld,
  program: Program,
  partner: PartnerRecord,
  fields: Partial<PastDeal> & { closedAt: Date },
): Promise<number> {
  keys += 1;
  const name = `Customer ${keys}`;
  return world.opened.store.deals.createWithHistory(
    {
      workspaceId: program.admin.workspace.id,
      partnerId: partner.id,
      createdBy: partner.id === program.acme.id ? "U_ANA" : "U_BOB",
      customerName: name,
      customer: { domain: null, nameKey: textKey(name) },
      product: "Suite",
      amountMinor: 100_00,
      currency: "USD",
      stage: "won",
      status: "approved",
      conflictDealId: null,
      expectedCloseOn: null,
      region: null,
      notes: null,
      channelId: null,
      idempotencyKey: `lb-svc-${keys}`,
      protectedUntil: null,
      reminderSentAt: null,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      lostReason: null,
      createdAt: fields.closedAt,
      updatedAt: fields.closedAt,
      ...fields,
    },
    [],
  );
}

/** Another partner of the program (tier gold, region EMEA unless told). */
export async function extraPartner(
  world: DealWorld,
  program: Program,
  name: string,
  fields: { tier?: "registered" | "silver" | "gold" | "platinum"; region?: string | null; homeChannel?: string } = {},
): Promise<PartnerRecord> {
  const { store } = world.opened;
  const created = await store.partners.create(program.admin.workspace.id, {
    name,
    nameKey: textKey(name),
    region: fields.region === undefined ? "EMEA" : fields.region,
    tier: fields.tier ?? "gold",
  });
  if (!created) throw new Error("partner exists");
  return fields.homeChannel ? store.partners.setHomeChannel(created.id, fields.homeChannel) : created;
}
