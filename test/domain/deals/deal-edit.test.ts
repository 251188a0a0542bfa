import { describe, expect, it } from "vitest";
import { type EditableDeal, validateDealEdit } from "../../../src/domain/deals/deal-edit";
import { STAGES, type Stage } from "../../../src/domain/deals/stages";

const TODAY = "2026-03-15";
const ctx = { today: TODAY };

const DEAL: EditableDeal = {
  amountMinor: 700_000,
  currency: "EUR",
  expectedCloseOn: new Date("2026-06-30T00:00:00Z"),
  product: "Robot arms",
  notes: "Three sites.",
  stage: "proposal",
};

/** The modal as it opens: every field prefilled with what the deal holds now. */
const PREFILLED = {
  amount: "7,000.00",
  currency: "EUR",
  expectedClose: "2026-06-30",
  product: "Robot arms",
  notes: "Three sites.",
  stage: "proposal",
};

const deal = (overrides: Partial<EditableDeal> = {}): EditableDeal => ({ ...DEAL, ...overrides });

describe("validateDealEdit: nothing changed", () => {
  it.each([
    ["the modal as it opened", PREFILLED],
    ["nothing submitted", {}],
    ["the amount typed another way", { ...PREFILLED, amount: "7000" }],
    ["the amount with its code", { ...PREFILLED, amount: "EUR 7.000,00" }],
    ["the currency in lower case", { ...PREFILLED, currency: "eur" }],
    ["an empty currency (keeps the deal's)", { ...PREFILLED, currency: "" }],
    ["extra spaces in the product", { ...PREFILLED, product: "  Robot   arms " }],
    ["spaces around the notes", { ...PREFILLED, notes: "  Three sites.\n" }],
    ["the stage label", { ...PREFILLED, stage: "Proposal" }],
    ["no stage", { ...PREFILLED, stage: "" }],
    ["a null stage", { ...PREFILLED, stage: null }],
  ])("%s: ok with no changes", (_case, draft) => {
    expect(validateDealEdit(DEAL, draft, ctx)).toEqual({ ok: true, patch: {}, changes: [] });
  });

  it("doesn't re-check a close date that stays as it is, even one far in the past", () => {
    const old = deal({ expectedCloseOn: new Date("2019-01-01T00:00:00Z") });
    expect(validateDealEdit(old, { ...PREFILLED, expectedClose: "2019-01-01" }, ctx)).toEqual({
      ok: true,
      patch: {},
      changes: [],
    });
  });

  it("leaves empty notes and an empty close date alone", () => {
    const bare = deal({ notes: null, expectedCloseOn: null });
    expect(validateDealEdit(bare, { ...PREFILLED, notes: "  ", expectedClose: "" }, ctx)).toEqual({
      ok: true,
      patch: {},
      changes: [],
    });
    expect(validateDealEdit(bare, { notes: null, expectedClose: null }, ctx)).toEqual({
      ok: true,
      patch: {},
      changes: [],
    });
  });
});

describe("validateDealEdit: fields", () => {
  it("changes the amount", () => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, amount: "8,250.00" }, ctx)).toEqual({
      ok: true,
      patch: { amountMinor: 825_000 },
      changes: [{ field: "amount", from: 700_000, to: 825_000 }],
    });
  });

  it("changes the currency with the amount typed for it", () => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, currency: "JPY", amount: "1,000,000" }, ctx)).toEqual({
      ok: true,
      patch: { amountMinor: 1_000_000, currency: "JPY" },
      changes: [
        { field: "amount", from: 700_000, to: 1_000_000 },
        { field: "currency", from: "EUR", to: "JPY" },
      ],
    });
  });

  it("changes only the currency when the number means the same minor units", () => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, currency: "usd" }, ctx)).toEqual({
      ok: true,
      patch: { currency: "USD" },
      changes: [{ field: "currency", from: "EUR", to: "USD" }],
    });
  });

  it("keeps the number as shown when only the currency is submitted", () => {
    expect(validateDealEdit(DEAL, { currency: "KWD" }, ctx)).toEqual({
      ok: true,
      patch: { amountMinor: 7_000_000, currency: "KWD" },
      changes: [
        { field: "amount", from: 700_000, to: 7_000_000 },
        { field: "currency", from: "EUR", to: "KWD" },
      ],
    });
    // EUR 7,000.50 can't be yen: the amount is flagged for the person to fix.
    expect(validateDealEdit(deal({ amountMinor: 700_050 }), { currency: "JPY" }, ctx)).toEqual({
      ok: false,
      errors: { amount: { code: "amount_decimals", params: { currency: "JPY", decimals: 0 } } },
    });
  });

  it("checks the amount against the new currency", () => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, currency: "JPY" }, ctx)).toEqual({
      ok: false,
      errors: { amount: { code: "amount_decimals", params: { currency: "JPY", decimals: 0 } } },
    });
  });

  it.each([
    ["", { code: "amount_missing" }],
    [null, { code: "amount_missing" }],
    ["lots", { code: "amount_not_a_number", params: { decimals: 2 } }],
    ["0", { code: "amount_not_positive" }],
    ["-5", { code: "amount_not_positive" }],
    ["1.234", { code: "amount_decimals", params: { currency: "EUR", decimals: 2 } }],
    [
      "8.000",
      { code: "amount_ambiguous", params: { text: "8.000", thousands: "8,000.00", decimal: "8.00", currency: "EUR" } },
    ],
    ["$8,000", { code: "amount_symbol_mismatch", params: { symbol: "$", currency: "EUR" } }],
  ])("refuses the amount %j like registration does", (amount, problem) => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, amount }, ctx)).toEqual({ ok: false, errors: { amount: problem } });
  });

  it("refuses an unknown currency without judging the amount", () => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, currency: "XXX", amount: "lots" }, ctx)).toEqual({
      ok: false,
      errors: { currency: { code: "currency_unknown", params: { code: "XXX" } } },
    });
  });

  it.each([
    ["a later date", "2026-09-30", "2026-09-30"],
    ["today", TODAY, TODAY],
    ["yesterday: a deal may have slipped", "2026-03-14", "2026-03-14"],
    ["long ago", "2020-02-29", "2020-02-29"],
    ["five years ahead", "2031-03-15", "2031-03-15"],
    ["with spaces", " 2026-07-01 ", "2026-07-01"],
  ])("changes the close date to %s", (_case, typed, stored) => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, expectedClose: typed }, ctx)).toEqual({
      ok: true,
      patch: { expectedCloseOn: new Date(`${stored}T00:00:00Z`) },
      changes: [{ field: "expectedCloseOn", from: "2026-06-30", to: stored }],
    });
  });

  it("clears the close date", () => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, expectedClose: "" }, ctx)).toEqual({
      ok: true,
      patch: { expectedCloseOn: null },
      changes: [{ field: "expectedCloseOn", from: "2026-06-30", to: null }],
    });
    expect(validateDealEdit(deal({ expectedCloseOn: null }), { expectedClose: "2026-04-01" }, ctx)).toEqual({
      ok: true,
      patch: { expectedCloseOn: new Date("2026-04-01T00:00:00Z") },
      changes: [{ field: "expectedCloseOn", from: null, to: "2026-04-01" }],
    });
  });

  it.each([
    ["30/06/2026", { code: "close_date_format" }],
    ["2026-02-30", { code: "close_date_invalid", params: { date: "2026-02-30" } }],
    ["2031-03-16", { code: "close_date_too_far", params: { years: 5, latest: "2031-03-15" } }],
  ])("refuses the close date %j", (expectedClose, problem) => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, expectedClose }, ctx)).toEqual({
      ok: false,
      errors: { expectedClose: problem },
    });
  });

  it("changes product and notes, and clears notes", () => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, product: "Robot arms, 2 lines", notes: "" }, ctx)).toEqual({
      ok: true,
      patch: { product: "Robot arms, 2 lines", notes: null },
      changes: [
        { field: "product", from: "Robot arms", to: "Robot arms, 2 lines" },
        { field: "notes", from: "Three sites.", to: null },
      ],
    });
    expect(validateDealEdit(deal({ notes: null }), { notes: " Line 1\nLine 2 " }, ctx)).toEqual({
      ok: true,
      patch: { notes: "Line 1\nLine 2" },
      changes: [{ field: "notes", from: null, to: "Line 1\nLine 2" }],
    });
  });

  it.each([
    ["", { code: "product_missing" }],
    [null, { code: "product_missing" }],
    ["X", { code: "product_too_short", params: { min: 2 } }],
    ["p".repeat(121), { code: "deal_field_too_long", params: { field: "product", max: 120 } }],
  ])("refuses the product %j", (product, problem) => {
    expect(validateDealEdit(DEAL, { ...PREFILLED, product }, ctx)).toEqual({ ok: false, errors: { product: problem } });
  });

  it("accepts 2000 characters of notes and refuses 2001", () => {
    expect(validateDealEdit(DEAL, { notes: "n".repeat(2000) }, ctx).ok).toBe(true);
    expect(validateDealEdit(DEAL, { notes: "n".repeat(2001) }, ctx)).toEqual({
      ok: false,
      errors: { notes: { code: "deal_field_too_long", params: { field: "notes", max: 2000 } } },
    });
  });

  it("flags every bad field at once and changes nothing", () => {
    const result = validateDealEdit(
      DEAL,
      { amount: "", currency: "EUR", expectedClose: "soon", product: "", notes: "n".repeat(2001), stage: "closed" },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.errors).sort()).toEqual(["amount", "expectedClose", "notes", "product", "stage"]);
  });

  it("lists changes in a fixed order: amount, currency, close date, product, notes, stage", () => {
    const result = validateDealEdit(
      DEAL,
      { stage: "negotiation", notes: "", product: "Arms", expectedClose: "", currency: "USD", amount: "9,000" },
      ctx,
    );
    expect(result.ok && result.changes.map((c) => c.field)).toEqual([
      "amount",
      "currency",
      "expectedCloseOn",
      "product",
      "notes",
      "stage",
    ]);
  });
});

describe("validateDealEdit: stage", () => {
  const open: Stage[] = ["prospecting", "qualified", "proposal", "negotiation"];

  it.each(open.flatMap((from) => open.filter((to) => to !== from).map((to) => [from, to])))(
    "moves an open deal from %s to %s, back or forward",
    (from, to) => {
      expect(validateDealEdit(deal({ stage: from }), { stage: to }, ctx)).toEqual({
        ok: true,
        patch: { stage: to },
        changes: [{ field: "stage", from, to }],
      });
    },
  );

  it.each(open)("wins a deal from %s: the service stamps when", (from) => {
    expect(validateDealEdit(deal({ stage: from }), { stage: "won" }, ctx)).toEqual({
      ok: true,
      patch: { stage: "won", closedAt: "now" },
      changes: [{ field: "stage", from, to: "won" }],
    });
  });

  it.each(open)("reopens a won deal at %s", (to) => {
    expect(validateDealEdit(deal({ stage: "won" }), { stage: to }, ctx)).toEqual({
      ok: true,
      patch: { stage: to, closedAt: null, lostReason: null },
      changes: [{ field: "stage", from: "won", to }],
    });
  });

  it.each(open)("reopens a lost deal at %s, forgetting why it was lost", (to) => {
    expect(validateDealEdit(deal({ stage: "lost" }), { stage: to }, ctx)).toEqual({
      ok: true,
      patch: { stage: to, closedAt: null, lostReason: null },
      changes: [{ field: "stage", from: "lost", to }],
    });
  });

  it("turns a lost deal into a won one", () => {
    expect(validateDealEdit(deal({ stage: "lost" }), { stage: "won" }, ctx)).toEqual({
      ok: true,
      patch: { stage: "won", closedAt: "now", lostReason: null },
      changes: [{ field: "stage", from: "lost", to: "won" }],
    });
  });

  it.each([...open, "won" as const])("refuses to lose a %s deal here: Mark lost asks why", (from) => {
    expect(validateDealEdit(deal({ stage: from }), { stage: "lost" }, ctx)).toEqual({
      ok: false,
      errors: { stage: { code: "lost_reason_missing" } },
    });
    expect(validateDealEdit(deal({ stage: from }), { stage: " LOST " }, ctx).ok).toBe(false);
  });

  it("lets a lost deal stay lost while other fields change", () => {
    expect(validateDealEdit(deal({ stage: "lost" }), { ...PREFILLED, stage: "lost", amount: "6,000" }, ctx)).toEqual({
      ok: true,
      patch: { amountMinor: 600_000 },
      changes: [{ field: "amount", from: 700_000, to: 600_000 }],
    });
  });

  it("keeps a won deal won without touching when it closed", () => {
    expect(validateDealEdit(deal({ stage: "won" }), { ...PREFILLED, stage: "won" }, ctx)).toEqual({
      ok: true,
      patch: {},
      changes: [],
    });
  });

  it.each(["closed", "done", "wonn", "open"])("refuses the unknown stage %j", (stage) => {
    expect(validateDealEdit(DEAL, { stage }, ctx)).toEqual({ ok: false, errors: { stage: { code: "stage_invalid" } } });
  });

  it("covers every stage", () => {
    for (const from of STAGES) {
      for (const to of STAGES) {
        const result = validateDealEdit(deal({ stage: from }), { stage: to }, ctx);
        const refused = to === "lost" && from !== "lost";
        expect(result.ok, `${from} -> ${to}`).toBe(!refused);
      }
    }
  });
});
