import type { LeaderboardAmounts } from "../partners/program-settings";
import { canManageProgram, type Role } from "../partners/roles";
import { isMoneyMetric, type Metric } from "./metrics";

/**
 * Who will read a leaderboard. "everyone": every amount may show. "partner": the partner-member
 * rule applies, with `partnerId` as the partner whose own amounts show (null: none of them).
 * The program setting is applied when the answer is drawn (amountsVisible), so a post waiting in
 * the outbox follows the setting as it is when it is delivered.
 */
export type LeaderboardAudience = { kind: "everyone" } | { kind: "partner"; partnerId: number | null };

/** An ephemeral answer: only the person asking reads it. */
export function viewerAudience(viewer: {
  role: Role;
  partnerId: number | null;
  /** The partner the channel asked from is tied to: what a post there would show its readers anyway. */
  channelPartnerId?: number | null;
}): LeaderboardAudience {
  if (canManageProgram(viewer.role)) return { kind: "everyone" };
  return { kind: "partner", partnerId: viewer.partnerId ?? viewer.channelPartnerId ?? null };
}

/**
 * A post to a channel: a channel tied to a partner or shared with another organization, or any
 * post by a partner member, shows what a partner member of the tied partner would see; a
 * manager's post to an internal channel shows everything.
 */
export function channelAudience(input: {
  posterRole: Role;
  tiedPartnerId: number | null;
  shared: boolean;
}): LeaderboardAudience {
  const restricted = input.tiedPartnerId !== null || input.shared || !canManageProgram(input.posterRole);
  return restricted ? { kind: "partner", partnerId: input.tiedPartnerId } : { kind: "everyone" };
}

/** True when this audience reads every row's amount. */
export function seesEveryAmount(audience: LeaderboardAudience, setting: LeaderboardAmounts): boolean {
  return audience.kind === "everyone" || setting === "all";
}

/**
 * Whether a row's value shows or only its rank. Counts (deals, registrations, kudos) and win
 * rates are not amounts: only revenue and pipeline are guarded. A person's row belongs to their partner.
 */
export function amountVisible(
  audience: LeaderboardAudience,
  setting: LeaderboardAmounts,
  metric: Metric,
  rowPartnerId: number | null,
): boolean {
  if (!isMoneyMetric(metric) || seesEveryAmount(audience, setting)) return true;
  return audience.kind === "partner" && audience.partnerId !== null && rowPartnerId === audience.partnerId;
}

/** Reads an audience back from an outbox subject; anything unreadable is the most private one. */
export function audienceFromJson(value: unknown): LeaderboardAudience {
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (record.kind === "everyone") return { kind: "everyone" };
    if (record.kind === "partner" && typeof record.partnerId === "number") {
      return { kind: "partner", partnerId: record.partnerId };
    }
  }
  return { kind: "partner", partnerId: null };
}
