import { type PracticePeriod, periodStart } from "../../domain/practices/practice-periods";
import { searchTerms } from "../../domain/practices/search-terms";
import { checkTag } from "../../domain/practices/tag-slug";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { PracticeContext } from "./practice-context";
import type { PracticeRecord } from "./practice-store";

/** How many practices an answer lists: with a few blocks each, well inside Slack's 50 per message. */
export const PRACTICE_LIST_LIMIT = 10;
/** Per list on the App Home. */
export const PRACTICE_HOME_LIMIT = 5;

/** Ranked by relevance over title, text and tags, then helpful votes. */
export async function searchPractices(
  context: PracticeContext,
  actor: Actor,
  words: string,
): Promise<{ terms: string[]; results: PracticeRecord[] }> {
  const terms = searchTerms(words);
  if (terms.length === 0) throw new DomainError("practice_search_empty");
  const results = await context.store.practices.search(actor.workspace.id, terms, PRACTICE_LIST_LIMIT);
  return { terms, results };
}

/** Most helpful first, among those shared since the period began in the workspace's time zone. */
export function topPractices(
  context: PracticeContext,
  actor: Actor,
  period: PracticePeriod,
): Promise<PracticeRecord[]> {
  const { timezone, weekStartsOn } = actor.workspace;
  const since = periodStart(period, context.clock(), timezone, weekStartsOn);
  return context.store.practices.top(actor.workspace.id, since, PRACTICE_LIST_LIMIT);
}

/** The tag as the person typed it (any case, spaces or a leading #) matches its slug. */
export async function practicesByTag(context: PracticeContext, actor: Actor, tag: string): Promise<PracticeRecord[]> {
  const checked = checkTag(tag.replace(/^\s*#/, ""));
  if (!checked.ok) throw DomainError.of(checked.problem);
  return context.store.practices.byTag(actor.workspace.id, checked.tag, PRACTICE_LIST_LIMIT);
}

export function myPractices(context: PracticeContext, actor: Actor): Promise<PracticeRecord[]> {
  return context.store.practices.byAuthor(actor.workspace.id, actor.userId, PRACTICE_LIST_LIMIT);
}

export async function homePractices(
  context: PracticeContext,
  actor: Actor,
): Promise<{ newest: PracticeRecord[]; mostHelpful: PracticeRecord[] }> {
  const { practices } = context.store;
  const newest = await practices.newest(actor.workspace.id, PRACTICE_HOME_LIMIT);
  const top = await practices.top(actor.workspace.id, null, PRACTICE_HOME_LIMIT);
  // Nobody has found the others helpful yet: listing them would only repeat the newest.
  return { newest, mostHelpful: top.filter((practice) => practice.helpfulCount > 0) };
}

/** Which of `ids` the actor found helpful: the Helpful button shows it to them. */
export function practicesVotedBy(context: PracticeContext, actor: Actor, ids: readonly number[]): Promise<Set<number>> {
  return context.store.practices.votedBy(actor.userId, ids);
}

/** The practice as it is now, deleted ones included (the card is redrawn as deleted), for the outbox. */
export function practiceForMessage(
  context: PracticeContext,
  workspaceId: number,
  id: number,
): Promise<PracticeRecord | null> {
  return context.store.practices.findById(workspaceId, id);
}
