import { minorUnitsOf } from "../deals/currency";
import { DomainError } from "../shared/domain-error";
import { startOfDay } from "../shared/zoned-time";

/** Units of the reporting currency per one unit of `currency`, valid from its local day until the next rate's. */
export interface DatedRate {
  currency: string;
  /** A positive decimal string, e.g. "1.0825". */
  rate: string;
  /** YYYY-MM-DD. */
  validFrom: string;
}

/** Ten decimals and seven digits cover any real rate (JPY→KWD is about 0.002) without taking typos as prices. */
const MAX_RATE = 1_000_000;

/** Reads a rate as a person types it ("1.08", "0,0092"); throws exchange_rate_invalid when it is not one. */
export function parseRate(text: string): string {
  const typed = text.trim();
  const cleaned = typed.replace(",", ".");
  if (!/^\d{0,7}(\.\d{1,10})?$/.test(cleaned) || !/\d/.test(cleaned)) {
    throw new DomainError("exchange_rate_invalid", { text: typed });
  }
  const [rawInteger = "", rawFraction = ""] = cleaned.split(".");
  const integer = rawInteger.replace(/^0+/, "") || "0";
  const fraction = rawFraction.replace(/0+$/, "");
  const rate = fraction === "" ? integer : `${integer}.${fraction}`;
  if (!(Number(rate) > 0) || Number(rate) > MAX_RATE) throw new DomainError("exchange_rate_invalid", { text: typed });
  return rate;
}

function decimal(rate: string): { numerator: bigint; scale: bigint } {
  const [integer = "0", fraction = ""] = rate.split(".");
  return { numerator: BigInt(`${integer}${fraction}`), scale: 10n ** BigInt(fraction.length) };
}

/**
 * Converts minor units of `from` into minor units of `to` at `rate` (units of `to` per unit of
 * `from`), exactly in integers and rounded half away from zero: JPY (0 decimals), USD (2) and
 * KWD (3) meet without a float ever holding a fraction.
 */
export function convertMinor(amountMinor: bigint, from: string, to: string, rate: string): bigint {
  if (from === to) return amountMinor;
  const { numerator, scale } = decimal(rate);
  const top = amountMinor * numerator * 10n ** BigInt(minorUnitsOf(to));
  const bottom = scale * 10n ** BigInt(minorUnitsOf(from));
  const negative = top < 0n;
  const magnitude = negative ? -top : top;
  const rounded = (magnitude * 2n + bottom) / (bottom * 2n);
  return negative ? -rounded : rounded;
}

/**
 * The rates of one workspace, looked up by instant in the workspace's zone: a rate dated
 * 2026-03-01 applies from local midnight that day until the next rate of the same currency.
 */
export class RateBook {
  private readonly byCurrency = new Map<string, { from: number; rate: string }[]>();

  constructor(
    readonly reportingCurrency: string,
    rates: readonly DatedRate[],
    readonly timeZone: string,
  ) {
    for (const rate of rates) {
      const list = this.byCurrency.get(rate.currency) ?? [];
      list.push({ from: startOfDay(rate.validFrom, timeZone).getTime(), rate: rate.rate });
      this.byCurrency.set(rate.currency, list);
    }
    for (const list of this.byCurrency.values()) list.sort((a, b) => a.from - b.from);
  }

  /** The rate valid at `instant`; "1" for the reporting currency itself; null when none is. */
  rateAt(currency: string, instant: Date): string | null {
    if (currency === this.reportingCurrency) return "1";
    const list = this.byCurrency.get(currency) ?? [];
    let found: string | null = null;
    for (const entry of list) {
      if (entry.from > instant.getTime()) break;
      found = entry.rate;
    }
    return found;
  }

  /** Reporting-currency minor units, or null when no rate covers the instant (counted, never priced as zero). */
  convert(amountMinor: bigint, currency: string, instant: Date): bigint | null {
    const rate = this.rateAt(currency, instant);
    return rate === null ? null : convertMinor(amountMinor, currency, this.reportingCurrency, rate);
  }

  /**
   * Per currency, the instants inside (start, end) at which its rate changes, ascending; currencies
   * whose rate holds over the whole period are left out. Deals are summed per span between them,
   * so each span converts at one rate.
   */
  changesWithin(start: Date | null, end: Date): Map<string, Date[]> {
    const changes = new Map<string, Date[]>();
    for (const [currency, list] of this.byCurrency) {
      const inside = list
        .filter((entry) => (start === null || entry.from > start.getTime()) && entry.from < end.getTime())
        .map((entry) => new Date(entry.from));
      if (inside.length > 0) changes.set(currency, inside);
    }
    return changes;
  }
}
