import type { ModalView } from "@slack/types";
import { MAX_ANSWER } from "../../domain/deals/registration";
import type { DealRecord } from "../../services/records";
import { ACTIONS, ANSWER_BLOCKS, VIEWS } from "../ids";
import { input, md, modal, plainTextInput, section, truncate } from "./block-kit";
import { dealAmount, dealTitle } from "./deal-text";

/** What the answer modal carries to its submission. */
export interface AnswerModalMetadata {
  dealId: number;
  /** Opened from the App Home, which is republished once the answer is in. */
  fromHome?: boolean;
}

/** The partner answers a manager's question; the question (the registration's note) is shown above. */
export function answerModal(deal: DealRecord, metadata: AnswerModalMetadata): ModalView {
  const question = deal.status === "info_requested" && deal.decisionNote ? deal.decisionNote : null;
  return modal({
    callbackId: VIEWS.answerInfo,
    privateMetadata: JSON.stringify(metadata),
    title: "Answer the manager",
    submit: "Send answer",
    close: "Cancel",
    blocks: [
      section(md`*${dealTitle(deal)}* · ${deal.partnerName} · ${dealAmount(deal)}`),
      section(
        question
          ? md`:speech_balloon: *The question:*\n“${truncate(question, 1000)}”`
          : md`:speech_balloon: No question is open on this registration any more.`,
      ),
      input(
        ANSWER_BLOCKS.answer,
        "Your answer. The manager who asked will see it.",
        plainTextInput(ACTIONS.input, {
          multiline: true,
          max: MAX_ANSWER,
          placeholder: "e.g. The CFO signs the PO; the budget is approved in January.",
        }),
      ),
    ],
  });
}

/** After the answer: where it went. */
export function answerSentModal(deal: DealRecord): ModalView {
  return modal({
    title: "Answer sent",
    close: "Done",
    blocks: [
      section(
        md`:white_check_mark: Your answer about *${dealTitle(deal)}* was sent to the manager. The registration waits for their decision again.`,
      ),
    ],
  });
}
