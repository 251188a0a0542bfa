import type { ErrorCode, ErrorParams } from "../../domain/shared/domain-error";

/** One sentence per refusal code, built from that code's facts. */
export type Sentences = { [C in ErrorCode]: (params: ErrorParams[C]) => string };

/**
 * Typed text inside the curly quotes that `mentionSafe` shows literally: a closing quote typed in
 * it would end the quoted part early and let the rest through as markup, so it becomes a straight one.
 */
export function quoted(typed: string): string {
  return `“${typed.replace(/”/g, '"')}”`;
}
