import { lastProgressAt } from "../../domain/program/onboarding";
import type { Clock } from "../clock";
import type { OnboardingStepRecord } from "../program/program-store";
import type { Store } from "../store";

/** What the onboarding use cases run on. */
export interface OnboardingContext {
  store: Store;
  clock: Clock;
}

/** The latest step done, or the checklist's start when none is: what "stuck" is counted from. */
export function lastProgressOf(steps: readonly OnboardingStepRecord[]): Date {
  const started = steps.length === 0 ? 0 : Math.min(...steps.map((step) => step.createdAt.getTime()));
  return lastProgressAt(new Date(started), steps);
}
