import type { KnownBlock, ModalView } from "@slack/types";
import { type Quarter, REVIEW_DIMENSIONS } from "../../domain/program/program-types";
import type { ScorecardReviewRecord } from "../../services/program/program-store";
import { ACTIONS, SCORECARD_BLOCKS, VIEWS } from "../ids";
import { context, input, md, modal, option, plainTextInput, section, staticSelect } from "./block-kit";
import { DIMENSION_NAMES, ratingsText } from "./scorecard-view";

/** The domain's cap (scorecard.ts MAX_REVIEW_NOTES): the field stops there, the service checks again. */
const MAX_NOTES = 1000;

const RATING_WORDS = ["", "poor", "below expectations", "as expected", "good", "excellent"];

/** What the modal carries to its submission. */
export interface ScorecardReviewMetadata {
  partnerId: number;
  /** For the saved modal: the names as the form showed them. */
  partnerName: string;
  quarterLabel: string;
  fromHome: boolean;
}

function ratingSelect(current: number | undefined) {
  const choices = [1, 2, 3, 4, 5].map((score) => option(String(score), `${score} · ${RATING_WORDS[score]}`));
  return staticSelect(ACTIONS.input, choices, {
    placeholder: "Not rated",
    initial: current === undefined ? undefined : choices[current - 1],
  });
}

/** Managers' quarterly review: a rating per dimension and notes the partner will read. */
export function scorecardReviewModal(
  form: { partner: { name: string }; quarter: Quarter; review: ScorecardReviewRecord | null },
  metadata: ScorecardReviewMetadata,
): ModalView {
  const blocks: KnownBlock[] = [
    section(md`*${form.partner.name}* · ${form.quarter.label}`),
    ...(form.review ? [context(md`Saving replaces the review saved before.`)] : []),
    ...REVIEW_DIMENSIONS.map((dimension) =>
      input(
        SCORECARD_BLOCKS.rating(dimension),
        DIMENSION_NAMES[dimension],
        ratingSelect(form.review?.ratings[dimension]),
        {
          optional: true,
        },
      ),
    ),
    input(
      SCORECARD_BLOCKS.notes,
      "Notes",
      plainTextInput(ACTIONS.input, { multiline: true, max: MAX_NOTES, initial: form.review?.notes ?? null }),
      { optional: true, hint: "The partner's people see these notes on their scorecard." },
    ),
  ];
  return modal({
    title: "Quarterly review",
    submit: "Save",
    close: "Cancel",
    callbackId: VIEWS.scorecardReview,
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

/** After Save: what was recorded. */
export function scorecardReviewSavedModal(
  partnerName: string,
  quarterLabel: string,
  review: ScorecardReviewRecord,
): ModalView {
  return modal({
    title: "Review saved",
    close: "Done",
    blocks: [
      section(md`:white_check_mark: *${partnerName}* · ${quarterLabel}: ${ratingsText(review)}`),
      context(md`It shows on the partner's scorecard, notes included.`),
    ],
  });
}
