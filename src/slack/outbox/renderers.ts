import type { Services } from "../../services";
import { applicationRenderers } from "./application-renderers";
import { dealRenderers } from "./deal-renderers";
import { digestRenderers } from "./digest-renderers";
import { leaderboardRenderers } from "./leaderboard-renderers";
import { onboardingRenderers } from "./onboarding-renderers";
import { practiceRenderers } from "./practice-renderers";
import { recognitionRenderers } from "./recognition-renderers";
import type { Renderers } from "./renderer";
import { tierRenderers } from "./tier-renderers";

/** Every renderer the dispatcher knows; a new feature adds its own map here. */
export function createRenderers(services: Services): Renderers {
  return {
    ...dealRenderers(services),
    ...practiceRenderers(services),
    ...recognitionRenderers(services),
    ...leaderboardRenderers(services),
    ...digestRenderers(services),
    ...applicationRenderers(services),
    ...onboardingRenderers(services),
    ...tierRenderers(services),
  };
}
