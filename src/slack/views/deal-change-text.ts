import { formatAmountNumber } from "../../domain/deals/currency";
import type { FieldChange } from "../../domain/deals/deal-edit";
import { isStage, STAGE_LABELS } from "../../domain/deals/stages";
import type { DealRecord } from "../../services/records";
import { truncate } from "./block-kit";

/**
 * What an edit or a correction changed, as people read it in `/deal history`, the card's thread
 * and the approval thread: "amount 7,000.00 → 8,250.00 EUR", "stage Proposal → Negotiation".
 * Plain text with the typed values in it: callers put it into md`` (which escapes it).
 */

const FIELD_NAMES: Record<FieldChange["field"], string> = {
  customerName: "customer",
  customerDomain: "domain",
  product: "product",
  amount: "amount",
  currency: "currency",
  expectedCloseOn: "expected close",
  region: "region",
  notes: "notes",
  stage: "stage",
};

/** Long texts (notes) are shown as a start: the whole text is on the deal. */
const VALUE_SHOWN = 60;

function shown(value: string | number | null): string {
  if (value === null || value === "") return "none";
  return truncate(String(value).replace(/\s+/g, " "), VALUE_SHOWN);
}

function amountText(minor: string | number | null, currency: string): string {
  if (minor === null) return "none";
  const value = Number(minor);
  return Number.isSafeInteger(value) ? formatAmountNumber(value, currency) : String(minor);
}

function stageText(value: string | number | null): string {
  const stage = String(value ?? "");
  return isStage(stage) ? STAGE_LABELS[stage] : shown(value);
}

/**
 * One line per change. Amounts are stored in minor units, so they are read in the currency the
 * same edit set (when it changed the currency too) or else the deal's currency.
 */
export function describeChangeList(changes: readonly FieldChange[], deal: Pick<DealRecord, "currency">): string[] {
  const currency = changes.find((change) => change.field === "currency");
  const fromCurrency = currency ? String(currency.from ?? deal.currency) : deal.currency;
  const toCurrency = currency ? String(currency.to ?? deal.currency) : deal.currency;
  const amountChanged = changes.some((change) => change.field === "amount");
  return changes.flatMap((change): string[] => {
    const name = FIELD_NAMES[change.field];
    switch (change.field) {
      case "amount":
        return currency
          ? [
              `${name} ${amountText(change.from, fromCurrency)} ${fromCurrency} → ${amountText(change.to, toCurrency)} ${toCurrency}`,
            ]
          : [`${name} ${amountText(change.from, fromCurrency)} → ${amountText(change.to, toCurrency)} ${toCurrency}`];
      case "currency":
        // Said with the amount when both changed: "amount 7,000.00 USD → 7,000.00 EUR".
        if (amountChanged) return [];
        return [`${name} ${shown(change.from)} → ${shown(change.to)}`];
      case "stage":
        return [`${name} ${stageText(change.from)} → ${stageText(change.to)}`];
      default:
        return [`${name} ${shown(change.from)} → ${shown(change.to)}`];
    }
  });
}

/** All changes in one line: "amount 7,000.00 → 8,250.00 EUR; stage Proposal → Negotiation". */
export function describeChanges(changes: readonly FieldChange[], deal: Pick<DealRecord, "currency">): string {
  const lines = describeChangeList(changes, deal);
  return lines.length > 0 ? lines.join("; ") : "nothing";
}
