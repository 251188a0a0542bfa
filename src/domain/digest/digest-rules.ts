import type { GoalStatus } from "../goals/pace";
import { dayLabel } from "../leaderboard/periods";
import { dayOf } from "../shared/zoned-time";

/** Each section of a digest shows at most this many items, then "and N more". */
export const DIGEST_LIST_SIZE = 5;

/** Leaderboard rows a digest shows. */
export const DIGEST_LEADERBOARD_SIZE = 5;

/** A list cut to what one message shows, with how many were left out. */
export interface CappedList<T> {
  items: T[];
  more: number;
}

/** The first `size` items of a whole list. */
export function capList<T>(items: readonly T[], size: number = DIGEST_LIST_SIZE): CappedList<T> {
  return { items: items.slice(0, size), more: Math.max(0, items.length - size) };
}

/** A list the database already cut (its first page) with how many matched in all. */
export function capPage<T>(page: readonly T[], total: number, size: number = DIGEST_LIST_SIZE): CappedList<T> {
  const items = page.slice(0, size);
  return { items, more: Math.max(0, total - items.length) };
}

/** The local days a week [start, end) covers: its first and its last (inclusive). */
export function weekDays(start: Date, end: Date, timeZone: string): { first: string; last: string } {
  return { first: dayOf(start, timeZone), last: dayOf(new Date(end.getTime() - 1), timeZone) };
}

/** "Nov 23 – Nov 29, 2026"; the year twice when the week spans New Year ("Dec 28, 2026 – Jan 3, 2027"). */
export function weekLabel(first: string, last: string): string {
  if (first === last) return dayLabel(first);
  const from = dayLabel(first);
  const to = dayLabel(last);
  if (first.slice(0, 4) !== last.slice(0, 4)) return `${from} – ${to}`;
  return `${from.slice(0, from.lastIndexOf(","))} – ${to}`;
}

/** A won deal and what it is worth in the reporting currency (null: no rate for its currency that day). */
export interface WonValue<T> {
  item: T;
  id: number;
  /** Reporting-currency minor units. */
  value: bigint | null;
  /** Minor units of its own currency: orders the unpriced ones among themselves. */
  amount: number;
}

/**
 * Deals won, largest first by reporting-currency value; deals without a rate come after the priced
 * ones (their size can't be compared), largest own amount first. Ties keep the older deal first.
 */
export function largestFirst<T>(deals: readonly WonValue<T>[]): T[] {
  return [...deals]
    .sort((a, b) => {
      if (a.value !== null && b.value !== null && a.value !== b.value) return a.value > b.value ? -1 : 1;
      if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
      if (a.value === null && a.amount !== b.amount) return b.amount - a.amount;
      return a.id - b.id;
    })
    .map((entry) => entry.item);
}

/** What the quiet rule looks at: every list of the digest and its leaderboard. */
export interface DigestSections {
  lists: readonly CappedList<unknown>[];
  leaderboard: unknown | null;
}

/** Quiet: nothing in any section (no list item, nothing left out, no leaderboard). */
export function isQuiet(sections: DigestSections): boolean {
  return sections.leaderboard === null && sections.lists.every((list) => list.items.length === 0 && list.more === 0);
}

/** A leaderboard row as far as trimming goes. */
export interface TrimmableRow {
  mine: boolean;
  showAmount: boolean;
}

/**
 * The top `size` rows of a longer leaderboard. The reader's own row cut from the top becomes the
 * caller row (shown under the top), as when it ranks lower.
 */
export function trimLeaderboard<R extends TrimmableRow>(
  top: readonly R[],
  caller: R | null,
  size: number = DIGEST_LEADERBOARD_SIZE,
): { top: R[]; caller: R | null; hiddenAmounts: boolean } {
  const kept = top.slice(0, size);
  const own = caller ?? top.slice(size).find((row) => row.mine) ?? null;
  return {
    top: kept,
    caller: own,
    hiddenAmounts: [...kept, ...(own ? [own] : [])].some((row) => !row.showAmount),
  };
}

/** A goal line as far as the digest's ordering goes. */
export interface DigestGoal {
  goal: { partnerId: number | null; tier: string | null; periodStart: string };
  partnerName: string | null;
  actual: number;
  progress: { status: GoalStatus; expectedByNow: number };
}

/** Goals that have started by `today` (a goal for next quarter has nothing to report yet). */
export function startedGoals<G extends DigestGoal>(lines: readonly G[], today: string): G[] {
  return lines.filter((line) => line.goal.periodStart <= today);
}

function ownerRank(line: DigestGoal): number {
  return line.goal.partnerId === null && line.goal.tier === null ? 0 : line.goal.partnerId === null ? 1 : 2;
}

/** Goal progress: the program's goals first, then tiers', then partners' (each in the order given). */
export function goalOrder<G extends DigestGoal>(lines: readonly G[]): G[] {
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => ownerRank(a.line) - ownerRank(b.line) || a.index - b.index)
    .map(({ line }) => line);
}

/** How far behind its pace a goal is, as a share of what was expected by now. */
function behind(line: DigestGoal): number {
  const expected = line.progress.expectedByNow;
  return expected > 0 ? (expected - line.actual) / expected : 0;
}

/** Partners at risk: a partner's line behind pace, furthest behind first. */
export function partnersAtRisk<G extends DigestGoal>(lines: readonly G[]): G[] {
  return lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.partnerName !== null && line.progress.status === "at_risk")
    .sort((a, b) => behind(b.line) - behind(a.line) || a.index - b.index)
    .map(({ line }) => line);
}

/** Every goal behind pace (the manager's queue), program goals included, furthest behind first. */
export function goalsAtRisk<G extends DigestGoal>(lines: readonly G[]): G[] {
  return lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.progress.status === "at_risk")
    .sort((a, b) => behind(b.line) - behind(a.line) || a.index - b.index)
    .map(({ line }) => line);
}
