/**
 * What every piece of text people type goes through on its way in, from a slash command or a
 * modal field. A NUL character is invisible and means nothing to a person, yet PostgreSQL refuses
 * it in text while SQLite stores it: removing it here makes both databases hold the same names.
 * Done at the Slack boundary rather than in each domain rule, so no rule, key or lookup can see it.
 */
export function withoutNul(text: string): string {
  return text.replaceAll(String.fromCharCode(0), "");
}
