/**
 * What the outbox does after Slack refused a message. Pure: the dispatcher classifies Slack's
 * answer into a DeliveryFailure and applies the step this returns.
 */

export type DeliveryFailure =
  /** 429: Slack said when to come back; waiting is not a failed attempt. */
  | { kind: "rate_limited"; retryAfterMs: number }
  /** 5xx, a timeout, a network error, or Slack's own internal_error: worth trying again. */
  | { kind: "transient"; error: string }
  /** The bot cannot post in that channel (not in it, archived, gone). */
  | { kind: "wrong_channel"; error: string }
  /** Anything else Slack refused (invalid_blocks, message_not_found…): trying again cannot help. */
  | { kind: "permanent"; error: string };

export interface RetryPolicy {
  /** Transient failures allowed before the row is marked failed. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

export type NextStep =
  | { kind: "retry"; at: Date; attempts: number; error: string }
  | { kind: "fallback"; channelId: string; error: string }
  | { kind: "fail"; error: string };

export interface FailedDelivery {
  attempts: number;
  channelId: string | null;
  fallbackChannelId: string | null;
}

/** Exponential backoff, doubled per attempt and capped, spread by ±25% so instances do not retry in step. */
export function backoffMs(attempts: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.75 + 0.5 * random()));
}

export function afterFailure(
  row: FailedDelivery,
  failure: DeliveryFailure,
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): NextStep {
  switch (failure.kind) {
    case "rate_limited":
      return {
        kind: "retry",
        at: new Date(now.getTime() + Math.max(0, failure.retryAfterMs)),
        attempts: row.attempts,
        error: "rate limited",
      };
    case "wrong_channel":
      if (row.fallbackChannelId && row.fallbackChannelId !== row.channelId) {
        return { kind: "fallback", channelId: row.fallbackChannelId, error: failure.error };
      }
      return { kind: "fail", error: failure.error };
    case "permanent":
      return { kind: "fail", error: failure.error };
    case "transient": {
      const attempts = row.attempts + 1;
      if (attempts >= policy.maxAttempts)
        return { kind: "fail", error: `${failure.error} (after ${attempts} attempts)` };
      return {
        kind: "retry",
        at: new Date(now.getTime() + backoffMs(attempts, policy, random)),
        attempts,
        error: failure.error,
      };
    }
  }
}
