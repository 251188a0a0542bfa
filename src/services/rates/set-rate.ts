import { isCurrency } from "../../domain/deals/currency";
import { parseRate } from "../../domain/leaderboard/conversion";
import { requireAdmin } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import { dayOf, isCalendarDay } from "../../domain/shared/zoned-time";
import type { Actor } from "../access-service";
import type { RatesContext } from "./list-rates";

/**
 * `/hub rates EUR 1.08 [2026-11-01]`: the rate of a currency from a local day on (today in the
 * program's zone by default), replacing one set for the same day. Admins only; audited.
 */
export async function setRate(
  context: RatesContext,
  actor: Actor,
  input: { currency: string; rate: string; date?: string },
): Promise<{ currency: string; rate: string; validFrom: Date }> {
  requireAdmin(actor.role, "set_exchange_rates");
  const { workspace } = actor;
  const currency = input.currency.trim().toUpperCase();
  if (!isCurrency(currency)) throw new DomainError("currency_invalid", { text: input.currency.trim() });
  if (currency === workspace.reportingCurrency) throw new DomainError("exchange_rate_reporting", { currency });
  const rate = parseRate(input.rate);
  const typedDay = input.date?.trim();
  if (typedDay !== undefined && typedDay !== "" && !isCalendarDay(typedDay)) {
    throw new DomainError("exchange_rate_date_invalid", { text: typedDay });
  }
  const validFrom = typedDay || dayOf(context.clock(), workspace.timezone);
  await context.store.transaction(async (tx) => {
    const previous = (await tx.exchangeRates.list(workspace.id)).find(
      (known) => known.currency === currency && known.validFrom === validFrom,
    );
    await tx.exchangeRates.set({ workspaceId: workspace.id, currency, rate, validFrom, updatedBy: actor.userId });
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: "exchange_rate.set",
      target: currency,
      data: { rate, validFrom, previous: previous?.rate ?? null },
    });
  });
  return { currency, rate, validFrom: new Date(`${validFrom}T00:00:00Z`) };
}
