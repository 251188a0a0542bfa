import { TIERS } from "../partners/partner-rules";
import {
  DEFAULT_GRACE_DAYS,
  DEFAULT_PROGRAM_CONFIG,
  MAX_GRACE_DAYS,
  MAX_WEIGHT,
  MIN_GRACE_DAYS,
} from "./program-config";
import {
  ONBOARDING_EVENTS,
  type OnboardingStepDef,
  type ProgramConfig,
  type SelectionCriterion,
  type TierRule,
} from "./program-types";

/** The config as stored: one JSON column per list (null = never edited). */
export interface StoredProgramConfig {
  criteria: string | null;
  dueDiligence: string | null;
  onboardingSteps: string | null;
  tierRules: string | null;
  demotionGraceDays: number;
}

export function encodeProgramConfig(config: ProgramConfig): StoredProgramConfig {
  return {
    criteria: JSON.stringify(config.criteria),
    dueDiligence: JSON.stringify(config.dueDiligence),
    onboardingSteps: JSON.stringify(config.onboardingSteps),
    tierRules: JSON.stringify(config.tierRules),
    demotionGraceDays: config.demotionGraceDays,
  };
}

/**
 * Reads the stored columns back. A column that is null, not JSON or not the expected shape (written
 * by hand, or by an older version) falls back to that section's default instead of breaking every
 * screen of the program: the admin sees the defaults and can save over them.
 */
export function decodeProgramConfig(stored: StoredProgramConfig): ProgramConfig {
  const defaults = DEFAULT_PROGRAM_CONFIG;
  const grace = stored.demotionGraceDays;
  return {
    criteria: decoded(stored.criteria, isCriteria) ?? defaults.criteria,
    dueDiligence: decoded(stored.dueDiligence, isChecklist) ?? defaults.dueDiligence,
    onboardingSteps: decoded(stored.onboardingSteps, isSteps) ?? defaults.onboardingSteps,
    tierRules: decoded(stored.tierRules, isTierRules) ?? defaults.tierRules,
    demotionGraceDays:
      Number.isInteger(grace) && grace >= MIN_GRACE_DAYS && grace <= MAX_GRACE_DAYS ? grace : DEFAULT_GRACE_DAYS,
  };
}

function decoded<T>(json: string | null, check: (value: unknown) => value is T): T | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return check(value) ? value : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A non-empty list of records, each with a non-empty string `key`, a string `label` and what `rest` asks. */
function isLabelledList(value: unknown, rest: (item: Record<string, unknown>) => boolean): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (item) =>
        isRecord(item) &&
        typeof item.key === "string" &&
        item.key !== "" &&
        typeof item.label === "string" &&
        rest(item),
    )
  );
}

function isCriteria(value: unknown): value is SelectionCriterion[] {
  return isLabelledList(
    value,
    (item) =>
      typeof item.weight === "number" && Number.isInteger(item.weight) && item.weight >= 0 && item.weight <= MAX_WEIGHT,
  );
}

function isChecklist(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isSteps(value: unknown): value is OnboardingStepDef[] {
  return isLabelledList(
    value,
    (item) => item.auto === null || (ONBOARDING_EVENTS as readonly unknown[]).includes(item.auto),
  );
}

function isTierRules(value: unknown): value is TierRule[] {
  return (
    Array.isArray(value) &&
    value.length === TIERS.length &&
    value.every(
      (item, index) =>
        isRecord(item) &&
        item.tier === TIERS[index] &&
        [item.wonRevenueMinor, item.dealsWon, item.peopleTrained, item.winRate].every(
          (n) => typeof n === "number" && Number.isFinite(n) && n >= 0,
        ),
    )
  );
}
