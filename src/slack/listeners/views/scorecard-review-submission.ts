import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import { REVIEW_DIMENSIONS } from "../../../domain/program/program-types";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { SCORECARD_BLOCKS, VIEWS } from "../../ids";
import { errorSentence } from "../../views/error-sentences";
import { type ScorecardReviewMetadata, scorecardReviewSavedModal } from "../../views/scorecard-review-modal";
import { identifyInteraction, readMetadata } from "../interaction";
import { publishHome } from "../publish-home";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { inputValue, ZViewStateValues } from "./view-state";

/** The block a refusal shows under: a bad rating under the first rating, anything else under the notes. */
function blockOf(code: string): string {
  const first = REVIEW_DIMENSIONS[0];
  return code === "review_rating_invalid" && first ? SCORECARD_BLOCKS.rating(first) : SCORECARD_BLOCKS.notes;
}

/** The quarterly review's Save: a second save of the same quarter replaces the first. */
export function registerScorecardReviewSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.scorecardReview, async ({ ack, body, view, client, context }) => {
    const metadata = readMetadata<ScorecardReviewMetadata>(view.private_metadata);
    let actor: Actor | undefined;
    const decide = async (): Promise<ViewResponseAction> => {
      try {
        const who = await identifyInteraction(deps, body, context.teamId);
        const values = ZViewStateValues.parse(view.state.values);
        const ratings: Record<string, number | null> = {};
        for (const dimension of REVIEW_DIMENSIONS) {
          const chosen = inputValue(values, SCORECARD_BLOCKS.rating(dimension));
          ratings[dimension] = chosen === null ? null : Number(chosen);
        }
        const notes = inputValue(values, SCORECARD_BLOCKS.notes);
        const review = await deps.services.scorecards.saveReview(who, Number(metadata.partnerId), { ratings, notes });
        actor = who;
        return {
          response_action: "update",
          view: scorecardReviewSavedModal(metadata.partnerName ?? "", metadata.quarterLabel ?? review.quarter, review),
        };
      } catch (error) {
        if (isDomainError(error)) {
          return { response_action: "errors", errors: { [blockOf(error.code)]: errorSentence(error) } };
        }
        const message = (await replyToError(error, deps, VIEWS.scorecardReview)).text;
        return { response_action: "errors", errors: { [SCORECARD_BLOCKS.notes]: message } };
      }
    };
    await answerInTime(deps, { ack, client, view }, "Saving the review…", decide());
    if (!actor || !metadata.fromHome) return;
    await publishHome(deps, client, actor).catch((error: unknown) =>
      deps.logger.warn(
        { where: VIEWS.scorecardReview, err: (error as Error).message },
        "could not refresh the App Home",
      ),
    );
  });
}
