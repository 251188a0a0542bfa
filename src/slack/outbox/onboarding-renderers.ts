import type { Services } from "../../services";
import { ONBOARDING_MESSAGE_KINDS } from "../../services/onboarding";
import { onboardingFinishedMessage } from "../views/onboarding-views";
import type { Renderers } from "./renderer";

/** "Acme finished onboarding", naming the partner as it is called at delivery. */
export function onboardingRenderers(services: Services): Renderers {
  return {
    [ONBOARDING_MESSAGE_KINDS.finished]: async (row) => {
      const partner = await services.recognition.partnerForMessage(row.workspaceId, Number(row.subject.partnerId));
      return partner && onboardingFinishedMessage(partner);
    },
  };
}
