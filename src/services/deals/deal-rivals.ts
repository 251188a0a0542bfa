import { rivalsOf } from "../../domain/deals/conflicts";
import { UNDECIDED_STATUSES } from "../../domain/deals/registration";
import type { DealRecord } from "../records";
import type { Store } from "../store";

/**
 * Other partners' registrations of the same customer that stand in the way of this one now,
 * oldest first. Recomputed every time rather than read from `conflictDealId`, so a conflict that
 * appeared after registration (an older registration never flagged) counts too.
 */
export async function liveRivals(store: Store, deal: DealRecord, now: Date): Promise<DealRecord[]> {
  const sameCustomer = await store.deals.findSameCustomer(deal.workspaceId, deal.customer);
  return rivalsOf(deal, sameCustomer, now).sort(oldestFirst);
}

export function oldestFirst(a: DealRecord, b: DealRecord): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}

export function isUndecided(deal: DealRecord): boolean {
  return UNDECIDED_STATUSES.includes(deal.status);
}

/** The same set of deal ids, whatever the order or repeats. */
export function sameIds(a: readonly number[], b: readonly number[]): boolean {
  const key = (ids: readonly number[]) => [...new Set(ids)].sort((x, y) => x - y).join(",");
  return key(a) === key(b);
}
