import type { App, BlockAction } from "@slack/bolt";
import { formatAmount, isCurrency, parseAmount } from "../../../domain/deals/currency";
import { normalizeDomain } from "../../../domain/deals/customer";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS, DEAL_BLOCKS } from "../../ids";
import { type RegisterModalMetadata, registerDealModal } from "../../views/deal-modal-view";
import { errorSentence } from "../../views/error-sentences";
import { identifyInteraction, readMetadata } from "../interaction";
import { readDealDraft } from "../views/view-state";

/** Feedback shown under the amount and domain fields while the person types. */
export function liveHints(
  draft: { amount?: string | null; currency?: string | null; customerDomain?: string | null },
  defaultCurrency: string,
) {
  const hints: { amount?: string; customerDomain?: string } = {};
  const currency = draft.currency ?? defaultCurrency;
  if (draft.amount && isCurrency(currency)) {
    const parsed = parseAmount(draft.amount, currency);
    hints.amount = parsed.ok ? `= ${formatAmount(parsed.minor, currency)}` : `⚠️ ${errorSentence(parsed.problem)}`;
  }
  if (draft.customerDomain) {
    try {
      hints.customerDomain = `Will be matched as ${normalizeDomain(draft.customerDomain) ?? "—"}`;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      hints.customerDomain = `⚠️ ${errorSentence(error)}`;
    }
  }
  return hints;
}

/** Validates as the person types: Slack sends each change of the amount or domain field here. */
export function registerDealModalLiveCheck(app: App, deps: SlackDeps): void {
  for (const blockId of [DEAL_BLOCKS.amount, DEAL_BLOCKS.customerDomain]) {
    app.action<BlockAction>({ block_id: blockId, action_id: ACTIONS.input }, async ({ ack, body, client, context }) => {
      await ack();
      const view = body.view;
      if (!view) return;
      try {
        const actor = await identifyInteraction(deps, body, context.teamId);
        const draft = readDealDraft(view.state.values);
        const form = await deps.services.deals.registrationForm(actor);
        const metadata = readMetadata<RegisterModalMetadata>(view.private_metadata);
        await client.views.update({
          view_id: view.id,
          hash: view.hash,
          view: registerDealModal(
            form,
            { channelId: metadata.channelId ?? null },
            {
              hints: liveHints(draft, form.defaultCurrency),
              initial: draft,
            },
          ),
        });
      } catch (error) {
        // A hash_conflict means the person typed on: the next keystroke brings a fresh check.
        deps.logger.debug({ err: (error as Error).message }, "live check skipped");
      }
    });
  }
}
