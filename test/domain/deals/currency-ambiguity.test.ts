import { describe, expect, it } from "vitest";
import { CURRENCIES, parseAmount } from "../../../src/domain/deals/currency";

function ambiguous(text: string, thousands: string, decimal: string, currency: string) {
  return { ok: false, problem: { code: "amount_ambiguous", params: { text, thousands, decimal, currency } } };
}

describe("parseAmount asks when a lone dot could group thousands or mark decimals", () => {
  it.each([
    // two decimals
    ["7.000", "EUR", "7,000.00", "7.00"],
    ["7.000", "USD", "7,000.00", "7.00"],
    ["12.500", "USD", "12,500.00", "12.50"],
    ["7.250", "EUR", "7,250.00", "7.25"],
    ["999.990", "GBP", "999,990.00", "999.99"],
    ["1.000", "CHF", "1,000.00", "1.00"],
    ["100.000", "HUF", "100,000.00", "100.00"],
    // no decimals: only "x.000" reads as a whole number of yen
    ["1.000", "JPY", "1,000", "1"],
    ["250.000", "KRW", "250,000", "250"],
    ["5.000", "CLP", "5,000", "5"],
  ])("%j in %s: %s or %s", (text, currency, thousands, decimal) => {
    expect(parseAmount(text, currency)).toEqual(ambiguous(text, thousands, decimal, currency));
  });

  it("quotes what was typed, symbol and code included", () => {
    expect(parseAmount(" €7.000 ", "EUR")).toEqual(ambiguous("€7.000", "7,000.00", "7.00", "EUR"));
    expect(parseAmount("7.000 EUR", "EUR")).toEqual(ambiguous("7.000 EUR", "7,000.00", "7.00", "EUR"));
    expect(parseAmount("$ 12.500", "USD")).toEqual(ambiguous("$ 12.500", "12,500.00", "12.50", "USD"));
    expect(parseAmount("+7.000", "EUR")).toEqual(ambiguous("+7.000", "7,000.00", "7.00", "EUR"));
  });

  it.each([
    // three-decimal currencies read the dot as decimal, as always
    ["7.000", "KWD", 7000],
    ["1.234", "KWD", 1234],
    ["12.500", "BHD", 12500],
    ["7.000", "TND", 7000],
    // every form accepted before is still accepted: both separators, a lone comma, groups of three
    ["7,000", "EUR", 700000],
    ["7,000", "USD", 700000],
    ["7,000", "JPY", 7000],
    ["7.000,00", "EUR", 700000],
    ["7,000.00", "USD", 700000],
    ["7.000.000", "EUR", 700000000],
    ["7 000", "EUR", 700000],
    ["7.00", "EUR", 700],
    ["7.0", "EUR", 700],
    ["7.5", "USD", 750],
    ["1000.000", "KWD", 1000000],
  ])("%j in %s is still %i minor units", (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    // the decimal reading doesn't fit the currency: the decimals error says so, as before
    ["1.234", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    ["7.001", "EUR", { code: "amount_decimals", params: { currency: "EUR", decimals: 2 } }],
    ["1.500", "JPY", { code: "amount_decimals", params: { currency: "JPY", decimals: 0 } }],
    // the thousands reading is not well formed
    ["0.500", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    ["1000.000", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    ["12 500.000", "USD", { code: "amount_decimals", params: { currency: "USD", decimals: 2 } }],
    [".000", "EUR", { code: "amount_decimals", params: { currency: "EUR", decimals: 2 } }],
    ["0.000", "EUR", { code: "amount_decimals", params: { currency: "EUR", decimals: 2 } }],
    // a negative amount is refused for that, whichever the reading
    ["-7.000", "EUR", { code: "amount_not_positive" }],
    // a contradicting symbol is reported first
    ["$7.000", "EUR", { code: "amount_symbol_mismatch", params: { symbol: "$", currency: "EUR" } }],
  ])("%j in %s is refused for another reason", (text, currency, problem) => {
    expect(parseAmount(text, currency)).toEqual({ ok: false, problem });
  });

  it("asks for every currency with fewer than three decimals, and none with three", () => {
    for (const { code, minorUnits } of CURRENCIES) {
      const result = parseAmount("7.000", code);
      if (minorUnits < 3) expect(result, code).toMatchObject({ ok: false, problem: { code: "amount_ambiguous" } });
      else expect(result, code).toEqual({ ok: true, minor: 7000 });
    }
  });

  it("offers two readings that parse back to different amounts without asking again", () => {
    for (const [text, currency] of [
      ["7.000", "EUR"],
      ["1.000", "JPY"],
      ["12.500", "USD"],
    ] as const) {
      const result = parseAmount(text, currency);
      if (result.ok || result.problem.code !== "amount_ambiguous") throw new Error(`${text} did not ask`);
      const { thousands, decimal } = result.problem.params;
      const big = parseAmount(thousands, currency);
      const small = parseAmount(decimal, currency);
      expect(big.ok && small.ok).toBe(true);
      if (big.ok && small.ok) expect(big.minor).toBe(small.minor * 1000);
    }
  });
});
