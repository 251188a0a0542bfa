import type { InputBlock, KnownBlock, ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../services/access-service";
import type { SlackDeps } from "../deps";
import { SHOUTOUT_BLOCKS } from "../ids";
import { type ShoutoutModalMetadata, shoutoutModal } from "../views/shoutout-modal-view";

/** The partner field filled in: a shout-out given in a partner's own channel is most likely for it. */
function withPartner(view: ModalView, partnerName: string): ModalView {
  const blocks = (view.blocks as KnownBlock[]).map((block): KnownBlock => {
    if (block.type !== "input" || block.block_id !== SHOUTOUT_BLOCKS.partner) return block;
    const field = (block as InputBlock).element;
    if (field.type !== "plain_text_input") return block;
    const max = field.max_length ?? partnerName.length;
    return { ...block, element: { ...field, initial_value: partnerName.slice(0, max) } };
  });
  return { ...view, blocks };
}

/** Opens the Give a shout-out modal: from /shoutout, the launcher or the App Home button. */
export async function openShoutoutModal(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  triggerId: string,
  metadata: ShoutoutModalMetadata,
): Promise<void> {
  const form = await deps.services.recognition.giveForm(actor);
  const tied = metadata.channelId
    ? await deps.services.partners.partnerOfChannel(actor.workspace.id, metadata.channelId)
    : null;
  const view = shoutoutModal(form, metadata);
  await client.views.open({ trigger_id: triggerId, view: tied ? withPartner(view, tied.name) : view });
}
