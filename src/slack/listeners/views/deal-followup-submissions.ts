import type { App } from "@slack/bolt";
import type { DealEditDraft, DealEditField } from "../../../domain/deals/deal-edit";
import type { DealField } from "../../../domain/deals/deal-input";
import type { Problem } from "../../../domain/shared/error-codes";
import type { SlackDeps } from "../../deps";
import { ANSWER_BLOCKS, CONFLICT_BLOCKS, DEAL_BLOCKS, VIEWS } from "../../ids";
import type { AnswerModalMetadata } from "../../views/answer-modal";
import { answerSentModal } from "../../views/answer-modal";
import { CONFLICT_CHOICE_MISSING, type ConflictModalMetadata } from "../../views/conflict-resolution-modal";
import type { EditModalMetadata } from "../../views/deal-edit-modal";
import { errorSentence } from "../../views/error-sentences";
import type { ResubmitModalMetadata } from "../../views/resubmit-modal";
import { registerDealModalSubmission } from "./deal-modal-submission";
import { inputValue, readDealDraft, type ViewStateValues } from "./view-state";

const FIELD_BLOCKS: Record<DealField | "partner", string> = DEAL_BLOCKS;

/** Field problems as Slack's per-block errors. */
function errorsOf<F extends string>(problems: Partial<Record<F, Problem>>, blocks: Record<F, string>) {
  return {
    response_action: "errors" as const,
    errors: Object.fromEntries(
      Object.entries(problems).map(([field, problem]) => [blocks[field as F], errorSentence(problem as Problem)]),
    ),
  };
}

/** A deal id the app wrote into the modal; a forged one is refused by the service like a stale one. */
const dealIdOf = (metadata: { dealId?: number }) => Number(metadata.dealId ?? 0);

function readEditDraft(values: ViewStateValues): DealEditDraft {
  const field = (blockId: string) => inputValue(values, blockId);
  return {
    amount: field(DEAL_BLOCKS.amount),
    currency: field(DEAL_BLOCKS.currency),
    expectedClose: field(DEAL_BLOCKS.expectedClose),
    product: field(DEAL_BLOCKS.product),
    notes: field(DEAL_BLOCKS.notes),
    stage: field(DEAL_BLOCKS.stage),
  };
}

const EDIT_BLOCKS: Record<DealEditField, string> = {
  amount: DEAL_BLOCKS.amount,
  currency: DEAL_BLOCKS.currency,
  expectedClose: DEAL_BLOCKS.expectedClose,
  product: DEAL_BLOCKS.product,
  notes: DEAL_BLOCKS.notes,
  stage: DEAL_BLOCKS.stage,
};

/** The submits of the conflict, answer, edit and resubmit modals. */
export function registerDealFollowupSubmissions(app: App, deps: SlackDeps): void {
  const deals = deps.services.deals;

  registerDealModalSubmission<ConflictModalMetadata>(app, deps, {
    callbackId: VIEWS.resolveConflict,
    doing: "Resolving the conflict…",
    blockFor: (error) => (error?.code.startsWith("reason_") ? CONFLICT_BLOCKS.reason : CONFLICT_BLOCKS.choice),
    work: async (actor, metadata, values) => {
      const keep = inputValue(values, CONFLICT_BLOCKS.choice);
      if (keep !== "this" && keep !== "existing") {
        return { response_action: "errors", errors: { [CONFLICT_BLOCKS.choice]: CONFLICT_CHOICE_MISSING } };
      }
      const rivalIds = Array.isArray(metadata.rivalIds) ? metadata.rivalIds.map(Number) : [];
      const reason = inputValue(values, CONFLICT_BLOCKS.reason) ?? "";
      await deals.resolveConflict(actor, dealIdOf(metadata), { keep, rivalIds, reason });
      return undefined;
    },
  });

  registerDealModalSubmission<AnswerModalMetadata>(app, deps, {
    callbackId: VIEWS.answerInfo,
    doing: "Sending your answer…",
    blockFor: () => ANSWER_BLOCKS.answer,
    work: async (actor, metadata, values) => {
      const deal = await deals.answerInfo(actor, dealIdOf(metadata), inputValue(values, ANSWER_BLOCKS.answer) ?? "");
      return { response_action: "update", view: answerSentModal(deal) };
    },
  });

  registerDealModalSubmission<EditModalMetadata>(app, deps, {
    callbackId: VIEWS.editDeal,
    doing: "Saving the deal…",
    blockFor: () => DEAL_BLOCKS.amount,
    work: async (actor, metadata, values) => {
      const result = await deals.editDeal(actor, dealIdOf(metadata), readEditDraft(values));
      return result.kind === "invalid" ? errorsOf(result.errors, EDIT_BLOCKS) : undefined;
    },
  });

  registerDealModalSubmission<ResubmitModalMetadata>(app, deps, {
    callbackId: VIEWS.resubmitDeal,
    doing: "Resubmitting the registration…",
    blockFor: () => DEAL_BLOCKS.customerName,
    work: async (actor, metadata, values) => {
      const result = await deals.resubmitDeal(actor, dealIdOf(metadata), readDealDraft(values));
      return result.kind === "invalid" ? errorsOf(result.errors, FIELD_BLOCKS) : undefined;
    },
  });
}
