import type { Actor } from "../access-service";
import { completeOnboardingStep } from "./complete-onboarding-step";
import type { OnboardingContext } from "./onboarding-context";
import { onboardingOverview, showOnboarding } from "./show-onboarding";

export { fireOnboardingEvent } from "./fire-onboarding-event";
export type { OnboardingContext } from "./onboarding-context";
export { ONBOARDING_MESSAGE_KINDS } from "./onboarding-messages";
export type { OnboardingChecklist, OnboardingOverviewRow } from "./show-onboarding";
export { startOnboarding } from "./start-onboarding";

/** A new partner's checklist: shown, ticked by hand, listed for managers (events tick the rest). */
export function createOnboardingUseCases(context: OnboardingContext) {
  return {
    show: (actor: Actor, partnerName?: string) => showOnboarding(context, actor, partnerName),
    overview: (actor: Actor) => onboardingOverview(context, actor),
    completeStep: (actor: Actor, partnerId: number, key: string) =>
      completeOnboardingStep(context, actor, partnerId, key),
  };
}

export type OnboardingUseCases = ReturnType<typeof createOnboardingUseCases>;
