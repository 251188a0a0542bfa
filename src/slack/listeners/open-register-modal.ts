import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../services/access-service";
import type { SlackDeps } from "../deps";
import { registerDealModal } from "../views/deal-modal-view";

/**
 * Opens the Register a deal modal: from /deal, the launcher or Home button, or the shortcut. In a
 * channel tied to a partner, a manager finds that partner already chosen.
 */
export async function openRegisterModal(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  triggerId: string,
  channelId: string | null,
): Promise<void> {
  const form = await deps.services.deals.registrationForm(actor, channelId);
  await client.views.open({ trigger_id: triggerId, view: registerDealModal(form, { channelId }) });
}
