import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../services/access-service";
import type { SlackDeps } from "../deps";
import { dealEditModal } from "../views/deal-edit-modal";

/** Opens the Edit deal modal: from the deal's card, and from `/deal edit 42`. */
export async function openEditDealModal(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  triggerId: string,
  dealId: number,
  options: { fromHome?: boolean } = {},
): Promise<void> {
  const deal = await deps.services.deals.editForm(actor, dealId);
  await client.views.open({
    trigger_id: triggerId,
    view: dealEditModal(deal, { dealId: deal.id, ...(options.fromHome && { fromHome: true }) }),
  });
}
