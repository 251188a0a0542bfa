import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import type { DealField } from "../../../domain/deals/deal-input";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { DEAL_BLOCKS, VIEWS } from "../../ids";
import { duplicateModal, type RegisterModalMetadata, registeredModal } from "../../views/deal-modal-view";
import { errorSentence } from "../../views/error-sentences";
import { identifyInteraction, readMetadata } from "../interaction";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { readDealDraft } from "./view-state";

const FIELD_BLOCKS: Record<DealField | "partner", string> = DEAL_BLOCKS;

/**
 * Submit of the Register a deal modal. Field errors keep the modal open with a message under each
 * field; otherwise the modal turns into a confirmation. The view id is the idempotency key, so a
 * double-clicked submit or a Slack retry registers one deal. When the database is slow, the
 * answer comes after an interim modal (see answer-in-time).
 */
export function registerDealSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.registerDeal, async ({ ack, body, view, client, context }) => {
    const decide = async (): Promise<ViewResponseAction> => {
      try {
        const draft = readDealDraft(view.state.values);
        const actor = await identifyInteraction(deps, body, context.teamId);
        const metadata = readMetadata<RegisterModalMetadata>(view.private_metadata);
        const result = await deps.services.deals.register(
          actor,
          draft,
          `register:${view.id}`,
          metadata.channelId ?? null,
        );
        if (result.kind === "invalid") {
          const errors = Object.fromEntries(
            Object.entries(result.errors).map(([field, problem]) => [
              FIELD_BLOCKS[field as DealField | "partner"],
              errorSentence(problem),
            ]),
          );
          return { response_action: "errors", errors };
        }
        if (result.kind === "duplicate") {
          const card = await deps.services.deals.cardRef(result.existing);
          const permalink = await permalinkOf(client, card?.channel ?? null, card?.ts ?? null);
          return { response_action: "update", view: duplicateModal(result.existing, permalink) };
        }
        const conflict = result.kind === "created" ? result.conflict !== null : result.deal.status === "conflict";
        // The deal's messages were written to the outbox with it; the dispatcher is already on them.
        return {
          response_action: "update",
          view: registeredModal(result.deal, conflict, { external: actor.external }),
        };
      } catch (error) {
        const reply = await replyToError(error, deps, VIEWS.registerDeal);
        const message = isDomainError(error) ? errorSentence(error) : reply.text;
        return { response_action: "errors", errors: { [DEAL_BLOCKS.customerName]: message.slice(0, 150) } };
      }
    };
    await answerInTime(deps, { ack, client, view }, "Registering your deal…", decide());
  });
}

async function permalinkOf(
  client: { chat: { getPermalink(args: { channel: string; message_ts: string }): Promise<{ permalink?: string }> } },
  channel: string | null,
  ts: string | null,
): Promise<string | null> {
  if (!channel || !ts) return null;
  try {
    return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink ?? null;
  } catch {
    return null;
  }
}
