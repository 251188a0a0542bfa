import { describe, expect, it } from "vitest";
import { convertMinor, parseRate, RateBook } from "../../../src/domain/leaderboard/conversion";
import { isDomainError } from "../../../src/domain/shared/domain-error";

describe("convertMinor", () => {
  it("converts between 0, 2 and 3 decimal currencies exactly", () => {
    expect(convertMinor(1_000_000n, "EUR", "USD", "1.08")).toBe(1_080_000n); // EUR 10,000.00 → USD 10,800.00
    expect(convertMinor(150_000n, "JPY", "USD", "0.0067")).toBe(100_500n); // JPY 150,000 → USD 1,005.00
    expect(convertMinor(1_000n, "KWD", "USD", "3.25")).toBe(325n); // KWD 1.000 → USD 3.25
    expect(convertMinor(100n, "USD", "KWD", "0.307")).toBe(307n); // USD 1.00 → KWD 0.307
    expect(convertMinor(100n, "USD", "JPY", "149.5")).toBe(150n); // USD 1.00 → JPY 149.5, rounded half up
    expect(convertMinor(1_234n, "KWD", "JPY", "480")).toBe(592n); // KWD 1.234 → JPY 592.32
  });

  it("rounds half away from zero and leaves the reporting currency untouched", () => {
    expect(convertMinor(1n, "EUR", "USD", "1.5")).toBe(2n);
    expect(convertMinor(1n, "EUR", "USD", "1.49")).toBe(1n);
    expect(convertMinor(-1n, "EUR", "USD", "1.5")).toBe(-2n);
    expect(convertMinor(12_345n, "USD", "USD", "7")).toBe(12_345n);
  });

  it("stays exact beyond what a double can hold", () => {
    expect(convertMinor(9_007_199_254_740_993n, "EUR", "USD", "1")).toBe(9_007_199_254_740_993n);
  });
});

describe("parseRate", () => {
  it("normalizes what people type", () => {
    expect(parseRate("1.08")).toBe("1.08");
    expect(parseRate(" 1,0800 ")).toBe("1.08");
    expect(parseRate("0.0067")).toBe("0.0067");
    expect(parseRate(".5")).toBe("0.5");
    expect(parseRate("007")).toBe("7");
  });

  it("refuses zero, negatives, words and absurd values", () => {
    for (const text of ["0", "0.000", "-1", "abc", "", "1.2.3", "1.12345678901", "12345678"]) {
      let code = "accepted";
      try {
        parseRate(text);
      } catch (error) {
        if (isDomainError(error)) code = error.code;
      }
      expect(code, text).toBe("exchange_rate_invalid");
    }
  });
});

describe("RateBook", () => {
  const book = new RateBook(
    "USD",
    [
      { currency: "EUR", rate: "1.10", validFrom: "2026-03-01" },
      { currency: "EUR", rate: "1.05", validFrom: "2026-01-01" },
      { currency: "JPY", rate: "0.0067", validFrom: "2026-02-15" },
    ],
    "Europe/Berlin",
  );

  it("uses the rate valid on the deal's local day, from local midnight until the next rate", () => {
    expect(book.rateAt("EUR", new Date("2026-02-28T22:59:59Z"))).toBe("1.05");
    expect(book.rateAt("EUR", new Date("2026-02-28T23:00:00Z"))).toBe("1.10"); // midnight in Berlin
    expect(book.convert(100_00n, "EUR", new Date("2026-01-10T12:00:00Z"))).toBe(105_00n);
    expect(book.rateAt("USD", new Date("2020-01-01T00:00:00Z"))).toBe("1");
  });

  it("prices nothing when no rate covers the day, rather than zero", () => {
    expect(book.convert(100_00n, "EUR", new Date("2025-12-31T12:00:00Z"))).toBeNull();
    expect(book.convert(100n, "GBP", new Date("2026-06-01T00:00:00Z"))).toBeNull();
  });

  it("lists, per currency, the instants its rate changes inside a period", () => {
    const iso = (changes: Map<string, Date[]>) =>
      Object.fromEntries([...changes].map(([currency, dates]) => [currency, dates.map((d) => d.toISOString())]));
    const changes = book.changesWithin(new Date("2026-01-31T23:00:00Z"), new Date("2026-03-31T22:00:00Z"));
    expect(iso(changes)).toEqual({ EUR: ["2026-02-28T23:00:00.000Z"], JPY: ["2026-02-14T23:00:00.000Z"] });
    expect(iso(book.changesWithin(null, new Date("2026-02-01T00:00:00Z")))).toEqual({
      EUR: ["2025-12-31T23:00:00.000Z"],
    });
    expect(book.changesWithin(new Date("2026-02-28T23:00:00Z"), new Date("2026-04-01T00:00:00Z")).size).toBe(0);
  });
});
