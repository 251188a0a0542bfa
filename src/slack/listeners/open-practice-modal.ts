import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../services/access-service";
import type { SlackDeps } from "../deps";
import { type PracticeInitial, type ShareModalMetadata, sharePracticeModal } from "../views/practice-modal-view";

/** Opens the Share a practice modal: from /practice, the launcher or Home button, or the message shortcut. */
export async function openShareModal(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  triggerId: string,
  metadata: ShareModalMetadata,
  initial: PracticeInitial = {},
): Promise<void> {
  const form = await deps.services.practices.shareForm(actor);
  await client.views.open({ trigger_id: triggerId, view: sharePracticeModal(form, metadata, initial) });
}
