import { DomainError } from "../shared/domain-error";
import type { ChecklistState, SelectionCriterion } from "./program-types";

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

/** Only what the score needs, so both stored scores and a review form's answers can be passed. */
export type ScoreEntries = Readonly<Record<string, { score: number | null } | undefined>>;

export interface WeightedScore {
  /** Σ score·weight / Σ weight over the weighted criteria scored so far, one decimal; null before any. */
  score: number | null;
  /** Weighted criteria with a score. */
  scored: number;
  /** Criteria with a weight above 0: a 0-weight criterion is shown on the form but never counts. */
  of: number;
}

function scoreOf(scores: ScoreEntries, key: string): number | null {
  const score = scores[key]?.score;
  return typeof score === "number" && Number.isFinite(score) ? score : null;
}

/**
 * The application's weighted score, "3.8 / 5 (4 of 5 criteria scored)". A criterion not scored
 * yet is left out of both sums rather than counted as 0, so a partial review shows the average
 * of what has been judged; `scored`/`of` say how partial it is.
 */
export function weightedScore(criteria: readonly SelectionCriterion[], scores: ScoreEntries): WeightedScore {
  let sum = 0;
  let weights = 0;
  let scored = 0;
  let of = 0;
  for (const criterion of criteria) {
    if (criterion.weight <= 0) continue;
    of++;
    const score = scoreOf(scores, criterion.key);
    if (score === null) continue;
    scored++;
    sum += score * criterion.weight;
    weights += criterion.weight;
  }
  return { score: weights === 0 ? null : Math.round((sum / weights) * 10) / 10, scored, of };
}

/** Labels of the weighted criteria without a score: approval waits for them. */
export function unscoredCriteria(criteria: readonly SelectionCriterion[], scores: ScoreEntries): string[] {
  return criteria
    .filter((criterion) => criterion.weight > 0 && scoreOf(scores, criterion.key) === null)
    .map((criterion) => criterion.label);
}

/** The due-diligence checks not ticked yet, in checklist order. */
export function openChecks(checklist: readonly string[], state: ChecklistState): string[] {
  return checklist.filter((item) => !Object.hasOwn(state, item));
}

/** A score as picked or typed: a whole number 1–5. */
export function validateScore(value: number | string): number {
  const text = String(value).trim();
  const score = /^\d$/.test(text) ? Number(text) : Number.NaN;
  if (!(score >= MIN_SCORE && score <= MAX_SCORE)) {
    throw new DomainError("score_invalid", { min: MIN_SCORE, max: MAX_SCORE });
  }
  return score;
}
