import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { TIER_BLOCKS, VIEWS } from "../../ids";
import { errorSentence } from "../../views/error-sentences";
import { type TierDecisionMetadata, tierDecidedModal } from "../../views/tier-decision-modal";
import { identifyInteraction, readMetadata } from "../interaction";
import { publishHome } from "../publish-home";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { inputValue, ZViewStateValues } from "./view-state";

/**
 * Demote or Keep, with the note: a refusal (still in the grace period, decided meanwhile) shows in
 * the modal; the card in the approvals channel is updated through the outbox.
 */
export function registerTierDecisionSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.tierReviewDecide, async ({ ack, body, view, client, context }) => {
    const metadata = readMetadata<TierDecisionMetadata>(view.private_metadata);
    let actor: Actor | undefined;
    const decide = async (): Promise<ViewResponseAction> => {
      try {
        const who = await identifyInteraction(deps, body, context.teamId);
        const values = ZViewStateValues.parse(view.state.values);
        const note = inputValue(values, TIER_BLOCKS.note);
        const decision = metadata.decision === "demote" ? "demote" : "keep";
        const review = await deps.services.tiers.decideReview(who, Number(metadata.reviewId), decision, note);
        actor = who;
        return { response_action: "update", view: tierDecidedModal(review, metadata.partnerName ?? "") };
      } catch (error) {
        const message = isDomainError(error)
          ? errorSentence(error)
          : (await replyToError(error, deps, VIEWS.tierReviewDecide)).text;
        return { response_action: "errors", errors: { [TIER_BLOCKS.note]: message } };
      }
    };
    await answerInTime(deps, { ack, client, view }, "Recording the decision…", decide());
    if (!actor || !metadata.fromHome) return;
    await publishHome(deps, client, actor).catch((error: unknown) =>
      deps.logger.warn(
        { where: VIEWS.tierReviewDecide, err: (error as Error).message },
        "could not refresh the App Home",
      ),
    );
  });
}
