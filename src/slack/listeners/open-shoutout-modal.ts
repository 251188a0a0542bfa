import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../services/access-service";
import type { SlackDeps } from "../deps";
import { type ShoutoutModalMetadata, shoutoutModal } from "../views/shoutout-modal-view";

/** Opens the Give a shout-out modal: from /shoutout, the launcher or the App Home button. */
export async function openShoutoutModal(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  triggerId: string,
  metadata: ShoutoutModalMetadata,
): Promise<void> {
  const form = await deps.services.recognition.giveForm(actor);
  await client.views.open({ trigger_id: triggerId, view: shoutoutModal(form, metadata) });
}
