import { expect } from "vitest";

/**
 * Slack's Block Kit limits, checked on every message and view the tests see. A message over them
 * is rejected by Slack with invalid_blocks, which the fake would not otherwise notice.
 */
type Json = Record<string, unknown>;

function textOf(value: unknown): string {
  return typeof value === "object" && value !== null ? String((value as Json).text ?? "") : "";
}

/**
 * Ids, values and every text object, wherever they sit: the text is measured as sent, so `&amp;`
 * counts five characters, as Slack counts it.
 */
function checkNested(node: unknown, problems: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) checkNested(item, problems);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const object = node as Json;
  if ((object.type === "mrkdwn" || object.type === "plain_text") && typeof object.text === "string") {
    if (object.text.length > 3000) problems.push(`${object.type} text longer than 3000`);
  }
  if (object.type === "button" && textOf(object.text).length > 75) problems.push("button text longer than 75");
  if (textOf(object.placeholder).length > 150) problems.push("placeholder longer than 150");
  if (Array.isArray(object.options)) {
    for (const option of object.options as Json[]) {
      if (textOf(option.text).length > 75) problems.push("option text longer than 75");
      if (typeof option.value === "string" && option.value.length > 150) problems.push("option value longer than 150");
    }
  }
  for (const [key, value] of Object.entries(object)) {
    if (
      (key === "action_id" || key === "block_id" || key === "callback_id" || key === "value") &&
      typeof value === "string"
    ) {
      const limit = key === "value" ? 2000 : 255;
      if (value.length > limit) problems.push(`${key} longer than ${limit}`);
    }
    checkNested(value, problems);
  }
}

export function slackLimitProblems(surface: { blocks?: unknown[]; type?: string } & Json): string[] {
  const problems: string[] = [];
  const blocks = (surface.blocks ?? []) as Json[];
  const isView = surface.type === "modal" || surface.type === "home";
  const maxBlocks = isView ? 100 : 50;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  if (surface.type === "modal") {
    for (const key of ["title", "submit", "close"]) {
      if (textOf(surface[key]).length > 24) problems.push(`modal ${key} longer than 24`);
    }
    if (textOf(surface.title) === "") problems.push("modal without title");
  }
  if (typeof surface.private_metadata === "string" && surface.private_metadata.length > 3000) {
    problems.push("private_metadata longer than 3000");
  }
  if (typeof surface.text === "string" && surface.text.length > 40_000) problems.push("text longer than 40000");
  for (const block of blocks) {
    if (block.type === "section") {
      if (textOf(block.text).length > 3000) problems.push("section text longer than 3000");
      const fields = (block.fields as unknown[] | undefined) ?? [];
      if (fields.length > 10) problems.push("section with more than 10 fields");
      for (const field of fields) if (textOf(field).length > 2000) problems.push("section field longer than 2000");
    }
    if (block.type === "header" && textOf(block.text).length > 150) problems.push("header longer than 150");
    if (block.type === "actions" && ((block.elements as unknown[]) ?? []).length > 25) {
      problems.push("actions block with more than 25 elements");
    }
    if (block.type === "context" && ((block.elements as unknown[]) ?? []).length > 10) {
      problems.push("context block with more than 10 elements");
    }
    if (block.type === "input" && textOf(block.label).length > 2000) problems.push("input label longer than 2000");
  }
  checkNested(surface, problems);
  return problems;
}

export function expectWithinSlackLimits(surface: object): void {
  expect(slackLimitProblems(surface as Json)).toEqual([]);
}
