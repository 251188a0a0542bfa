import type { Services } from "../../services";
import { dealRenderers } from "./deal-renderers";
import { digestRenderers } from "./digest-renderers";
import { leaderboardRenderers } from "./leaderboard-renderers";
import { practiceRenderers } from "./practice-renderers";
import { recognitionRenderers } from "./recognition-renderers";
import type { Renderers } from "./renderer";

/** Every renderer the dispatcher knows; a new feature adds its own map here. */
export function createRenderers(services: Services): Renderers {
  return {
    ...dealRenderers(services),
    ...practiceRenderers(services),
    ...recognitionRenderers(services),
    ...leaderboardRenderers(services),
    ...digestRenderers(services),
  };
}
