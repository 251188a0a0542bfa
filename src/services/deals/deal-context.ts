import type { DealViewer } from "../../domain/deals/deal-access";
import type { Actor } from "../access-service";
import type { Clock } from "../clock";
import type { OutboxDraft } from "../outbox/outbox-message";
import type { DealRecord } from "../records";
import type { DealExpectation, DealPatch, Store } from "../store";

/** What every deal use case runs on. */
export interface DealContext {
  store: Store;
  clock: Clock;
}

export function viewerOf(actor: Actor): DealViewer {
  return { role: actor.role, partnerId: actor.member.partnerId };
}

/**
 * One optimistic update of a deal, its DealEvent and the messages it owes Slack, in one
 * transaction: either all three are recorded or none. Null when the deal no longer matched
 * `expected` (someone else changed it first), so a repeated click changes nothing. `after` runs
 * further writes that belong to the same change (a won deal's milestones) in the transaction;
 * `before` runs checks that must hold while it commits (no rival approved meanwhile) first.
 */
export function changeDeal(
  context: DealContext,
  deal: DealRecord,
  expected: DealExpectation,
  patch: DealPatch,
  event: { actor: string; type: string; data?: object },
  messages: (changed: DealRecord, eventId: number) => OutboxDraft[],
  after?: (tx: Store, changed: DealRecord) => Promise<void>,
  before?: (tx: Store) => Promise<void>,
): Promise<DealRecord | null> {
  return context.store.transaction(async (tx) => {
    await before?.(tx);
    const changed = await tx.deals.update(deal.id, expected, patch);
    if (!changed) return null;
    const eventId = await tx.deals.addEvent({ at: context.clock(), dealId: deal.id, ...event });
    await tx.outbox.enqueue(messages(changed, eventId));
    await after?.(tx, changed);
    return changed;
  });
}
