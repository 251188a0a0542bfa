import { DomainError } from "../shared/domain-error";
import type { ProgramSection } from "../shared/error-codes";
import { textKey } from "../shared/text-key";
import { invalid, linesOf } from "./program-lines";
import {
  ONBOARDING_EVENTS,
  type OnboardingEvent,
  type OnboardingStepDef,
  type ProgramConfig,
  type SelectionCriterion,
} from "./program-types";
import { formatTierRules, parseTierRules, zeroRule } from "./tier-rule-lines";

/**
 * The program's admin-edited lists. Admins edit each one as plain text, one item per line, so
 * every section has a parser (what was typed → the list, or a DomainError naming the 1-based
 * line) and a formatter writing the list back in exactly the form the parser reads: the edit
 * modal is prefilled with the formatted text, and saving it unchanged changes nothing.
 */

export const MAX_CRITERIA = 10;
export const MAX_CRITERION_LABEL = 60;
export const MAX_WEIGHT = 10;
export const MAX_CHECKLIST_ITEMS = 15;
export const MAX_CHECKLIST_ITEM = 80;
export const MAX_ONBOARDING_STEPS = 15;
export const MAX_ONBOARDING_LABEL = 80;
export const MIN_GRACE_DAYS = 7;
export const MAX_GRACE_DAYS = 180;
export const DEFAULT_GRACE_DAYS = 30;

/** Slug of a label, the key scores and steps are stored under: "Track record" → "track_record". */
export function criterionKey(label: string): string {
  return textKey(label).replace(/ /g, "_");
}

export const DEFAULT_PROGRAM_CONFIG: ProgramConfig = {
  criteria: [
    { key: "reputation", label: "Reputation", weight: 2 },
    { key: "track_record", label: "Track record", weight: 3 },
    { key: "customer_base", label: "Customer base", weight: 2 },
    { key: "product_fit", label: "Product fit", weight: 3 },
    { key: "cultural_fit", label: "Cultural fit", weight: 1 },
  ],
  dueDiligence: ["References checked", "Partner agreement signed", "NDA signed", "Credit check done"],
  onboardingSteps: [
    { key: "agreement", label: "Partner agreement signed", auto: "agreement_signed" },
    { key: "team", label: "Team members added to Partner Hub", auto: "member_added" },
    { key: "training", label: "First training completed", auto: "training_completed" },
    { key: "first_deal", label: "First deal registered", auto: "deal_registered" },
    { key: "first_win", label: "First deal won", auto: "deal_won" },
    { key: "kickoff", label: "Kickoff call held", auto: null },
  ],
  tierRules: [
    zeroRule("registered"),
    { tier: "silver", wonRevenueMinor: 2_000_000, dealsWon: 2, peopleTrained: 1, winRate: 0 },
    { tier: "gold", wonRevenueMinor: 6_000_000, dealsWon: 5, peopleTrained: 2, winRate: 0.25 },
    { tier: "platinum", wonRevenueMinor: 15_000_000, dealsWon: 10, peopleTrained: 3, winRate: 0.35 },
  ],
  demotionGraceDays: DEFAULT_GRACE_DAYS,
};

const CRITERION_FORMAT = "Label: weight, e.g. Reputation: 2";

/**
 * `Reputation: 2` per line: a label, a colon, a whole weight 0–10 (0 keeps the criterion on the
 * review form without counting it). A label whose key matches one in `previous` keeps that key,
 * so scores already given stay attached when an admin fixes a label's spelling or case.
 */
export function parseCriteria(text: string, previous: readonly SelectionCriterion[] = []): SelectionCriterion[] {
  const section = "criteria";
  const seen = new Set<string>();
  return linesOf(text, section, MAX_CRITERIA).map((line) => {
    const match = /^(.*):\s*([^:]*)$/.exec(line.text);
    if (match === null) throw invalid(section, line, CRITERION_FORMAT);
    const label = (match[1] ?? "").trim();
    const weightText = (match[2] ?? "").trim();
    const key = criterionKey(label);
    if (key === "") throw invalid(section, line, CRITERION_FORMAT);
    if (label.length > MAX_CRITERION_LABEL) {
      throw new DomainError("program_item_too_long", { section, line: line.number, max: MAX_CRITERION_LABEL });
    }
    if (!/^\d{1,2}$/.test(weightText) || Number(weightText) > MAX_WEIGHT) {
      throw new DomainError("program_weight_invalid", { line: line.number, text: weightText, max: MAX_WEIGHT });
    }
    if (seen.has(key)) throw new DomainError("program_item_repeated", { section, text: label });
    seen.add(key);
    const kept = previous.find((criterion) => criterionKey(criterion.label) === key)?.key ?? key;
    return { key: kept, label, weight: Number(weightText) };
  });
}

export function formatCriteria(list: readonly SelectionCriterion[]): string {
  return list.map((criterion) => `${criterion.label}: ${criterion.weight}`).join("\n");
}

/** One due-diligence check per line; the same check twice (ignoring case and punctuation) is refused. */
export function parseChecklist(text: string): string[] {
  const section = "dueDiligence";
  const seen = new Set<string>();
  return linesOf(text, section, MAX_CHECKLIST_ITEMS).map((line) => {
    if (line.text.length > MAX_CHECKLIST_ITEM) {
      throw new DomainError("program_item_too_long", { section, line: line.number, max: MAX_CHECKLIST_ITEM });
    }
    const key = textKey(line.text);
    if (key === "") throw invalid(section, line, "one check per line, e.g. NDA signed");
    if (seen.has(key)) throw new DomainError("program_item_repeated", { section, text: line.text });
    seen.add(key);
    return line.text;
  });
}

export function formatChecklist(list: readonly string[]): string {
  return list.join("\n");
}

const STEP_FORMAT = "Label or Label [auto: event], e.g. First deal registered [auto: deal_registered]";

/**
 * `First deal registered [auto: deal_registered]`, or just a label for a step ticked by hand.
 * Keys come from the labels (a step in `previous` with the same label keeps its key) and are
 * unique: two labels slugging alike are one step typed twice.
 */
export function parseOnboardingSteps(text: string, previous: readonly OnboardingStepDef[] = []): OnboardingStepDef[] {
  const section = "onboarding";
  const parsed = linesOf(text, section, MAX_ONBOARDING_STEPS).map((line) => {
    let label = line.text;
    let auto: OnboardingEvent | null = null;
    if (/\[[^\]]*\]$/.test(line.text)) {
      const match = /^(.*?)\s*\[\s*auto\s*:\s*([^\]]*?)\s*\]$/i.exec(line.text);
      if (match === null) throw invalid(section, line, STEP_FORMAT);
      label = (match[1] ?? "").trim();
      const event = (match[2] ?? "").toLowerCase();
      if (!(ONBOARDING_EVENTS as readonly string[]).includes(event)) {
        throw new DomainError("program_auto_event_unknown", {
          line: line.number,
          text: match[2] ?? "",
          events: ONBOARDING_EVENTS,
        });
      }
      auto = event as OnboardingEvent;
    }
    if (criterionKey(label) === "") throw invalid(section, line, STEP_FORMAT);
    if (label.length > MAX_ONBOARDING_LABEL) {
      throw new DomainError("program_item_too_long", { section, line: line.number, max: MAX_ONBOARDING_LABEL });
    }
    return { label, auto };
  });

  const seen = new Set<string>();
  for (const step of parsed) {
    const key = criterionKey(step.label);
    if (seen.has(key)) throw new DomainError("program_item_repeated", { section, text: step.label });
    seen.add(key);
  }
  // Previous keys first, so a new label whose slug equals a kept key gets a suffix rather than stealing it.
  const keys = parsed.map(
    (step) => previous.find((old) => criterionKey(old.label) === criterionKey(step.label))?.key ?? null,
  );
  const taken = new Set(keys.filter((key): key is string => key !== null));
  return parsed.map((step, index) => {
    let key = keys[index] ?? null;
    if (key === null) {
      const base = criterionKey(step.label);
      key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
      taken.add(key);
    }
    return { key, label: step.label, auto: step.auto };
  });
}

export function formatOnboardingSteps(list: readonly OnboardingStepDef[]): string {
  return list.map((step) => (step.auto === null ? step.label : `${step.label} [auto: ${step.auto}]`)).join("\n");
}

/** The part of the config one section's text replaces. */
export type ProgramConfigPatch = Partial<
  Pick<ProgramConfig, "criteria" | "dueDiligence" | "onboardingSteps" | "tierRules">
>;

/**
 * What an admin typed for one section, as a patch over the config: `{ ...config, ...patch }`.
 * `previous` (the config before the edit) lets criteria and steps keep their stored keys.
 */
export function parseSection(
  section: ProgramSection,
  text: string,
  currency: string,
  previous: ProgramConfig = DEFAULT_PROGRAM_CONFIG,
): ProgramConfigPatch {
  switch (section) {
    case "criteria":
      return { criteria: parseCriteria(text, previous.criteria) };
    case "dueDiligence":
      return { dueDiligence: parseChecklist(text) };
    case "onboarding":
      return { onboardingSteps: parseOnboardingSteps(text, previous.onboardingSteps) };
    case "tiers":
      return { tierRules: parseTierRules(text, currency) };
  }
}

/** The text an admin's edit modal is prefilled with. */
export function formatSection(section: ProgramSection, config: ProgramConfig, currency: string): string {
  switch (section) {
    case "criteria":
      return formatCriteria(config.criteria);
    case "dueDiligence":
      return formatChecklist(config.dueDiligence);
    case "onboarding":
      return formatOnboardingSteps(config.onboardingSteps);
    case "tiers":
      return formatTierRules(config.tierRules, currency);
  }
}

/** Days a demoted-on-paper partner keeps its tier while a manager reviews, as typed (`grace 30`) or given. */
export function validateGraceDays(value: number | string): number {
  const text = String(value).trim();
  const days = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(days >= MIN_GRACE_DAYS && days <= MAX_GRACE_DAYS)) {
    throw new DomainError("program_grace_invalid", { min: MIN_GRACE_DAYS, max: MAX_GRACE_DAYS });
  }
  return days;
}
