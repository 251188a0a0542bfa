import { capList, isQuiet, weekDays, weekLabel } from "../../domain/digest/digest-rules";
import { RateBook } from "../../domain/leaderboard/conversion";
import type { LeaderboardAudience } from "../../domain/leaderboard/visibility";
import { DomainError } from "../../domain/shared/domain-error";
import type { Clock } from "../clock";
import type { Store } from "../store";
import { weekCommunity } from "./digest-community";
import type { DigestAudience, DigestContent } from "./digest-content";
import { weekDeals } from "./digest-deals";
import { digestGoals } from "./digest-goals";
import { weekLeaderboard } from "./digest-leaderboard";
import { managerQueue } from "./manager-queue";

/** What building a digest runs on. */
export interface DigestBuildContext {
  store: Store;
  clock: Clock;
}

export interface DigestRequest {
  workspaceId: number;
  audience: DigestAudience;
  /** The week reported on: [start, end), local midnights in `timeZone`. */
  start: Date;
  end: Date;
  timeZone: string;
  /** Goal progress and the manager's queue are as of this instant. */
  now: Date;
}

/**
 * One digest as data, already filtered for its audience. A partner's digest holds that partner's
 * own registrations, conflicts, won deals and goals, a leaderboard without other partners'
 * amounts, the week's practices and the shout-outs recognizing it; the program's and a manager's
 * hold everything, and a manager's adds what waits for them.
 */
export async function buildDigest(context: DigestBuildContext, request: DigestRequest): Promise<DigestContent> {
  const { store } = context;
  const { audience, start, end, timeZone, now } = request;
  const workspace = await store.workspaces.findById(request.workspaceId);
  if (workspace === null) throw new Error(`workspace ${request.workspaceId} not found`);
  let partnerId: number | null = null;
  if (audience.kind === "partner") {
    const partner = await store.partners.findById(workspace.id, audience.partnerId);
    if (partner === null) throw new DomainError("partner_gone");
    partnerId = partner.id;
  }
  const leaderboardAudience: LeaderboardAudience =
    partnerId === null ? { kind: "everyone" } : { kind: "partner", partnerId };
  const days = weekDays(start, end, timeZone);
  let book: Promise<RateBook> | null = null;
  const rates = () => {
    book ??= store.leaderboard
      .rates(workspace.id)
      .then((list) => new RateBook(workspace.reportingCurrency, list, workspace.timezone));
    return book;
  };

  const week = { workspaceId: workspace.id, partnerId, start, end };
  const [deals, leaderboard, goals, community] = await Promise.all([
    weekDeals(store, { ...week, book: rates }),
    weekLeaderboard(store, workspace, { ...days, timeZone, audience: leaderboardAudience, now }),
    digestGoals(store, workspace, { partnerId, now }),
    weekCommunity(store, week),
  ]);
  const queue =
    audience.kind === "manager"
      ? await managerQueue(store, { workspaceId: workspace.id, goalsAtRisk: goals.anyAtRisk })
      : null;

  const sections = {
    registrations: deals.registrations,
    conflicts: deals.conflicts,
    won: deals.won,
    goals: capList(goals.goals),
    atRisk: capList(goals.atRisk),
    practices: community.practices,
    shoutouts: community.shoutouts,
  };
  const queueLists = queue === null ? [] : [queue.waiting, queue.conflicts, queue.extensionRequests, queue.goalsAtRisk];
  return {
    workspaceId: workspace.id,
    audience,
    start,
    end,
    periodLabel: weekLabel(days.first, days.last),
    timeZone,
    reportingCurrency: workspace.reportingCurrency,
    // Goals are standing targets, not the week's news: a week with goals but no activity is still quiet.
    quiet: isQuiet({
      lists: [sections.registrations, sections.won, sections.practices, sections.shoutouts, ...queueLists],
      leaderboard,
    }),
    ...sections,
    leaderboard,
    queue,
  };
}
