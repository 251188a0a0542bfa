import type { App, ViewSubmitAction } from "@slack/bolt";
import { parseAmount } from "../../../domain/deals/currency";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { REASON_BLOCKS, VIEWS } from "../../ids";
import type { ReasonModalMetadata } from "../../views/deal-modal-view";
import { identifyInteraction, readMetadata } from "../interaction";
import { publishHome } from "../publish-home";
import { replyToError } from "../reply-to-error";
import { inputValue, ZViewStateValues } from "./view-state";

type Work = (actor: Actor, dealId: number, input: string) => Promise<unknown>;

/**
 * The small modals that finish a decision or a stage change. Any refusal is shown under the
 * modal's one field, so the person keeps what they typed.
 */
export function registerReasonSubmissions(app: App, deps: SlackDeps): void {
  const deals = deps.services.deals;
  const handlers: [string, string, Work][] = [
    [VIEWS.rejectDeal, REASON_BLOCKS.reason, (actor, id, reason) => deals.decide(actor, id, "reject", reason)],
    [VIEWS.askInfo, REASON_BLOCKS.reason, (actor, id, question) => deals.decide(actor, id, "request_info", question)],
    [
      VIEWS.markLost,
      REASON_BLOCKS.reason,
      (actor, id, reason) => deals.changeStage(actor, id, "lost", { lostReason: reason }),
    ],
    [
      VIEWS.markWon,
      REASON_BLOCKS.amount,
      async (actor, id, amountText) => {
        const deal = await deals.get(actor, id);
        const parsed = parseAmount(amountText, deal.currency);
        if (!parsed.ok) throw new AmountError(parsed.error);
        return deals.changeStage(actor, id, "won", { amountMinor: parsed.minor });
      },
    ],
  ];
  for (const [callbackId, blockId, work] of handlers) {
    app.view<ViewSubmitAction>(callbackId, async ({ ack, body, view, context, client }) => {
      try {
        const input = inputValue(ZViewStateValues.parse(view.state.values), blockId) ?? "";
        const metadata = readMetadata<ReasonModalMetadata>(view.private_metadata);
        const actor = await identifyInteraction(deps, body, context.teamId);
        await work(actor, Number(metadata.dealId), input);
        await ack();
        if (metadata.fromHome) {
          await publishHome(deps, client, actor).catch((error: unknown) =>
            deps.logger.warn({ err: (error as Error).message }, "could not refresh the App Home"),
          );
        }
      } catch (error) {
        const message =
          error instanceof AmountError || isDomainError(error)
            ? error.message
            : (await replyToError(error, deps, callbackId)).text;
        await ack({ response_action: "errors", errors: { [blockId]: message } });
      }
    });
  }
}

class AmountError extends Error {}
