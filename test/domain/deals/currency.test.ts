import { describe, expect, it } from "vitest";
import {
  CURRENCIES,
  currencyInfo,
  formatAmount,
  isCurrency,
  MAX_AMOUNT_MAJOR,
  minorUnitsOf,
  parseAmount,
} from "../../../src/domain/deals/currency";
import { DomainError, type Problem } from "../../../src/domain/shared/domain-error";

describe("CURRENCIES", () => {
  it("lists at least 40 currencies, each once, with 3-letter upper-case codes and a name", () => {
    expect(CURRENCIES.length).toBeGreaterThanOrEqual(40);
    const codes = CURRENCIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of CURRENCIES) {
      expect(c.code).toMatch(/^[A-Z]{3}$/);
      expect(c.name.length).toBeGreaterThan(2);
      expect([0, 2, 3]).toContain(c.minorUnits);
    }
  });

  it.each(
    "USD EUR GBP JPY CHF CAD AUD NZD SEK NOK DKK PLN CZK HUF RON BGN TRY ILS AED SAR QAR KWD BHD OMR JOD INR CNY HKD SGD KRW TWD THB MYR IDR PHP VND ZAR BRL MXN ARS CLP COP PEN ISK TND".split(
      " ",
    ),
  )("includes %s", (code) => {
    expect(isCurrency(code)).toBe(true);
  });

  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["CLP", 0],
    ["VND", 0],
    ["ISK", 0],
    ["UGX", 0],
    ["PYG", 0],
    ["XOF", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["OMR", 3],
    ["JOD", 3],
    ["TND", 3],
    ["IQD", 3],
    ["LYD", 3],
    // ISO 4217 keeps 2 decimals for these even though they are rarely used.
    ["HUF", 2],
    ["IDR", 2],
    ["COP", 2],
    ["TWD", 2],
    ["INR", 2],
    ["CHF", 2],
  ])("%s has %i minor units", (code, units) => {
    expect(minorUnitsOf(code)).toBe(units);
    expect(currencyInfo(code)?.minorUnits).toBe(units);
  });
});

describe("isCurrency", () => {
  it.each([
    ["USD", true],
    ["usd", false],
    ["Usd", false],
    [" USD", false],
    ["USD ", false],
    ["XXX", false],
    ["", false],
    ["US", false],
    ["USDD", false],
    ["HRK", false],
  ])("isCurrency(%j) is %s", (code, expected) => {
    expect(isCurrency(code)).toBe(expected);
  });
});

describe("minorUnitsOf", () => {
  it.each(["XXX", "usd", "", "HRK"])("throws a DomainError for unknown code %j", (code) => {
    expect(() => minorUnitsOf(code)).toThrow(DomainError);
    try {
      minorUnitsOf(code);
    } catch (error) {
      expect((error as DomainError).code).toBe("currency_unknown");
      expect((error as DomainError).params).toEqual({ code });
    }
  });

  it("returns null info for unknown codes", () => {
    expect(currencyInfo("XXX")).toBeNull();
    expect(currencyInfo("USD")).toEqual({ code: "USD", name: "US Dollar", minorUnits: 2 });
  });
});

describe("parseAmount accepts what people type", () => {
  it.each([
    // the examples from the brief
    ["12,500.50", "USD", 1250050],
    ["12500", "USD", 1250000],
    ["12 500", "USD", 1250000],
    ["12'500.5", "USD", 1250050],
    ["$12,500", "USD", 1250000],
    ["12.500,50", "EUR", 1250050],
    ["12500,50", "EUR", 1250050],
    ["1,000", "JPY", 1000],
    ["1.234", "KWD", 1234],
    // plain numbers and decimals
    ["1", "USD", 100],
    ["0.01", "USD", 1],
    ["0.5", "USD", 50],
    [".5", "USD", 50],
    [",5", "EUR", 50],
    ["12.5", "USD", 1250],
    ["12.50", "USD", 1250],
    ["007", "USD", 700],
    ["0012.30", "USD", 1230],
    ["1.5", "KWD", 1500],
    ["1.23", "KWD", 1230],
    ["0.001", "KWD", 1],
    ["1000", "JPY", 1000],
    ["1", "JPY", 1],
    // thousands separators
    ["1,000,000", "USD", 100000000],
    ["1,000,000.99", "USD", 100000099],
    ["1.000.000", "EUR", 100000000],
    ["1.000.000,99", "EUR", 100000099],
    ["1 000 000", "EUR", 100000000],
    ["1 000 000,5", "EUR", 100000050],
    ["1\u00a0000\u00a0000,50", "EUR", 100000050],
    ["1\u202f000,50", "EUR", 100050],
    ["12  500", "USD", 1250000],
    ["1'000'000", "CHF", 100000000],
    ["1\u2019000.50", "CHF", 100050],
    ["1,234.56", "USD", 123456],
    ["1.234,56", "EUR", 123456],
    ["1 234.56", "USD", 123456],
    ["1'234,56", "CHF", 123456],
    // a lone comma: three digits after it group thousands, one or two are decimals
    ["12,500", "USD", 1250000],
    ["1,234", "KWD", 1234000],
    ["999,999", "USD", 99999900],
    ["12,5", "EUR", 1250],
    ["12,50", "EUR", 1250],
    ["1,5", "KWD", 1500],
    ["0,50", "EUR", 50],
    ["12500,000", "KWD", 12500000],
    ["0,500", "KWD", 500],
    ["12 500,000", "KWD", 12500000],
    // lakh grouping for South Asian currencies
    ["12,50,000", "INR", 125000000],
    ["1,00,00,000.50", "INR", 1000000050],
    ["1,23,456", "PKR", 12345600],
    ["1,234,567", "INR", 123456700],
    // symbols and codes around the number
    ["$ 12,500", "USD", 1250000],
    ["12,500$", "USD", 1250000],
    ["US$12,500", "USD", 1250000],
    ["USD 12,500.50", "USD", 1250050],
    ["USD12500", "USD", 1250000],
    ["12500 USD", "USD", 1250000],
    ["12500usd", "USD", 1250000],
    ["usd 12500", "USD", 1250000],
    ["€12.500,50", "EUR", 1250050],
    ["12.500,50 €", "EUR", 1250050],
    ["EUR 12 500", "EUR", 1250000],
    ["£99.99", "GBP", 9999],
    ["¥1,000", "JPY", 1000],
    ["¥1,000.50", "CNY", 100050],
    ["₹12,50,000", "INR", 125000000],
    ["R$ 1.234,56", "BRL", 123456],
    ["A$500", "AUD", 50000],
    ["CHF 1'000", "CHF", 100000],
    ["1 234 567,89 kr", "SEK", 123456789],
    ["100 zł", "PLN", 10000],
    ["R 1 000", "ZAR", 100000],
    ["S/ 250.00", "PEN", 25000],
    ["KWD 1.234", "KWD", 1234],
    ["+500", "USD", 50000],
    ["  12,500.50  ", "USD", 1250050],
    // the largest amount allowed
    ["1000000000000", "USD", 100000000000000],
    ["1,000,000,000,000.00", "USD", 100000000000000],
    ["1000000000000", "KWD", 1000000000000000],
    ["1000000000000.000", "KWD", 1000000000000000],
    ["999999999999.99", "USD", 99999999999999],
    ["999,999,999,999.999", "KWD", 999999999999999],
  ])("%j in %s is %i minor units", (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, minor });
  });

  it("always returns a safe integer", () => {
    const result = parseAmount("999,999,999,999.999", "KWD");
    expect(result.ok && Number.isSafeInteger(result.minor)).toBe(true);
  });
});

describe("parseAmount explains what is wrong", () => {
  const notANumberUsd: Problem = { code: "amount_not_a_number", params: { decimals: 2 } };
  const positive: Problem = { code: "amount_not_positive" };
  const misplaced = (text: string): Problem => ({ code: "amount_separators", params: { text } });

  it.each<[string, string, Problem]>([
    // empty
    ["", "USD", { code: "amount_missing" }],
    ["   ", "USD", { code: "amount_missing" }],
    ["\t\n", "USD", { code: "amount_missing" }],
    // not a number
    ["abc", "USD", notANumberUsd],
    ["twelve", "USD", notANumberUsd],
    ["50k", "USD", notANumberUsd],
    ["1e5", "USD", notANumberUsd],
    ["12.", "USD", notANumberUsd],
    ["12,", "EUR", notANumberUsd],
    ["NaN", "USD", notANumberUsd],
    ["Infinity", "USD", notANumberUsd],
    ["$", "USD", notANumberUsd],
    ["USD", "USD", notANumberUsd],
    ["12 500 000 and change", "USD", notANumberUsd],
    ["12/500", "USD", notANumberUsd],
    ["(500)", "USD", notANumberUsd],
    ["50¢", "USD", notANumberUsd],
    ["+-5", "USD", notANumberUsd],
    ["5-", "USD", notANumberUsd],
    ["abc", "JPY", { code: "amount_not_a_number", params: { decimals: 0 } }],
    ["abc", "KWD", { code: "amount_not_a_number", params: { decimals: 3 } }],
    // zero or negative
    ["0", "USD", positive],
    ["0.00", "USD", positive],
    ["000", "JPY", positive],
    [",0", "EUR", positive],
    ["-5", "USD", positive],
    ["-0", "USD", positive],
    ["\u22125", "USD", positive],
    ["- 12,500.50", "USD", positive],
    ["-$12,500", "USD", positive],
    ["$-12,500", "USD", positive],
    ["USD -1", "USD", positive],
    ["-12.345", "USD", positive],
    // more decimals than the currency has
    ["1.5", "JPY", { code: "amount_decimals", params: { currency: "JPY", decimals: 0 } }],
    ["1,5", "KRW", { code: "amount_decimals", params: { currency: "KRW", decimals: 0 } }],
    ["100.0", "CLP", { code: "amount_decimals", params: { currency: "CLP", decimals: 0 } }],
    ["1.234", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    // "12.500" and "1.000" in JPY ask instead (see currency-ambiguity.test.ts); these can only be decimals
    ["1.500", "JPY", { code: "amount_decimals", params: { currency: "JPY", decimals: 0 } }],
    ["12.501", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    ["0.001", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    ["12.345", "EUR", { code: "amount_decimals", params: { currency: "EUR", decimals: 2 } }],
    ["1,2345", "EUR", { code: "amount_decimals", params: { currency: "EUR", decimals: 2 } }],
    ["0,500", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    ["12500,000", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    ["12 500,000", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    ["1.2345", "KWD", { code: "amount_decimals", params: { currency: "KWD", decimals: 3 } }],
    ["0.0001", "BHD", { code: "amount_decimals", params: { currency: "BHD", decimals: 3 } }],
    // misplaced separators
    ["1,23,456", "USD", misplaced("1,23,456")],
    ["12,50,000", "USD", misplaced("12,50,000")],
    ["1,2,3", "USD", misplaced("1,2,3")],
    ["1.2.3", "USD", misplaced("1.2.3")],
    ["12,50.00", "USD", misplaced("12,50.00")],
    ["1,0000", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    ["1,0000,000", "USD", misplaced("1,0000,000")],
    ["1234,567,890", "USD", misplaced("1234,567,890")],
    ["0,123,456", "USD", misplaced("0,123,456")],
    ["1 2345", "USD", misplaced("1 2345")],
    ["1 000.000,5", "USD", misplaced("1 000.000,5")],
    ["1,000 000", "USD", misplaced("1,000 000")],
    ["1'000 000", "CHF", misplaced("1'000 000")],
    ["1.000.000.5,5", "EUR", misplaced("1.000.000.5,5")],
    ["1,234.5.6", "USD", misplaced("1,234.5.6")],
    ["1.5 0", "USD", misplaced("1.5 0")],
    ["123,45,678", "INR", misplaced("123,45,678")],
    ["1,00,0000", "INR", misplaced("1,00,0000")],
    // too large
    ["1000000000000.01", "USD", { code: "amount_too_large", params: { currency: "USD", max: 1_000_000_000_000 } }],
    ["1000000000001", "USD", { code: "amount_too_large", params: { currency: "USD", max: 1_000_000_000_000 } }],
    ["10000000000000", "JPY", { code: "amount_too_large", params: { currency: "JPY", max: 1_000_000_000_000 } }],
    ["1000000000000.001", "KWD", { code: "amount_too_large", params: { currency: "KWD", max: 1_000_000_000_000 } }],
    ["9".repeat(400), "USD", { code: "amount_too_large", params: { currency: "USD", max: 1_000_000_000_000 } }],
    // a code or symbol that contradicts the chosen currency
    ["12,500 EUR", "USD", { code: "amount_other_currency", params: { typed: "EUR", code: "EUR", currency: "USD" } }],
    ["gbp 100", "USD", { code: "amount_other_currency", params: { typed: "gbp", code: "GBP", currency: "USD" } }],
    ["€12,500", "USD", { code: "amount_symbol_mismatch", params: { symbol: "€", currency: "USD" } }],
    ["$12,500", "EUR", { code: "amount_symbol_mismatch", params: { symbol: "$", currency: "EUR" } }],
    ["US$100", "CAD", { code: "amount_symbol_mismatch", params: { symbol: "US$", currency: "CAD" } }],
    ["¥1000", "KRW", { code: "amount_symbol_mismatch", params: { symbol: "¥", currency: "KRW" } }],
  ])("%j in %s: %j", (text, currency, problem) => {
    expect(parseAmount(text, currency)).toEqual({ ok: false, problem });
  });

  it("reports an unknown currency instead of guessing its decimals", () => {
    expect(parseAmount("100", "XXX")).toEqual({
      ok: false,
      problem: { code: "currency_unknown", params: { code: "XXX" } },
    });
    expect(parseAmount("100", "usd").ok).toBe(false);
  });

  it("limits at exactly 1,000,000,000,000 major units", () => {
    expect(MAX_AMOUNT_MAJOR).toBe(1_000_000_000_000);
    expect(parseAmount("1,000,000,000,000", "USD")).toEqual({ ok: true, minor: 100_000_000_000_000 });
    expect(parseAmount("1,000,000,000,000.01", "USD").ok).toBe(false);
  });

  it("does not suffer binary rounding", () => {
    // 0.1 + 0.2 style drift would make these off by one minor unit with float arithmetic.
    expect(parseAmount("1.15", "USD")).toEqual({ ok: true, minor: 115 });
    expect(parseAmount("4.35", "USD")).toEqual({ ok: true, minor: 435 });
    expect(parseAmount("1.005", "KWD")).toEqual({ ok: true, minor: 1005 });
    expect(parseAmount("9007199254.74", "USD")).toEqual({ ok: true, minor: 900719925474 });
    expect(parseAmount("123456789012.34", "USD")).toEqual({ ok: true, minor: 12345678901234 });
  });
});

describe("formatAmount", () => {
  it.each([
    [1250050, "USD", "USD 12,500.50"],
    [1000, "JPY", "JPY 1,000"],
    [1234, "KWD", "KWD 1.234"],
    [0, "USD", "USD 0.00"],
    [1, "USD", "USD 0.01"],
    [10, "USD", "USD 0.10"],
    [100, "USD", "USD 1.00"],
    [99999, "USD", "USD 999.99"],
    [100000, "USD", "USD 1,000.00"],
    [1, "KWD", "KWD 0.001"],
    [0, "KWD", "KWD 0.000"],
    [1000000, "KWD", "KWD 1,000.000"],
    [0, "JPY", "JPY 0"],
    [999, "JPY", "JPY 999"],
    [1000000, "JPY", "JPY 1,000,000"],
    [123456789, "EUR", "EUR 1,234,567.89"],
    [100_000_000_000_000, "USD", "USD 1,000,000,000,000.00"],
    [1_000_000_000_000_000, "KWD", "KWD 1,000,000,000,000.000"],
    [-1250050, "USD", "USD -12,500.50"],
    [-5, "USD", "USD -0.05"],
  ])("formatAmount(%i, %s) is %j", (minor, currency, text) => {
    expect(formatAmount(minor, currency)).toBe(text);
  });

  it("round-trips with parseAmount", () => {
    for (const [minor, currency] of [
      [1250050, "USD"],
      [1000, "JPY"],
      [1234, "KWD"],
      [100_000_000_000_000, "USD"],
    ] as const) {
      expect(parseAmount(formatAmount(minor, currency), currency)).toEqual({ ok: true, minor });
    }
  });

  it("throws a DomainError for an unknown currency", () => {
    expect(() => formatAmount(100, "XXX")).toThrow(DomainError);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    "refuses %d minor units, which is not a safe integer",
    (minor) => {
      expect(() => formatAmount(minor, "USD")).toThrow(RangeError);
    },
  );
});
