import type { Services } from "../../services";
import type { OutboxRow } from "../../services/outbox/outbox-message";
import { RECOGNITION_MESSAGE_KINDS } from "../../services/recognition/shoutout-messages";
import type { Message } from "../views/message";
import { milestoneMessage } from "../views/milestone-view";
import { shoutoutDmMessage, shoutoutPostMessage } from "../views/shoutout-message-view";
import type { Renderers } from "./renderer";

/**
 * Shout-outs drawn as they are at delivery (the +1 count of the latest click), and milestone
 * celebrations naming the partner as it is called now.
 */
export function recognitionRenderers(services: Services): Renderers {
  const { recognition } = services;
  const shoutoutOf = (row: OutboxRow) => recognition.forMessage(row.workspaceId, Number(row.subject.shoutoutId));
  const post = async (row: OutboxRow): Promise<Message | null> => {
    const shoutout = await shoutoutOf(row);
    return shoutout && shoutoutPostMessage(shoutout);
  };
  return {
    [RECOGNITION_MESSAGE_KINDS.post]: post,
    [RECOGNITION_MESSAGE_KINDS.update]: post,
    [RECOGNITION_MESSAGE_KINDS.dm]: async (row) => {
      const shoutout = await shoutoutOf(row);
      return shoutout && shoutoutDmMessage(shoutout, shoutout.announce);
    },
    [RECOGNITION_MESSAGE_KINDS.celebration]: async (row) => {
      const partner = await recognition.partnerForMessage(row.workspaceId, Number(row.subject.partnerId));
      return partner && milestoneMessage(partner.name, String(row.subject.kind), String(row.subject.key));
    },
  };
}
