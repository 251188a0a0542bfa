import { DomainError } from "../shared/domain-error";
import { textKey } from "../shared/text-key";

export type PartnerMatch<P> =
  | { kind: "one"; partner: P }
  | { kind: "many"; matches: P[] }
  | { kind: "none"; suggestions: P[] };

/** More than this and the person should type more of the name rather than read a list. */
export const MAX_PARTNER_MATCHES = 8;
export const MAX_PARTNER_SUGGESTIONS = 3;

/**
 * The partner a person means by what they typed. The exact name (compared as a text key, so case,
 * accents and punctuation don't matter) always wins. Otherwise a partner matches when its name
 * starts with what was typed, or when every typed word starts a word of its name: "acme" and
 * "sol acme" both find "Acme Solutions". Several matches are listed for the person to pick from
 * (by name, at most MAX_PARTNER_MATCHES); none gives the few names within a typo or two.
 */
export function matchPartner<P extends { name: string; nameKey: string }>(
  typed: string,
  partners: readonly P[],
): PartnerMatch<P> {
  const key = textKey(typed);
  if (key === "") throw new DomainError("partner_search_empty");

  const exact = partners.filter((p) => p.nameKey === key);
  if (exact.length === 1 && exact[0] !== undefined) return { kind: "one", partner: exact[0] };
  if (exact.length > 1) return { kind: "many", matches: byName(exact).slice(0, MAX_PARTNER_MATCHES) };

  const words = key.split(" ");
  const matches = partners.filter((p) => p.nameKey.startsWith(key) || wordsStartWords(words, p.nameKey.split(" ")));
  if (matches.length === 1 && matches[0] !== undefined) return { kind: "one", partner: matches[0] };
  if (matches.length > 1) return { kind: "many", matches: byName(matches).slice(0, MAX_PARTNER_MATCHES) };

  const allowed = typoAllowance(key);
  const suggestions = partners
    .map((partner) => ({ partner, distance: typoDistance(key, words, partner.nameKey) }))
    .filter((s) => s.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || compareNames(a.partner, b.partner))
    .slice(0, MAX_PARTNER_SUGGESTIONS)
    .map((s) => s.partner);
  return { kind: "none", suggestions };
}

/** Every typed word starts a distinct word of the name, in any order. */
function wordsStartWords(typed: readonly string[], name: readonly string[]): boolean {
  const free = [...name];
  return typed.every((word) => {
    const at = free.findIndex((candidate) => candidate.startsWith(word));
    if (at === -1) return false;
    free.splice(at, 1);
    return true;
  });
}

function byName<P extends { name: string }>(partners: readonly P[]): P[] {
  return [...partners].sort(compareNames);
}

function compareNames(a: { name: string }, b: { name: string }): number {
  return (
    a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/** A typo per few letters: short names have too many neighbours to guess from. */
function typoAllowance(key: string): number {
  const letters = key.replace(/ /g, "").length;
  if (letters <= 2) return 0;
  if (letters <= 5) return 1;
  if (letters <= 10) return 2;
  return 3;
}

/**
 * How many typos separate what was typed from a name: the whole key against the whole name, or
 * word by word, each typed word against the closest word of the name or its beginning (a typo in
 * an abbreviated word, "slou" for "Solutions").
 */
function typoDistance(key: string, words: readonly string[], nameKey: string): number {
  const nameWords = nameKey.split(" ");
  let byWord = 0;
  for (const word of words) {
    let best = Number.POSITIVE_INFINITY;
    for (const candidate of nameWords) {
      best = Math.min(best, editDistance(word, candidate), editDistance(word, candidate.slice(0, word.length)));
    }
    byWord += best;
  }
  return Math.min(editDistance(key, nameKey), byWord);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
