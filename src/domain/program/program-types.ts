import type { Tier } from "../partners/partner-rules";

/**
 * The partner program's shapes, shared by its rules (this folder), the services and the Slack
 * layer. The functions live in files named for what they decide.
 */

/** One thing an application is scored on, 1–5; `weight` 0–10 (0 = shown but not counted). */
export interface SelectionCriterion {
  /** Stable slug of the label (textKey-like, `_` for spaces): scores are stored under it. */
  key: string;
  label: string;
  weight: number;
}

/** Events that complete an onboarding step by themselves. */
export const ONBOARDING_EVENTS = [
  "agreement_signed",
  "member_added",
  "training_completed",
  "deal_registered",
  "deal_won",
] as const;
export type OnboardingEvent = (typeof ONBOARDING_EVENTS)[number];

export interface OnboardingStepDef {
  key: string;
  label: string;
  /** null: ticked by hand only. */
  auto: OnboardingEvent | null;
}

/** What a tier needs over the trailing 12 months; every part must be met. */
export interface TierRule {
  tier: Tier;
  /** Won revenue in reporting-currency minor units. */
  wonRevenueMinor: number;
  dealsWon: number;
  /** People of the partner who completed every training the tier requires (any training when it requires none). */
  peopleTrained: number;
  /** 0..1; 0 = no requirement. A required win rate counts only with WINRATE_MIN_CLOSED closed deals. */
  winRate: number;
}

export interface ProgramConfig {
  criteria: SelectionCriterion[];
  dueDiligence: string[];
  onboardingSteps: OnboardingStepDef[];
  /** One rule per tier, in TIERS order; the first ("registered") asks for nothing. */
  tierRules: TierRule[];
  demotionGraceDays: number;
}

/** A partner's trailing-12-month figures, as the tier rules read them. */
export interface TierFigures {
  wonRevenueMinor: number;
  dealsWon: number;
  /** Won + lost in the window (win rate needs enough of them). */
  closed: number;
  /** Won / closed, null below the minimum closed deals. */
  winRate: number | null;
  /** Per tier: people who completed every training that tier requires (any training when none is required). */
  peopleTrained: Partial<Record<Tier, number>>;
  /** Won deals not priced (no rate for their currency and day): not counted in revenue. */
  unpriced: number;
}

export type TierCriterion = "revenue" | "won" | "trained" | "winrate";

/** One line of "EUR 42,000 of 60,000 won; 2 of 3 people trained". */
export interface TierProgressPart {
  criterion: TierCriterion;
  have: number;
  need: number;
  met: boolean;
}

export interface TierProgress {
  current: Tier;
  /** The tier above the current one, or null at the top. */
  next: Tier | null;
  /** Only the parts the next tier asks for (need > 0). */
  parts: TierProgressPart[];
}

export type TierChange = { kind: "none" } | { kind: "promote"; to: Tier } | { kind: "demote"; to: Tier };

/** Application scores as stored: one per criterion key. */
export type CriterionScores = Record<string, { score: number; note: string | null; by: string }>;

/** Due-diligence checks done: one per checklist item text. */
export type ChecklistState = Record<string, { by: string; at: string }>;

export const APPLICATION_STATUSES = ["pending", "approved", "declined"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const TIER_REVIEW_STATUSES = ["pending", "demoted", "kept", "recovered"] as const;
export type TierReviewStatus = (typeof TIER_REVIEW_STATUSES)[number];

export const RESOURCE_KINDS = ["guide", "training", "price_book", "deck", "video", "template", "link"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** What managers rate each quarter, 1–5. */
export const REVIEW_DIMENSIONS = ["engagement", "pipeline_quality", "enablement", "collaboration"] as const;
export type ReviewDimension = (typeof REVIEW_DIMENSIONS)[number];
export type ReviewRatings = Partial<Record<ReviewDimension, number>>;

/** A calendar quarter in the program's zone: [start, end) local midnights, key "2026-Q4". */
export interface Quarter {
  key: string;
  label: string;
  start: Date;
  end: Date;
}
