import { dayOf } from "../../domain/shared/zoned-time";
import type { Actor } from "../access-service";
import type { Clock } from "../clock";
import type { Store } from "../store";

/** What the rate use cases run on. */
export interface RatesContext {
  store: Store;
  clock: Clock;
}

export interface CurrentRate {
  currency: string;
  rate: string;
  /** Midnight UTC of the local day it applies from. */
  validFrom: Date;
  updatedBy: string;
}

/**
 * `/hub rates`: each currency's rate valid today in the program's zone (or, for a currency whose
 * only rates start later, the first of them), by currency. Everyone may read them: they price the
 * leaderboard everyone sees.
 */
export async function listRates(
  context: RatesContext,
  actor: Actor,
): Promise<{ reportingCurrency: string; rates: CurrentRate[] }> {
  const { workspace } = actor;
  const today = dayOf(context.clock(), workspace.timezone);
  const byCurrency = new Map<string, CurrentRate>();
  // Listed by currency then date: the last one on or before today wins; a later one only fills a gap.
  for (const rate of await context.store.exchangeRates.list(workspace.id)) {
    if (rate.currency === workspace.reportingCurrency) continue;
    const known = byCurrency.get(rate.currency);
    if (known !== undefined && rate.validFrom > today) continue;
    byCurrency.set(rate.currency, {
      currency: rate.currency,
      rate: rate.rate,
      validFrom: new Date(`${rate.validFrom}T00:00:00Z`),
      updatedBy: rate.updatedBy,
    });
  }
  const rates = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  return { reportingCurrency: workspace.reportingCurrency, rates };
}
