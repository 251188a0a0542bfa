import { describe, expect, it } from "vitest";
import { DEFAULT_PROGRAM_CONFIG } from "../../../src/domain/program/program-config";
import type { SelectionCriterion } from "../../../src/domain/program/program-types";
import {
  MAX_SCORE,
  MIN_SCORE,
  openChecks,
  unscoredCriteria,
  validateScore,
  weightedScore,
} from "../../../src/domain/program/selection-score";
import { errorOf } from "../../support/domain-error";

const criteria = DEFAULT_PROGRAM_CONFIG.criteria;
const scores = (entries: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(entries).map(([key, score]) => [key, { score, note: null, by: "U1" }]));

describe("weightedScore", () => {
  it("weights each score: Σ score·weight / Σ weight, one decimal", () => {
    // (4·2 + 5·3 + 3·2 + 4·3 + 2·1) / 11 = 43 / 11 = 3.909…
    expect(
      weightedScore(
        criteria,
        scores({ reputation: 4, track_record: 5, customer_base: 3, product_fit: 4, cultural_fit: 2 }),
      ),
    ).toEqual({ score: 3.9, scored: 5, of: 5 });
  });

  it("leaves criteria without a score out of both sums", () => {
    // (5·3 + 2·3) / 6 = 3.5, not dragged down by the three unscored ones
    expect(weightedScore(criteria, scores({ track_record: 5, product_fit: 2 }))).toEqual({
      score: 3.5,
      scored: 2,
      of: 5,
    });
    expect(weightedScore(criteria, scores({ track_record: 5, product_fit: null }))).toEqual({
      score: 5,
      scored: 1,
      of: 5,
    });
  });

  it("is null with nothing scored", () => {
    expect(weightedScore(criteria, {})).toEqual({ score: null, scored: 0, of: 5 });
  });

  it("ignores criteria weighted 0, even when scored, in the score and in the count", () => {
    const list: SelectionCriterion[] = [
      { key: "a", label: "A", weight: 1 },
      { key: "shown", label: "Shown only", weight: 0 },
      { key: "b", label: "B", weight: 3 },
    ];
    // (2·1 + 4·3) / 4 = 3.5; the 0-weight 1 changes nothing
    expect(weightedScore(list, scores({ a: 2, shown: 1, b: 4 }))).toEqual({ score: 3.5, scored: 2, of: 2 });
    expect(weightedScore(list, scores({ shown: 5 }))).toEqual({ score: null, scored: 0, of: 2 });
  });

  it("is null of 0 when every criterion weighs 0", () => {
    expect(weightedScore([{ key: "a", label: "A", weight: 0 }], scores({ a: 5 }))).toEqual({
      score: null,
      scored: 0,
      of: 0,
    });
  });

  it("ignores scores for criteria no longer configured", () => {
    expect(weightedScore(criteria, scores({ old_key: 1, reputation: 4 }))).toEqual({ score: 4, scored: 1, of: 5 });
  });

  it("rounds half up to one decimal", () => {
    // (3·1 + 4·3) / 4 = 3.75 → 3.8
    const list: SelectionCriterion[] = [
      { key: "a", label: "A", weight: 1 },
      { key: "b", label: "B", weight: 3 },
    ];
    expect(weightedScore(list, scores({ a: 3, b: 4 })).score).toBe(3.8);
  });
});

describe("unscoredCriteria", () => {
  it("names the weighted criteria still without a score, in order", () => {
    const list: SelectionCriterion[] = [...criteria, { key: "extra", label: "Extra", weight: 0 }];
    expect(unscoredCriteria(list, scores({ reputation: 3, product_fit: null }))).toEqual([
      "Track record",
      "Customer base",
      "Product fit",
      "Cultural fit",
    ]);
    expect(
      unscoredCriteria(
        list,
        scores({ reputation: 1, track_record: 1, customer_base: 1, product_fit: 1, cultural_fit: 1 }),
      ),
    ).toEqual([]);
  });
});

describe("openChecks", () => {
  it("lists the checks not ticked, in checklist order, ignoring ticks of removed checks", () => {
    const state = { "NDA signed": { by: "U1", at: "2026-11-01T00:00:00Z" }, Gone: { by: "U1", at: "x" } };
    expect(openChecks(DEFAULT_PROGRAM_CONFIG.dueDiligence, state)).toEqual([
      "References checked",
      "Partner agreement signed",
      "Credit check done",
    ]);
    expect(openChecks([], state)).toEqual([]);
    expect(openChecks(["NDA signed"], state)).toEqual([]);
  });

  it("does not take inherited object keys for ticks", () => {
    expect(openChecks(["toString", "constructor"], {})).toEqual(["toString", "constructor"]);
  });
});

describe("validateScore", () => {
  it.each([
    [1, 1],
    [5, 5],
    [" 3 ", 3],
  ])("accepts %j", (value, score) => {
    expect(validateScore(value)).toBe(score);
  });

  it.each([0, 6, 2.5, "", "x", "10", -1, Number.NaN])("refuses %j", (value) => {
    expect(errorOf(() => validateScore(value)).problem).toEqual({
      code: "score_invalid",
      params: { min: MIN_SCORE, max: MAX_SCORE },
    });
  });
});
