import type { Problem } from "../shared/error-codes";

export const MAX_TAG_LENGTH = 30;
export const MAX_TAGS = 10;

/**
 * The form a tag is stored and matched in: lower case, accents folded, every run of other
 * characters one hyphen, so "Pricing Objections", "pricing-objections" and "Prícing objections!"
 * are one tag. Empty when the text has no letter or digit.
 */
export function tagSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** One tag as typed or picked: its slug, or what is wrong with it. */
export function checkTag(text: string): { ok: true; tag: string } | { ok: false; problem: Problem } {
  const shown = text.trim();
  const tag = tagSlug(shown);
  if (tag === "") return { ok: false, problem: { code: "practice_tag_invalid", params: { tag: shown } } };
  if (tag.length > MAX_TAG_LENGTH) {
    return { ok: false, problem: { code: "practice_tag_too_long", params: { tag: shown, max: MAX_TAG_LENGTH } } };
  }
  return { ok: true, tag };
}

/**
 * The tags of a practice: those picked from the list plus those typed (separated by commas,
 * semicolons or line breaks), as slugs, each once, in the order given. Blank entries between
 * separators are skipped; the first bad one is the field's problem.
 */
export function parseTags(picked: readonly string[], typed: string | null): { tags: string[] } | Problem {
  const entries = [...picked, ...(typed ?? "").split(/[,;\n]/)].filter((entry) => entry.trim() !== "");
  const tags: string[] = [];
  for (const entry of entries) {
    const checked = checkTag(entry);
    if (!checked.ok) return checked.problem;
    if (!tags.includes(checked.tag)) tags.push(checked.tag);
  }
  if (tags.length > MAX_TAGS) return { code: "practice_too_many_tags", params: { max: MAX_TAGS } };
  return { tags };
}
