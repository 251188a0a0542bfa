import { domainToUnicode } from "node:url";
import type { App, BlockAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { formatAmount, isCurrency, parseAmount } from "../../../domain/deals/currency";
import { isFreeMailDomain, normalizeDomain } from "../../../domain/deals/customer";
import type { DealDraft } from "../../../domain/deals/deal-input";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { ACTIONS, DEAL_BLOCKS, VIEWS } from "../../ids";
import { type RegisterModalMetadata, registerDealModal } from "../../views/deal-modal-view";
import { errorSentence } from "../../views/error-sentences";
import type { RegisterModalVariant } from "../../views/register-deal-modal";
import { type ResubmitModalMetadata, resubmitModal } from "../../views/resubmit-modal";
import { identifyInteraction, readMetadata } from "../interaction";
import { readDealDraft } from "../views/view-state";

/** What the domain field will match on, said so that nobody is asked to type xn--. */
function domainHint(typed: string): string {
  const domain = normalizeDomain(typed);
  if (domain === null) return "No domain: this customer will be matched by name only.";
  if (isFreeMailDomain(domain)) return `${domain} is a free-mail domain: this customer will be matched by name only.`;
  // An internationalized name is stored in its ASCII form; both are shown so the person recognizes theirs.
  const unicode = domainToUnicode(domain);
  return unicode !== domain && unicode !== ""
    ? `Will be matched as ${unicode} (stored as ${domain})`
    : `Will be matched as ${domain}`;
}

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
      hints.customerDomain = domainHint(draft.customerDomain);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      hints.customerDomain = `⚠️ ${errorSentence(error)}`;
    }
  }
  return hints;
}

/** The modal's own title and buttons: the live check redraws Register and Resubmit alike. */
function variantOf(view: NonNullable<BlockAction["view"]>): RegisterModalVariant | undefined {
  if (!view.callback_id || !view.title?.text || !view.submit?.text) return undefined;
  return { callbackId: view.callback_id, title: view.title.text, submit: view.submit.text };
}

type View = NonNullable<BlockAction["view"]>;

async function redrawRegister(deps: SlackDeps, actor: Actor, view: View, draft: DealDraft): Promise<ModalView> {
  const metadata = readMetadata<RegisterModalMetadata>(view.private_metadata);
  const form = await deps.services.deals.registrationForm(actor, metadata.channelId ?? null);
  return registerDealModal(
    form,
    { ...metadata, channelId: metadata.channelId ?? null },
    { hints: liveHints(draft, form.defaultCurrency), initial: draft },
    variantOf(view),
  );
}

/** A correction stays a correction: redrawn with its deal, its rejection and its own callback. */
async function redrawResubmit(deps: SlackDeps, actor: Actor, view: View, draft: DealDraft): Promise<ModalView> {
  const { dealId, rejection, fromHome } = readMetadata<ResubmitModalMetadata>(view.private_metadata);
  if (typeof dealId !== "number") throw new Error("resubmit modal without its deal");
  const { form } = await deps.services.deals.resubmitForm(actor, dealId);
  return resubmitModal(
    form,
    draft,
    dealId,
    rejection ?? null,
    fromHome ? { fromHome } : {},
    liveHints(draft, form.defaultCurrency),
  );
}

/**
 * Validates as the person types: Slack sends each change of the amount or domain field here, and
 * each change of the currency, which changes what the typed amount means.
 */
export function registerDealModalLiveCheck(app: App, deps: SlackDeps): void {
  for (const blockId of [DEAL_BLOCKS.amount, DEAL_BLOCKS.customerDomain, DEAL_BLOCKS.currency]) {
    app.action<BlockAction>({ block_id: blockId, action_id: ACTIONS.input }, async ({ ack, body, client, context }) => {
      await ack();
      const view = body.view;
      if (!view) return;
      try {
        const actor = await identifyInteraction(deps, body, context.teamId);
        const draft = readDealDraft(view.state.values);
        await client.views.update({
          view_id: view.id,
          hash: view.hash,
          view:
            view.callback_id === VIEWS.resubmitDeal
              ? await redrawResubmit(deps, actor, view, draft)
              : await redrawRegister(deps, actor, view, draft),
        });
      } catch (error) {
        // A hash_conflict means the person typed on: the next keystroke brings a fresh check.
        deps.logger.debug({ err: (error as Error).message }, "live check skipped");
      }
    });
  }
}
