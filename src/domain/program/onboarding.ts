import type { OnboardingEvent } from "./program-types";

/** Onboarding with no step done for this long while steps are open needs a manager's nudge. */
export const STUCK_AFTER_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * Stuck: steps are open and nothing moved for STUCK_AFTER_DAYS. `lastProgressAt` is the latest
 * step done, or when the checklist started when none is; a finished checklist is never stuck.
 */
export function isStuck(lastProgressAt: Date, now: Date, open: number): boolean {
  return open > 0 && now.getTime() - lastProgressAt.getTime() >= STUCK_AFTER_DAYS * DAY_MS;
}

/** The open steps an event completes (a step done already is not done again). */
export function stepsForEvent<S extends { auto: OnboardingEvent | null; doneAt: Date | null }>(
  steps: readonly S[],
  event: OnboardingEvent,
): S[] {
  return steps.filter((step) => step.auto === event && step.doneAt === null);
}

/** Every step done; an empty checklist has nothing left to do. */
export function onboardingDone(steps: readonly { doneAt: Date | null }[]): boolean {
  return steps.every((step) => step.doneAt !== null);
}

/** The moment onboarding last moved: the latest step done, else when it started. */
export function lastProgressAt(startedAt: Date, steps: readonly { doneAt: Date | null }[]): Date {
  let latest = startedAt.getTime();
  for (const step of steps) {
    if (step.doneAt !== null && step.doneAt.getTime() > latest) latest = step.doneAt.getTime();
  }
  return new Date(latest);
}
