import { describe, expect, it } from "vitest";
import { MAX_SEARCH_TERMS, searchTerms } from "../../../src/domain/practices/search-terms";

describe("searchTerms", () => {
  it("lower-cases and splits on anything that is not a letter or digit", () => {
    expect(searchTerms("Pricing OBJECTIONS, in-market/EMEA")).toEqual([
      "pricing",
      "objections",
      "in",
      "market",
      "emea",
    ]);
  });

  it("folds accents", () => {
    expect(searchTerms("Café Société")).toEqual(["cafe", "societe"]);
  });

  it("drops one-character words and repeats", () => {
    expect(searchTerms("a pricing b Pricing PRICING c q4")).toEqual(["pricing", "q4"]);
  });

  it("passes no search operator, quote or wildcard through", () => {
    expect(searchTerms(`"renewal" OR price* -discount NEAR(a b) title:deal`)).toEqual([
      "renewal",
      "or",
      "price",
      "discount",
      "near",
      "title",
      "deal",
    ]);
    expect(searchTerms("renewal & price | !discount <-> deal:*")).toEqual(["renewal", "price", "discount", "deal"]);
  });

  it("keeps at most the first eight distinct terms", () => {
    const words = "one two three four five six seven eight nine ten";
    expect(searchTerms(words)).toEqual(["one", "two", "three", "four", "five", "six", "seven", "eight"]);
    expect(searchTerms(words)).toHaveLength(MAX_SEARCH_TERMS);
  });

  it("is empty for nothing to search", () => {
    expect(searchTerms("")).toEqual([]);
    expect(searchTerms("  ?! a - b ")).toEqual([]);
  });

  it("keeps letters of any script and digits", () => {
    expect(searchTerms("München 2026 東京")).toEqual(["munchen", "2026", "東京"]);
  });
});
