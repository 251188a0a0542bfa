import { z } from "zod";
import { ACTIONS, SHOUTOUT_BLOCKS } from "../../ids";
import { ANNOUNCE_OPTION } from "../../views/shoutout-modal-view";
import { inputValue, ZViewStateValues } from "./view-state";

/** The multi-selects of the modal (people, announce box), which view-state.ts does not read. */
const ZPicked = z.object({
  [SHOUTOUT_BLOCKS.recipients]: z
    .object({ [ACTIONS.input]: z.object({ selected_users: z.array(z.string()).nullish() }) })
    .optional(),
  [SHOUTOUT_BLOCKS.announce]: z
    .object({ [ACTIONS.input]: z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() }) })
    .optional(),
});

export interface ShoutoutForm {
  userIds: string[];
  partnerName: string | null;
  value: string | null;
  message: string;
  award: string | null;
  announce: boolean;
}

/** The shout-out as filled into the modal. */
export function readShoutoutForm(raw: unknown): ShoutoutForm {
  const values = ZViewStateValues.parse(raw);
  const picked = ZPicked.parse(raw);
  const announced = picked[SHOUTOUT_BLOCKS.announce]?.[ACTIONS.input]?.selected_options ?? [];
  return {
    userIds: picked[SHOUTOUT_BLOCKS.recipients]?.[ACTIONS.input]?.selected_users ?? [],
    partnerName: inputValue(values, SHOUTOUT_BLOCKS.partner),
    value: inputValue(values, SHOUTOUT_BLOCKS.value),
    message: inputValue(values, SHOUTOUT_BLOCKS.message) ?? "",
    award: inputValue(values, SHOUTOUT_BLOCKS.award),
    announce: announced.some((option) => option.value === ANNOUNCE_OPTION),
  };
}
