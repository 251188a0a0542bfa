export const MAX_SEARCH_TERMS = 8;

/**
 * The words a person typed after "search", as plain terms for the database's full-text engine:
 * lower case, accents folded, split on anything that is not a letter or digit (so no operator,
 * quote or wildcard reaches the query), without one-letter words or repeats, at most
 * MAX_SEARCH_TERMS so one long paste cannot make an expensive query.
 */
export function searchTerms(words: string): string[] {
  const terms: string[] = [];
  const folded = words
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  for (const term of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (term.length < 2 || terms.includes(term)) continue;
    terms.push(term);
    if (terms.length === MAX_SEARCH_TERMS) break;
  }
  return terms;
}
