import type { GoalLine } from "../goals";
import type { LeaderboardResult } from "../leaderboard";
import type { PracticeRecord } from "../practices/practice-store";
import type { ShoutoutRecord } from "../recognition/recognition-store";
import type { DealRecord } from "../records";

/** Who a digest is written for: the whole program, one partner's own channel, or one manager's DM. */
export type DigestAudience =
  | { kind: "program" }
  | { kind: "partner"; partnerId: number; partnerName: string }
  | { kind: "manager"; userId: string };

/** A long list cut to what one message can show, with how many were left out ("and N more"). */
export interface DigestList<T> {
  items: T[];
  more: number;
}

/** What waits for one manager (`/hub digest me`). */
export interface ManagerQueue {
  waiting: DigestList<DealRecord>;
  conflicts: DigestList<DealRecord>;
  extensionRequests: DigestList<DealRecord>;
  goalsAtRisk: DigestList<GoalLine>;
}

/**
 * One digest as data: the Slack layer draws it (src/slack/views/digest-view.ts). Everything here is
 * already filtered for the audience: a partner's digest holds only that partner's deals and goals,
 * and a leaderboard whose other partners' amounts are hidden.
 */
export interface DigestContent {
  workspaceId: number;
  audience: DigestAudience;
  /** The week reported on: [start, end), in the subscription's time zone. */
  start: Date;
  end: Date;
  /** "Nov 23 – Nov 29, 2026" */
  periodLabel: string;
  timeZone: string;
  reportingCurrency: string;
  /** Nothing happened: the view writes a short, friendly post instead of empty sections. */
  quiet: boolean;
  registrations: DigestList<DealRecord>;
  conflicts: DigestList<DealRecord>;
  /** Largest first, in the reporting currency where a rate exists. */
  won: DigestList<DealRecord>;
  /** Top 5 of the week by revenue with movement, null when nobody won anything. */
  leaderboard: LeaderboardResult | null;
  goals: DigestList<GoalLine>;
  /** Partners behind pace on a current goal (names only in a partner's own digest: its own). */
  atRisk: DigestList<GoalLine>;
  /** New practices of the week, most helpful first. */
  practices: DigestList<PracticeRecord>;
  shoutouts: DigestList<ShoutoutRecord>;
  /** Only for the manager audience. */
  queue: ManagerQueue | null;
}
