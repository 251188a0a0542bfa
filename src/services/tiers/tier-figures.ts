import { partnerKey, WINRATE_MIN_CLOSED } from "../../domain/leaderboard/metrics";
import { TIERS, type Tier } from "../../domain/partners/partner-rules";
import type { ProgramConfig, TierFigures } from "../../domain/program/program-types";
import { requiredTrainings } from "../../domain/program/resources";
import { trailingTwelveMonths } from "../../domain/program/tiers";
import type { LeaderboardScores } from "../leaderboard/leaderboard-store";
import { partnerScores } from "../leaderboard/partner-scores";
import type { CompletionRecord, ResourceRecord } from "../program/program-store";
import type { WorkspaceRecord } from "../records";
import type { Store } from "../store";

/**
 * Every partner's trailing-12-month figures as the tier rules read them (or, with `partnerId`, one
 * partner's): three aggregates grouped in the database (won revenue, deals won, win rate, each one
 * row per partner) and one read of the window's training completions, whatever the number of
 * partners. A partner with nothing in the window is left out (emptyTierFigures()), except the one
 * asked for. `config` is taken for the callers that evaluate right after (the rules and the figures
 * are read for the same moment).
 */
export async function tierFigures(
  store: Store,
  workspace: WorkspaceRecord,
  _config: ProgramConfig,
  now: Date,
  partnerId?: number,
): Promise<Map<number, TierFigures>> {
  const window = trailingTwelveMonths(now, workspace.timezone);
  const [revenue, won, winrate, resources, completions] = await Promise.all([
    partnerScores(store, workspace, "revenue", window, now, partnerId),
    partnerScores(store, workspace, "deals", window, now, partnerId),
    partnerScores(store, workspace, "winrate", window, now, partnerId),
    store.resources.list(workspace.id),
    store.resources.completions({
      workspaceId: workspace.id,
      since: window.start,
      ...(partnerId !== undefined && { partnerId }),
    }),
  ]);
  const revenueOf = byPartner(revenue);
  const wonOf = byPartner(won);
  const closedOf = byPartner(winrate);
  const trained = peopleTrained(
    resources,
    completions.filter((completion) => completion.completedAt < window.end),
  );
  const partnerIds = new Set<number>(partnerId === undefined ? [] : [partnerId]);
  for (const scores of [revenue, won, winrate]) {
    for (const entry of scores.entries) if (entry.partnerId !== null) partnerIds.add(entry.partnerId);
  }
  for (const id of trained.keys()) partnerIds.add(id);
  const figures = new Map<number, TierFigures>();
  for (const id of partnerIds) {
    const key = partnerKey(id);
    const closed = closedOf.get(key);
    const count = closed?.count ?? 0;
    figures.set(id, {
      wonRevenueMinor: revenueOf.get(key)?.value ?? 0,
      dealsWon: wonOf.get(key)?.count ?? 0,
      closed: count,
      winRate: count >= WINRATE_MIN_CLOSED && closed !== undefined ? closed.won / count : null,
      peopleTrained: trained.get(id) ?? zeroTrained(),
      unpriced: revenueOf.get(key)?.unpriced ?? 0,
    });
  }
  return figures;
}

/** A partner with no won or lost deal and no training in the window. */
export function emptyTierFigures(): TierFigures {
  return { wonRevenueMinor: 0, dealsWon: 0, closed: 0, winRate: null, peopleTrained: zeroTrained(), unpriced: 0 };
}

function byPartner(scores: LeaderboardScores) {
  return new Map(scores.entries.map((entry) => [entry.key, entry]));
}

function zeroTrained(): Partial<Record<Tier, number>> {
  return Object.fromEntries(TIERS.map((tier) => [tier, 0]));
}

/**
 * Per partner and tier: the people who completed every training that tier requires, or (a tier
 * requiring none) anyone who completed a training. A completion counts for the partner the person
 * was in when they completed it, confirmed or not: confirmation is a manager's check, not a gate.
 */
export function peopleTrained(
  resources: readonly ResourceRecord[],
  completions: readonly CompletionRecord[],
): Map<number, Partial<Record<Tier, number>>> {
  const done = new Map<number, Map<string, Set<number>>>();
  for (const completion of completions) {
    if (completion.partnerId === null) continue;
    let people = done.get(completion.partnerId);
    if (people === undefined) {
      people = new Map();
      done.set(completion.partnerId, people);
    }
    let finished = people.get(completion.slackUserId);
    if (finished === undefined) {
      finished = new Set();
      people.set(completion.slackUserId, finished);
    }
    finished.add(completion.resourceId);
  }
  const required = new Map(TIERS.map((tier) => [tier, requiredTrainings(resources, tier).map((r) => r.id)]));
  const counts = new Map<number, Partial<Record<Tier, number>>>();
  for (const [partnerId, people] of done) {
    const perTier = zeroTrained();
    for (const tier of TIERS) {
      const needed = required.get(tier) ?? [];
      let count = 0;
      for (const finished of people.values()) {
        if (needed.every((id) => finished.has(id))) count += 1;
      }
      perTier[tier] = count;
    }
    counts.set(partnerId, perTier);
  }
  return counts;
}
