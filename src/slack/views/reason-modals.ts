import type { ModalView } from "@slack/types";
import type { DealRecord } from "../../services/records";
import { ACTIONS, REASON_BLOCKS, VIEWS } from "../ids";
import { input, md, modal, plainTextInput, section } from "./block-kit";
import { dealAmount, dealTitle } from "./deal-text";

/** What the reason and won modals carry to their submission. */
export interface ReasonModalMetadata {
  dealId: number;
  /** The message the modal was opened from, to update it afterwards. */
  channel?: string | undefined;
  ts?: string | undefined;
  /** Opened from the App Home, which is republished once the decision is made. */
  fromHome?: boolean;
}

const REASON_COPY: Record<
  "reject" | "info" | "lost",
  { callback: string; title: string; submit: string; label: string; placeholder: string }
> = {
  reject: {
    callback: VIEWS.rejectDeal,
    title: "Reject registration",
    submit: "Reject",
    label: "Why is it rejected? The partner will see this.",
    placeholder: "e.g. The customer is a named account of our direct team",
  },
  info: {
    callback: VIEWS.askInfo,
    title: "Ask for information",
    submit: "Send question",
    label: "What do you need to know? The partner will see this.",
    placeholder: "e.g. Who is the decision maker, and when is the budget approved?",
  },
  lost: {
    callback: VIEWS.markLost,
    title: "Mark deal as lost",
    submit: "Mark lost",
    label: "Why was it lost?",
    placeholder: "e.g. Went with a competitor on price",
  },
};

/** Reject, ask for information or mark lost: each asks for a short text the partner reads. */
export function reasonModal(
  kind: "reject" | "info" | "lost",
  deal: DealRecord,
  metadata: ReasonModalMetadata,
): ModalView {
  const copy = REASON_COPY[kind];
  return modal({
    callbackId: copy.callback,
    privateMetadata: JSON.stringify(metadata),
    title: copy.title,
    submit: copy.submit,
    close: "Cancel",
    blocks: [
      section(md`*${dealTitle(deal)}* · ${deal.partnerName} · ${dealAmount(deal)}`),
      input(
        REASON_BLOCKS.reason,
        copy.label,
        plainTextInput(ACTIONS.input, { multiline: true, max: 500, placeholder: copy.placeholder }),
      ),
    ],
  });
}

export function wonModal(deal: DealRecord, metadata: ReasonModalMetadata, amountText: string): ModalView {
  return modal({
    callbackId: VIEWS.markWon,
    privateMetadata: JSON.stringify(metadata),
    title: "Mark deal as won",
    submit: "Mark won",
    close: "Cancel",
    blocks: [
      section(md`:tada: *${dealTitle(deal)}* · ${deal.partnerName}`),
      input(
        REASON_BLOCKS.amount,
        `Final amount (${deal.currency})`,
        plainTextInput(ACTIONS.input, { initial: amountText, max: 30 }),
        {
          hint: "Correct it if the signed amount differs from the registered one.",
        },
      ),
    ],
  });
}
