import type { App, ViewSubmitAction } from "@slack/bolt";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { DealChange } from "../../../services/deal-service";
import type { SlackDeps } from "../../deps";
import { REASON_BLOCKS, VIEWS } from "../../ids";
import type { ReasonModalMetadata } from "../../views/deal-modal-view";
import { identifyInteraction, readMetadata } from "../interaction";
import { publishHome } from "../publish-home";
import { replyToError } from "../reply-to-error";
import { inputValue, ZViewStateValues } from "./view-state";

type Work = (actor: Actor, dealId: number, input: string) => Promise<DealChange>;

/**
 * The small modals that finish a decision or a stage change. Any refusal is shown under the
 * modal's one field, so the person keeps what they typed. Slack gets its answer first; the
 * messages about the change are sent after.
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
    [VIEWS.markWon, REASON_BLOCKS.amount, (actor, id, amountText) => deals.markWon(actor, id, amountText)],
  ];
  for (const [callbackId, blockId, work] of handlers) {
    app.view<ViewSubmitAction>(callbackId, async ({ ack, body, view, context, client }) => {
      let change: DealChange;
      let actor: Actor;
      const metadata = readMetadata<ReasonModalMetadata>(view.private_metadata);
      try {
        const input = inputValue(ZViewStateValues.parse(view.state.values), blockId) ?? "";
        actor = await identifyInteraction(deps, body, context.teamId);
        change = await work(actor, Number(metadata.dealId), input);
      } catch (error) {
        const message = isDomainError(error) ? error.message : (await replyToError(error, deps, callbackId)).text;
        await ack({ response_action: "errors", errors: { [blockId]: message } });
        return;
      }
      await ack();
      try {
        await change.announce();
        if (metadata.fromHome) await publishHome(deps, client, actor);
      } catch (error) {
        deps.logger.warn({ where: callbackId, err: (error as Error).message }, "could not announce a deal change");
      }
    });
  }
}
