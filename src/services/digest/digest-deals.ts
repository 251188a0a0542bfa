import { capPage, largestFirst } from "../../domain/digest/digest-rules";
import type { RateBook } from "../../domain/leaderboard/conversion";
import type { DealRecord } from "../records";
import type { DealListFilter, Store } from "../store";
import type { DigestList } from "./digest-content";

/** A week's won deals are read whole to order them by converted value; far more than any real week holds. */
export const MAX_WON_SCANNED = 1_000;

export interface WeekDeals {
  registrations: DigestList<DealRecord>;
  conflicts: DigestList<DealRecord>;
  won: DigestList<DealRecord>;
}

/**
 * The week's deals: registered in it (newest first), those flagged as conflicting, and those won
 * in it, largest first in the reporting currency. With `partnerId`: that partner's own only.
 */
export async function weekDeals(
  store: Store,
  input: { workspaceId: number; partnerId: number | null; start: Date; end: Date; book: () => Promise<RateBook> },
): Promise<WeekDeals> {
  const base: DealListFilter = {
    workspaceId: input.workspaceId,
    ...(input.partnerId !== null && { partnerId: input.partnerId }),
  };
  const registered = { ...base, createdFrom: input.start, createdBefore: input.end };
  const first = { offset: 0, limit: 5 };
  const [registrations, conflicts, won] = await Promise.all([
    store.deals.list(registered, first),
    store.deals.list({ ...registered, conflicted: true }, first),
    store.deals.list(
      { ...base, stages: ["won"], closedFrom: input.start, closedBefore: input.end },
      { offset: 0, limit: MAX_WON_SCANNED },
    ),
  ]);
  const book = won.deals.length > 0 ? await input.book() : null;
  const ordered = largestFirst(
    won.deals.map((deal) => ({
      item: deal,
      id: deal.id,
      value: book?.convert(BigInt(deal.amountMinor), deal.currency, deal.closedAt ?? deal.updatedAt) ?? null,
      amount: deal.amountMinor,
    })),
  );
  return {
    registrations: capPage(registrations.deals, registrations.total),
    conflicts: capPage(conflicts.deals, conflicts.total),
    won: capPage(ordered, won.total),
  };
}
