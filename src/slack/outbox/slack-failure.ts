import { ErrorCode } from "@slack/web-api";
import type { DeliveryFailure } from "../../domain/outbox/delivery-policy";
import { scrubSecrets } from "../../logger";

/** Slack's own trouble: the same call may work in a moment. */
const TRANSIENT_ERRORS = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
]);
/** The bot cannot post there; the message may have somewhere else to go. */
const CHANNEL_ERRORS = new Set([
  "not_in_channel",
  "channel_not_found",
  "is_archived",
  "cannot_dm_bot",
  "user_not_found",
]);

interface SlackCallError {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
  message?: unknown;
}

/** What a failed Web API call means for the outbox (see domain/outbox/delivery-policy.ts). */
export function classifySlackFailure(error: unknown): DeliveryFailure {
  const failure = (typeof error === "object" && error !== null ? error : {}) as SlackCallError;
  switch (failure.code) {
    case ErrorCode.RateLimitedError:
      return { kind: "rate_limited", retryAfterMs: Math.max(1, Number(failure.retryAfter) || 1) * 1_000 };
    case ErrorCode.HTTPError: {
      const status = Number(failure.statusCode);
      const error = `HTTP ${status}`;
      return status >= 500 || status === 408 ? { kind: "transient", error } : { kind: "permanent", error };
    }
    case ErrorCode.RequestError:
      return { kind: "transient", error: scrubSecrets(String(failure.message ?? "request failed")) };
    case ErrorCode.PlatformError: {
      const code = String(failure.data?.error ?? "unknown_error");
      if (TRANSIENT_ERRORS.has(code)) return { kind: "transient", error: code };
      if (CHANNEL_ERRORS.has(code)) return { kind: "wrong_channel", error: code };
      return { kind: "permanent", error: code };
    }
    default:
      // A timeout or a socket error from below the client: worth another try.
      return { kind: "transient", error: scrubSecrets(error instanceof Error ? error.message : String(error)) };
  }
}
