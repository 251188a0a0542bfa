import { z } from "zod";
import type { PracticeDraft, PracticeField } from "../../../domain/practices/practice-input";
import { ACTIONS, PRACTICE_BLOCKS } from "../../ids";
import { withoutNul } from "../../parse/typed-text";
import { inputValue, ZViewStateValues } from "./view-state";

/** The tag picker's state: the one multi-select of the app, so read here rather than in view-state. */
const ZPickedTags = z.object({
  [PRACTICE_BLOCKS.tags]: z
    .object({ [ACTIONS.input]: z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() }) })
    .optional(),
});

/** Where each field's problem is shown; a tag problem sits under the typed tags, where it came from. */
export const PRACTICE_FIELD_BLOCKS: Record<PracticeField, string> = {
  title: PRACTICE_BLOCKS.title,
  body: PRACTICE_BLOCKS.body,
  tags: PRACTICE_BLOCKS.newTags,
  region: PRACTICE_BLOCKS.region,
  link: PRACTICE_BLOCKS.link,
};

/** The practice as typed into the share or edit modal. */
export function readPracticeDraft(raw: unknown): PracticeDraft {
  const values = ZViewStateValues.parse(raw);
  const field = (blockId: string) => inputValue(values, blockId);
  const picked = ZPickedTags.parse(raw)[PRACTICE_BLOCKS.tags]?.[ACTIONS.input]?.selected_options ?? [];
  return {
    title: field(PRACTICE_BLOCKS.title),
    body: field(PRACTICE_BLOCKS.body),
    tags: picked.map((option) => withoutNul(option.value)),
    newTags: field(PRACTICE_BLOCKS.newTags),
    region: field(PRACTICE_BLOCKS.region),
    link: field(PRACTICE_BLOCKS.link),
  };
}
