import type { DealRepository } from "../../src/services/store";
import { demoDealPlan } from "./deal-stories";

/** Creates the demo deals that are missing (by idempotency key demo:<n>) with their history. */
export async function seedDeals(
  deals: DealRepository,
  workspaceId: number,
  partnerIds: Map<string, number>,
  now: Date,
): Promise<number> {
  // Deal id by idempotency key: a conflict names the earlier deal, found here or created before it.
  const ids = await deals.idsByKeyPrefix(workspaceId, "demo:");
  let created = 0;
  for (const deal of demoDealPlan(now)) {
    const key = `demo:${deal.n}`;
    const partnerId = partnerIds.get(deal.partner);
    if (ids.has(key) || partnerId === undefined) continue;
    const conflictDealId = deal.conflictWith === null ? null : (ids.get(`demo:${deal.conflictWith}`) ?? null);
    const { n: _n, key: _key, partner: _partner, conflictWith: _conflict, events, ...fields } = deal;
    const { customerDomain, customerNameKey, ...rest } = fields;
    const id = await deals.createWithHistory(
      {
        ...rest,
        workspaceId,
        partnerId,
        customer: { domain: customerDomain, nameKey: customerNameKey },
        conflictDealId,
        channelId: null,
        idempotencyKey: key,
      },
      events.map((event) => ({
        actor: event.actor,
        type: event.type,
        at: event.at,
        data:
          event.type === "conflict_flagged"
            ? { conflictsWith: conflictDealId === null ? [] : [conflictDealId] }
            : event.data,
      })),
    );
    ids.set(key, id);
    created++;
  }
  return created;
}
