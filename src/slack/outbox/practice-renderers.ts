import type { Services } from "../../services";
import type { OutboxRow } from "../../services/outbox/outbox-message";
import { PRACTICE_MESSAGE_KINDS } from "../../services/practices/practice-messages";
import type { Message } from "../views/message";
import { practiceCardMessage } from "../views/practice-card-view";
import type { Renderers } from "./renderer";

/**
 * A practice's card, drawn as the practice is when it is delivered: the Helpful count of the
 * latest vote, the text of the latest edit, or the deletion.
 */
export function practiceRenderers(services: Services): Renderers {
  return {
    [PRACTICE_MESSAGE_KINDS.card]: async (row: OutboxRow): Promise<Message | null> => {
      const practice = await services.practices.forMessage(row.workspaceId, Number(row.subject.practiceId));
      return practice && practiceCardMessage(practice);
    },
  };
}
