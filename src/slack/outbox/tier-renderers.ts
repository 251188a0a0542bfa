import type { Services } from "../../services";
import type { OutboxRow } from "../../services/outbox/outbox-message";
import { TIER_MESSAGE_KINDS } from "../../services/tiers/tier-messages";
import type { Message } from "../views/message";
import { tierReviewMessage } from "../views/tier-views";
import type { Renderers } from "./renderer";

/**
 * The tier review card in the approvals channel, drawn as the review stands at delivery: a card
 * posted after a quick decision already shows the outcome, and every close updates it in place.
 */
export function tierRenderers(services: Services): Renderers {
  const card = async (row: OutboxRow): Promise<Message | null> => {
    const found = await services.tiers.reviewForMessage(row.workspaceId, Number(row.subject.reviewId));
    return found && tierReviewMessage(found);
  };
  return {
    [TIER_MESSAGE_KINDS.review]: card,
    [TIER_MESSAGE_KINDS.reviewUpdate]: card,
  };
}
