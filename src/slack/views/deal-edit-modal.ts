import type { ModalView } from "@slack/types";
import { CURRENCIES, formatAmountNumber } from "../../domain/deals/currency";
import { MAX_NOTES, MAX_PRODUCT } from "../../domain/deals/deal-input";
import { STAGE_LABELS, STAGES } from "../../domain/deals/stages";
import { isoDate } from "../../domain/shared/calendar";
import type { DealRecord } from "../../services/records";
import { ACTIONS, DEAL_BLOCKS, VIEWS } from "../ids";
import { context, datepicker, input, md, modal, option, plainTextInput, staticSelect } from "./block-kit";
import { dealTitle } from "./deal-text";

/** What the edit modal carries to its submission. */
export interface EditModalMetadata {
  dealId: number;
  /** Opened from the App Home, which is republished once the deal is saved. */
  fromHome?: boolean;
}

/**
 * Edit a deal: amount, currency, expected close, product, notes and stage, filled in with what the
 * deal holds now. Lost is not offered (it needs a reason: Mark lost) unless the deal is lost already.
 * The block ids are the registration modal's, so errors land under the same fields.
 */
export function dealEditModal(deal: DealRecord, metadata: EditModalMetadata): ModalView {
  const currencyOptions = CURRENCIES.map((currency) => option(currency.code, `${currency.code} · ${currency.name}`));
  const stages = STAGES.filter((stage) => stage !== "lost" || deal.stage === "lost");
  const stageOptions = stages.map((stage) => option(stage, STAGE_LABELS[stage]));
  return modal({
    callbackId: VIEWS.editDeal,
    privateMetadata: JSON.stringify(metadata),
    title: `Edit deal #${deal.id}`,
    submit: "Save",
    close: "Cancel",
    blocks: [
      context(md`*${dealTitle(deal)}* · ${deal.partnerName}`),
      input(
        DEAL_BLOCKS.amount,
        "Amount",
        plainTextInput(ACTIONS.input, { initial: formatAmountNumber(deal.amountMinor, deal.currency), max: 30 }),
        { hint: "In the currency below" },
      ),
      input(
        DEAL_BLOCKS.currency,
        "Currency",
        staticSelect(ACTIONS.input, currencyOptions, {
          initial: currencyOptions.slice(0, 100).find((entry) => entry.value === deal.currency),
        }),
      ),
      input(
        DEAL_BLOCKS.stage,
        "Stage",
        staticSelect(ACTIONS.input, stageOptions, {
          initial: stageOptions.find((entry) => entry.value === deal.stage),
        }),
        { hint: deal.stage === "lost" ? undefined : "To mark the deal lost, use Mark lost: it asks for the reason." },
      ),
      input(
        DEAL_BLOCKS.expectedClose,
        "Expected close date",
        datepicker(ACTIONS.input, {
          placeholder: "Pick a date",
          initial: deal.expectedCloseOn ? isoDate(deal.expectedCloseOn) : undefined,
        }),
        { optional: true },
      ),
      input(
        DEAL_BLOCKS.product,
        "What is being sold",
        plainTextInput(ACTIONS.input, { initial: deal.product, max: MAX_PRODUCT }),
      ),
      input(
        DEAL_BLOCKS.notes,
        "Notes",
        plainTextInput(ACTIONS.input, { initial: deal.notes, multiline: true, max: MAX_NOTES }),
        { optional: true },
      ),
    ],
  });
}
