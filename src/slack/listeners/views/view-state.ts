import { z } from "zod";
import type { DealDraft } from "../../../domain/deals/deal-input";
import { ACTIONS, DEAL_BLOCKS } from "../../ids";
import { withoutNul } from "../../parse/typed-text";

/** One input's state as Slack sends it; only the fields this app's elements produce. */
const ZInputState = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_date: z.string().nullish(),
  selected_user: z.string().nullish(),
});

export const ZViewStateValues = z.record(z.string(), z.record(z.string(), ZInputState));
export type ViewStateValues = z.infer<typeof ZViewStateValues>;

/** The text, selected option or date of an input block, or null when it is empty or absent. */
export function inputValue(values: ViewStateValues, blockId: string): string | null {
  const state = values[blockId]?.[ACTIONS.input];
  if (!state) return null;
  const typed = state.value ?? state.selected_option?.value ?? state.selected_date ?? state.selected_user ?? null;
  const value = typed === null ? null : withoutNul(typed);
  return value === null || value.trim() === "" ? null : value;
}

export function readDealDraft(raw: unknown): DealDraft {
  const values = ZViewStateValues.parse(raw);
  const field = (blockId: string) => inputValue(values, blockId);
  return {
    partnerId: field(DEAL_BLOCKS.partner),
    customerName: field(DEAL_BLOCKS.customerName),
    customerDomain: field(DEAL_BLOCKS.customerDomain),
    product: field(DEAL_BLOCKS.product),
    amount: field(DEAL_BLOCKS.amount),
    currency: field(DEAL_BLOCKS.currency),
    stage: field(DEAL_BLOCKS.stage),
    expectedClose: field(DEAL_BLOCKS.expectedClose),
    region: field(DEAL_BLOCKS.region),
    notes: field(DEAL_BLOCKS.notes),
  };
}
