import { describe, expect, it } from "vitest";
import { type DealDraft, type DealField, type DealProblems, validateDeal } from "../../../src/domain/deals/deal-input";
import type { Problem } from "../../../src/domain/shared/domain-error";

const CONTEXT = { today: "2026-03-15", defaultCurrency: "USD" };

const VALID: DealDraft = {
  partnerId: "7",
  customerName: "ACME, Inc.",
  customerDomain: "https://www.acme.com",
  product: "Analytics Suite",
  amount: "12,500.50",
  currency: "USD",
  stage: "qualified",
  expectedClose: "2026-06-30",
  region: "EMEA",
  notes: "Met the CFO.\nFollow-up next week.",
};

function errorsOf(draft: DealDraft, context = CONTEXT): DealProblems {
  const result = validateDeal(draft, context);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.deal)}`);
  return result.errors;
}

function dealOf(draft: DealDraft, context = CONTEXT) {
  const result = validateDeal(draft, context);
  if (!result.ok) throw new Error(`expected a deal, got ${JSON.stringify(result.errors)}`);
  return result.deal;
}

describe("validateDeal with valid input", () => {
  it("returns the cleaned deal", () => {
    expect(validateDeal(VALID, CONTEXT)).toEqual({
      ok: true,
      deal: {
        customerName: "ACME, Inc.",
        customer: { domain: "acme.com", nameKey: "acme" },
        product: "Analytics Suite",
        amountMinor: 1250050,
        currency: "USD",
        stage: "qualified",
        expectedCloseOn: new Date("2026-06-30T00:00:00.000Z"),
        region: "EMEA",
        notes: "Met the CFO.\nFollow-up next week.",
      },
    });
  });

  it("needs only a customer name, a product and an amount", () => {
    expect(dealOf({ customerName: "Globex", product: "Support", amount: "1000" })).toEqual({
      customerName: "Globex",
      customer: { domain: null, nameKey: "globex" },
      product: "Support",
      amountMinor: 100000,
      currency: "USD",
      stage: "prospecting",
      expectedCloseOn: null,
      region: null,
      notes: null,
    });
  });

  it("treats empty and whitespace-only optional fields as missing", () => {
    const deal = dealOf({
      ...VALID,
      customerDomain: "  ",
      currency: " ",
      stage: "",
      expectedClose: " ",
      region: "   ",
      notes: " \n ",
    });
    expect(deal.customer.domain).toBeNull();
    expect(deal.currency).toBe("USD");
    expect(deal.stage).toBe("prospecting");
    expect(deal.expectedCloseOn).toBeNull();
    expect(deal.region).toBeNull();
    expect(deal.notes).toBeNull();
  });

  it("treats null optional fields as missing", () => {
    const deal = dealOf({
      ...VALID,
      customerDomain: null,
      currency: null,
      stage: null,
      expectedClose: null,
      region: null,
      notes: null,
    });
    expect(deal).toMatchObject({
      currency: "USD",
      stage: "prospecting",
      expectedCloseOn: null,
      region: null,
      notes: null,
    });
    expect(deal.customer.domain).toBeNull();
  });

  it("collapses runs of spaces in one-line fields and keeps line breaks in notes", () => {
    const deal = dealOf({
      ...VALID,
      customerName: "  Acme \t  Widgets   GmbH ",
      product: " Analytics \n Suite ",
      region: "  North   America ",
      notes: "  Line one\n\nLine  two  ",
    });
    expect(deal.customerName).toBe("Acme Widgets GmbH");
    expect(deal.customer.nameKey).toBe("acme widgets");
    expect(deal.product).toBe("Analytics Suite");
    expect(deal.region).toBe("North America");
    expect(deal.notes).toBe("Line one\n\nLine  two");
  });

  it("uses the workspace's default currency", () => {
    const deal = dealOf({ ...VALID, currency: undefined, amount: "1.234" }, { ...CONTEXT, defaultCurrency: "KWD" });
    expect(deal).toMatchObject({ currency: "KWD", amountMinor: 1234 });
  });

  it.each([
    ["eur", "EUR"],
    [" JPY ", "JPY"],
  ])("accepts currency %j as %s", (currency, expected) => {
    expect(dealOf({ ...VALID, currency, amount: "1,000" }).currency).toBe(expected);
  });

  it("parses the amount in the chosen currency", () => {
    expect(dealOf({ ...VALID, currency: "EUR", amount: "12.500,50" }).amountMinor).toBe(1250050);
    expect(dealOf({ ...VALID, currency: "JPY", amount: "1,000" }).amountMinor).toBe(1000);
  });

  it.each(["prospecting", "qualified", "proposal", "negotiation", "Proposal", " NEGOTIATION "])(
    "accepts open stage %j",
    (stage) => {
      expect(dealOf({ ...VALID, stage }).stage).toBe(stage.trim().toLowerCase());
    },
  );

  it.each([
    ["today", "2026-03-15", "2026-03-15T00:00:00.000Z"],
    ["tomorrow", "2026-03-16", "2026-03-16T00:00:00.000Z"],
    ["five years from today", "2031-03-15", "2031-03-15T00:00:00.000Z"],
    ["29 February of a leap year", "2028-02-29", "2028-02-29T00:00:00.000Z"],
    ["31 December", "2026-12-31", "2026-12-31T00:00:00.000Z"],
  ])("accepts an expected close date of %s", (_case, expectedClose, iso) => {
    expect(dealOf({ ...VALID, expectedClose }).expectedCloseOn?.toISOString()).toBe(iso);
  });

  it("accepts boundary lengths", () => {
    const deal = dealOf({
      ...VALID,
      customerName: "AB",
      product: "p".repeat(120),
      region: "r".repeat(40),
      notes: "n".repeat(2000),
    });
    expect(deal.customerName).toBe("AB");
    expect(deal.product).toHaveLength(120);
    expect(deal.region).toHaveLength(40);
    expect(deal.notes).toHaveLength(2000);
    expect(dealOf({ ...VALID, customerName: "c".repeat(120), product: "XY" }).customerName).toHaveLength(120);
  });

  it("ignores partnerId: who may register for whom is checked elsewhere", () => {
    expect(validateDeal({ ...VALID, partnerId: "not a number" }, CONTEXT).ok).toBe(true);
  });
});

describe("validateDeal errors", () => {
  it.each<[string, DealDraft, DealField, Problem]>([
    ["missing customer name", { customerName: undefined }, "customerName", { code: "customer_name_missing" }],
    ["blank customer name", { customerName: "   " }, "customerName", { code: "customer_name_missing" }],
    [
      "one-letter customer name",
      { customerName: " A " },
      "customerName",
      { code: "customer_name_too_short", params: { min: 2 } },
    ],
    [
      "customer name of 121 characters",
      { customerName: "c".repeat(121) },
      "customerName",
      { code: "deal_field_too_long", params: { field: "customerName", max: 120 } },
    ],
    ["customer name without letters", { customerName: "!!!" }, "customerName", { code: "customer_name_no_letters" }],
    [
      "invalid domain",
      { customerDomain: "acme" },
      "customerDomain",
      { code: "customer_domain_invalid", params: { shown: "acme", foreignCharacters: false } },
    ],
    ["missing product", { product: null }, "product", { code: "product_missing" }],
    ["one-letter product", { product: "X" }, "product", { code: "product_too_short", params: { min: 2 } }],
    [
      "product of 121 characters",
      { product: "p".repeat(121) },
      "product",
      { code: "deal_field_too_long", params: { field: "product", max: 120 } },
    ],
    ["missing amount", { amount: undefined }, "amount", { code: "amount_missing" }],
    ["blank amount", { amount: "  " }, "amount", { code: "amount_missing" }],
    [
      "amount that is not a number",
      { amount: "lots" },
      "amount",
      { code: "amount_not_a_number", params: { decimals: 2 } },
    ],
    ["zero amount", { amount: "0" }, "amount", { code: "amount_not_positive" }],
    ["negative amount", { amount: "-100" }, "amount", { code: "amount_not_positive" }],
    [
      "too many decimals",
      { amount: "1.234" },
      "amount",
      { code: "amount_decimals", params: { currency: "USD", decimals: 2 } },
    ],
    [
      "decimals in yen",
      { amount: "1.5", currency: "JPY" },
      "amount",
      { code: "amount_decimals", params: { currency: "JPY", decimals: 0 } },
    ],
    [
      "misplaced separators",
      { amount: "1,23,456" },
      "amount",
      { code: "amount_separators", params: { text: "1,23,456" } },
    ],
    [
      "amount too large",
      { amount: "2,000,000,000,000" },
      "amount",
      { code: "amount_too_large", params: { currency: "USD", max: 1_000_000_000_000 } },
    ],
    ["unknown currency", { currency: "XYZ" }, "currency", { code: "currency_unknown", params: { code: "XYZ" } }],
    ["unknown stage", { stage: "closed" }, "stage", { code: "stage_invalid" }],
    ["won stage", { stage: "won" }, "stage", { code: "stage_not_open" }],
    ["lost stage", { stage: "Lost" }, "stage", { code: "stage_not_open" }],
    ["date in another format", { expectedClose: "30/06/2026" }, "expectedClose", { code: "close_date_format" }],
    ["date without zero padding", { expectedClose: "2026-6-30" }, "expectedClose", { code: "close_date_format" }],
    ["date with a time", { expectedClose: "2026-06-30T00:00" }, "expectedClose", { code: "close_date_format" }],
    [
      "30 February",
      { expectedClose: "2026-02-30" },
      "expectedClose",
      { code: "close_date_invalid", params: { date: "2026-02-30" } },
    ],
    [
      "29 February of a common year",
      { expectedClose: "2027-02-29" },
      "expectedClose",
      { code: "close_date_invalid", params: { date: "2027-02-29" } },
    ],
    [
      "29 February 2100",
      { expectedClose: "2100-02-29" },
      "expectedClose",
      { code: "close_date_invalid", params: { date: "2100-02-29" } },
    ],
    [
      "31 April",
      { expectedClose: "2026-04-31" },
      "expectedClose",
      { code: "close_date_invalid", params: { date: "2026-04-31" } },
    ],
    [
      "month 13",
      { expectedClose: "2026-13-01" },
      "expectedClose",
      { code: "close_date_invalid", params: { date: "2026-13-01" } },
    ],
    [
      "month 00",
      { expectedClose: "2026-00-10" },
      "expectedClose",
      { code: "close_date_invalid", params: { date: "2026-00-10" } },
    ],
    [
      "day 00",
      { expectedClose: "2026-05-00" },
      "expectedClose",
      { code: "close_date_invalid", params: { date: "2026-05-00" } },
    ],
    ["yesterday", { expectedClose: "2026-03-14" }, "expectedClose", { code: "close_date_past" }],
    ["last year", { expectedClose: "2025-12-31" }, "expectedClose", { code: "close_date_past" }],
    [
      "five years and a day from today",
      { expectedClose: "2031-03-16" },
      "expectedClose",
      { code: "close_date_too_far", params: { years: 5, latest: "2031-03-15" } },
    ],
    [
      "far in the future",
      { expectedClose: "9999-12-31" },
      "expectedClose",
      { code: "close_date_too_far", params: { years: 5, latest: "2031-03-15" } },
    ],
    [
      "region of 41 characters",
      { region: "r".repeat(41) },
      "region",
      { code: "deal_field_too_long", params: { field: "region", max: 40 } },
    ],
    [
      "notes of 2001 characters",
      { notes: "n".repeat(2001) },
      "notes",
      { code: "deal_field_too_long", params: { field: "notes", max: 2000 } },
    ],
  ])("%s", (_case, change, field, problem) => {
    expect(errorsOf({ ...VALID, ...change })).toEqual({ [field]: problem });
  });

  it("reports every field at once", () => {
    expect(
      errorsOf({
        customerName: "",
        customerDomain: "not a domain",
        product: "",
        amount: "abc",
        currency: "EUR",
        stage: "won",
        expectedClose: "2026-02-30",
        region: "r".repeat(41),
        notes: "n".repeat(2001),
      }),
    ).toEqual({
      customerName: { code: "customer_name_missing" },
      customerDomain: { code: "customer_domain_invalid", params: { shown: "not a domain", foreignCharacters: false } },
      product: { code: "product_missing" },
      amount: { code: "amount_not_a_number", params: { decimals: 2 } },
      stage: { code: "stage_not_open" },
      expectedClose: { code: "close_date_invalid", params: { date: "2026-02-30" } },
      region: { code: "deal_field_too_long", params: { field: "region", max: 40 } },
      notes: { code: "deal_field_too_long", params: { field: "notes", max: 2000 } },
    });
  });

  it("reports only the currency when the currency is wrong, not an amount parsed in it", () => {
    expect(errorsOf({ ...VALID, currency: "ABC", amount: "nonsense" })).toEqual({
      currency: { code: "currency_unknown", params: { code: "ABC" } },
    });
  });

  it("reports a bad default currency on the currency field", () => {
    expect(errorsOf({ ...VALID, currency: "" }, { ...CONTEXT, defaultCurrency: "EURO" })).toEqual({
      currency: { code: "currency_unknown", params: { code: "EURO" } },
    });
  });

  it("counts the length of names after collapsing spaces", () => {
    expect(validateDeal({ ...VALID, customerName: `  ${"a".repeat(60)}     ${"b".repeat(59)}  ` }, CONTEXT).ok).toBe(
      true,
    );
  });
});

describe("validateDeal expected close limit", () => {
  it.each([
    ["2024-02-29", "2029-02-28", "2029-03-01"],
    ["2026-03-15", "2031-03-15", "2031-03-16"],
    ["2026-12-31", "2031-12-31", "2032-01-01"],
    ["2027-02-28", "2032-02-28", "2032-02-29"],
    ["2028-01-01", "2033-01-01", "2033-01-02"],
  ])("from %s the last allowed date is %s", (today, last, tooLate) => {
    const context = { ...CONTEXT, today };
    expect(validateDeal({ ...VALID, expectedClose: last }, context).ok).toBe(true);
    expect(errorsOf({ ...VALID, expectedClose: tooLate }, context)).toEqual({
      expectedClose: { code: "close_date_too_far", params: { years: 5, latest: last } },
    });
  });

  it("compares against the workspace's today, not the machine's clock", () => {
    const context = { ...CONTEXT, today: "2030-01-01" };
    expect(errorsOf({ ...VALID, expectedClose: "2029-12-31" }, context)).toEqual({
      expectedClose: { code: "close_date_past" },
    });
    expect(dealOf({ ...VALID, expectedClose: "2030-01-01" }, context).expectedCloseOn?.toISOString()).toBe(
      "2030-01-01T00:00:00.000Z",
    );
  });

  it("applies the 400-year leap rule", () => {
    const context = { ...CONTEXT, today: "2399-06-01" };
    expect(dealOf({ ...VALID, expectedClose: "2400-02-29" }, context).expectedCloseOn?.toISOString()).toBe(
      "2400-02-29T00:00:00.000Z",
    );
  });

  it.each(["", "2026-02-30", "15/03/2026", "2026-3-15"])("throws when today is not a date (%j)", (today) => {
    expect(() => validateDeal(VALID, { ...CONTEXT, today })).toThrow(RangeError);
  });
});
