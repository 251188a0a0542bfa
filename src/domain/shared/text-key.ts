/**
 * A comparison key for names typed by people: no case, no accents, punctuation and runs of
 * space folded, so "Acme  GmbH", "acme gmbh" and "ACMÉ GmbH." compare equal.
 */
export function textKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
