import type { WorkspaceRecord } from "../../src/services/records";
import type { ExchangeRateRepository } from "../../src/services/store";
import type { DemoCurrency } from "./demo-markets";

/** US dollars per unit of each demo currency: the rates the demo's reports convert with. */
const USD_PER_UNIT: Record<DemoCurrency, number> = { USD: 1, EUR: 1.08, GBP: 1.27 };

/** Units of the reporting currency per unit of `currency`, as the decimal string ExchangeRate stores. */
export function demoRate(currency: DemoCurrency, reportingCurrency: string): string | null {
  const reporting = USD_PER_UNIT[reportingCurrency as DemoCurrency];
  if (reporting === undefined || currency === reportingCurrency) return null;
  return String(Number((USD_PER_UNIT[currency] / reporting).toFixed(6)));
}

/** One rate per demo currency other than the reporting one (none when that currency is not USD, EUR or GBP). */
export async function seedExchangeRates(rates: ExchangeRateRepository, workspace: WorkspaceRecord): Promise<number> {
  let created = 0;
  for (const currency of Object.keys(USD_PER_UNIT) as DemoCurrency[]) {
    const rate = demoRate(currency, workspace.reportingCurrency);
    if (rate === null) continue;
    if (await rates.create({ workspaceId: workspace.id, currency, rate, updatedBy: "U0ADMIN" })) created++;
  }
  return created;
}
