import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { DealRecord } from "../../../services/records";
import type { SlackDeps } from "../../deps";
import { REASON_BLOCKS, VIEWS } from "../../ids";
import type { ReasonModalMetadata } from "../../views/deal-modal-view";
import { errorSentence } from "../../views/error-sentences";
import { identifyInteraction, readMetadata } from "../interaction";
import { publishHome } from "../publish-home";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { inputValue, ZViewStateValues } from "./view-state";

type Work = (actor: Actor, dealId: number, input: string) => Promise<DealRecord>;

/**
 * The small modals that finish a decision or a stage change. Any refusal is shown under the
 * modal's one field, so the person keeps what they typed. The messages about the change were
 * written to the outbox with it. When the database is slow, the answer comes after an interim
 * modal (see answer-in-time).
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
      let actor: Actor | undefined;
      const metadata = readMetadata<ReasonModalMetadata>(view.private_metadata);
      const decide = async (): Promise<ViewResponseAction | undefined> => {
        try {
          const input = inputValue(ZViewStateValues.parse(view.state.values), blockId) ?? "";
          const who = await identifyInteraction(deps, body, context.teamId);
          await work(who, Number(metadata.dealId), input);
          actor = who;
          return undefined;
        } catch (error) {
          const message = isDomainError(error)
            ? errorSentence(error)
            : (await replyToError(error, deps, callbackId)).text;
          return { response_action: "errors", errors: { [blockId]: message } };
        }
      };
      await answerInTime(deps, { ack, client, view }, "Saving…", decide());
      if (!actor || !metadata.fromHome) return;
      await publishHome(deps, client, actor).catch((error: unknown) =>
        deps.logger.warn({ where: callbackId, err: (error as Error).message }, "could not refresh the App Home"),
      );
    });
  }
}
