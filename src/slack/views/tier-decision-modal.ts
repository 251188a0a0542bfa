import type { ModalView } from "@slack/types";
import type { TierReviewRecord } from "../../services/program/program-store";
import { ACTIONS, TIER_BLOCKS, VIEWS } from "../ids";
import { context, input, md, modal, plainTextInput, section } from "./block-kit";
import { figuresText, type TierReviewView, tierName } from "./tier-views";

export type TierDecision = "demote" | "keep";

/** What the modal carries to its submission. */
export interface TierDecisionMetadata {
  reviewId: number;
  decision: TierDecision;
  /** For the answer after the decision: the name as the modal showed it. */
  partnerName: string;
  fromHome: boolean;
}

/** A note is kept with the decision on the review card and in the audit log. */
export const MAX_TIER_NOTE = 500;

function title(review: TierReviewRecord, decision: TierDecision): string {
  return decision === "demote" ? `Demote to ${tierName(review.toTier)}` : `Keep ${tierName(review.fromTier)}`;
}

/** Demote or Keep on a tier review card: what is decided, and an optional note. */
export function tierDecisionModal(view: TierReviewView, metadata: TierDecisionMetadata): ModalView {
  const { review, partnerName } = view;
  const what =
    metadata.decision === "demote"
      ? md`*${partnerName}* moves down from *${tierName(review.fromTier)}* to *${tierName(review.toTier)}*. The partner sees its new tier on its card.`
      : md`*${partnerName}* keeps *${tierName(review.fromTier)}*, and no new review opens for the grace period.`;
  return modal({
    title: title(review, metadata.decision),
    submit: metadata.decision === "demote" ? "Demote" : "Keep",
    close: "Cancel",
    callbackId: VIEWS.tierReviewDecide,
    privateMetadata: JSON.stringify(metadata),
    blocks: [
      section(what),
      context(md`Last 12 months: ${figuresText(review.figures, review.fromTier, view.reportingCurrency)}`),
      input(
        TIER_BLOCKS.note,
        "Note",
        plainTextInput(ACTIONS.input, {
          multiline: true,
          max: MAX_TIER_NOTE,
          placeholder: "Why, for the record (optional)",
        }),
        { optional: true },
      ),
    ],
  });
}

/** After the decision: what changed; the card in the approvals channel updates too. */
export function tierDecidedModal(review: TierReviewRecord, partnerName: string): ModalView {
  const done =
    review.status === "demoted"
      ? md`:arrow_down: *${partnerName}* is now *${tierName(review.toTier)}*.`
      : md`:white_check_mark: *${partnerName}* keeps *${tierName(review.fromTier)}*.`;
  return modal({ title: "Tier review", close: "Done", blocks: [section(done)] });
}
