import { describe, expect, it } from "vitest";
import {
  afterFailure,
  backoffMs,
  DEFAULT_RETRY_POLICY,
  type FailedDelivery,
  type RetryPolicy,
} from "../../../src/domain/outbox/delivery-policy";

const NOW = new Date("2026-11-27T10:00:00.000Z");
const POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 10_000 };
/** random() = 0.5 puts the jitter factor at exactly 1: the delay is the plain exponential one. */
const MIDDLE = () => 0.5;
const LOWEST = () => 0;
const ALMOST_ONE = () => 0.999_999;

const row = (patch: Partial<FailedDelivery> = {}): FailedDelivery => ({
  attempts: 0,
  channelId: "C0PARTNERA",
  fallbackChannelId: null,
  ...patch,
});
const msAfterNow = (at: Date) => at.getTime() - NOW.getTime();

describe("backoffMs", () => {
  it("starts at the base delay and doubles with each attempt", () => {
    expect([1, 2, 3, 4].map((attempts) => backoffMs(attempts, POLICY, MIDDLE))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("treats attempt 0 (and below) as the first", () => {
    expect(backoffMs(0, POLICY, MIDDLE)).toBe(1_000);
    expect(backoffMs(-3, POLICY, MIDDLE)).toBe(1_000);
  });

  it("caps the exponential delay at maxDelayMs, however many attempts", () => {
    expect(backoffMs(5, POLICY, MIDDLE)).toBe(10_000);
    expect(backoffMs(60, POLICY, MIDDLE)).toBe(10_000);
    // 2 ** 2000 is Infinity: the cap still holds.
    expect(backoffMs(2_000, POLICY, MIDDLE)).toBe(10_000);
  });

  it("spreads the delay by -25% to +25%", () => {
    expect(backoffMs(1, POLICY, LOWEST)).toBe(750);
    expect(backoffMs(1, POLICY, ALMOST_ONE)).toBe(1_250);
    expect(backoffMs(3, POLICY, LOWEST)).toBe(3_000);
    expect(backoffMs(3, POLICY, ALMOST_ONE)).toBe(5_000);
  });

  it("spreads the capped delay too, so instances that hit the cap do not retry in step", () => {
    expect(backoffMs(9, POLICY, LOWEST)).toBe(7_500);
    expect(backoffMs(9, POLICY, ALMOST_ONE)).toBe(12_500);
  });

  it("stays within the jitter range for any random value, in whole milliseconds", () => {
    for (let i = 0; i <= 100; i++) {
      const random = () => Math.min(i / 100, 0.999_999);
      const delay = backoffMs(2, POLICY, random);
      expect(delay).toBeGreaterThanOrEqual(1_500);
      expect(delay).toBeLessThanOrEqual(2_500);
      expect(Number.isInteger(delay)).toBe(true);
    }
  });
});

describe("afterFailure: rate limited (429)", () => {
  it("retries exactly when Slack said, without counting an attempt", () => {
    const step = afterFailure(row({ attempts: 2 }), { kind: "rate_limited", retryAfterMs: 30_000 }, NOW, POLICY);
    expect(step).toEqual({ kind: "retry", at: new Date(NOW.getTime() + 30_000), attempts: 2, error: "rate limited" });
  });

  it("never gives up, even on a row one failure away from maxAttempts", () => {
    const step = afterFailure(row({ attempts: 3 }), { kind: "rate_limited", retryAfterMs: 1_000 }, NOW, POLICY);
    expect(step.kind).toBe("retry");
  });

  it("ignores the jitter: the wait is Slack's, not ours", () => {
    const failure = { kind: "rate_limited", retryAfterMs: 5_000 } as const;
    const low = afterFailure(row(), failure, NOW, POLICY, LOWEST);
    const high = afterFailure(row(), failure, NOW, POLICY, ALMOST_ONE);
    expect(low).toEqual(high);
  });

  it("retries at once rather than in the past for a negative Retry-After", () => {
    const step = afterFailure(row(), { kind: "rate_limited", retryAfterMs: -5_000 }, NOW, POLICY);
    expect(step).toMatchObject({ kind: "retry", at: NOW });
  });

  it("does not fall back to another channel: the channel is fine, just busy", () => {
    const step = afterFailure(
      row({ fallbackChannelId: "U0PARTNERA" }),
      { kind: "rate_limited", retryAfterMs: 1_000 },
      NOW,
      POLICY,
    );
    expect(step.kind).toBe("retry");
  });
});

describe("afterFailure: transient (5xx, timeout, network, internal_error)", () => {
  it("counts the attempt and backs off exponentially from the base delay", () => {
    const failure = { kind: "transient", error: "HTTP 503" } as const;
    const first = afterFailure(row({ attempts: 0 }), failure, NOW, POLICY, MIDDLE);
    expect(first).toEqual({ kind: "retry", at: new Date(NOW.getTime() + 1_000), attempts: 1, error: "HTTP 503" });
    const second = afterFailure(row({ attempts: 1 }), failure, NOW, POLICY, MIDDLE);
    expect(second).toMatchObject({ kind: "retry", attempts: 2 });
    if (second.kind === "retry") expect(msAfterNow(second.at)).toBe(2_000);
    const third = afterFailure(row({ attempts: 2 }), failure, NOW, POLICY, MIDDLE);
    if (third.kind !== "retry") throw new Error(`expected a retry, got ${third.kind}`);
    expect(third.attempts).toBe(3);
    expect(msAfterNow(third.at)).toBe(4_000);
  });

  it("applies the jitter given", () => {
    const failure = { kind: "transient", error: "request timed out" } as const;
    const low = afterFailure(row({ attempts: 1 }), failure, NOW, POLICY, LOWEST);
    const high = afterFailure(row({ attempts: 1 }), failure, NOW, POLICY, ALMOST_ONE);
    if (low.kind !== "retry" || high.kind !== "retry") throw new Error("expected retries");
    expect(msAfterNow(low.at)).toBe(1_500);
    expect(msAfterNow(high.at)).toBe(2_500);
  });

  it("caps the wait at maxDelayMs (before jitter)", () => {
    const step = afterFailure(
      row({ attempts: 10 }),
      { kind: "transient", error: "HTTP 500" },
      NOW,
      { ...POLICY, maxAttempts: 50 },
      MIDDLE,
    );
    if (step.kind !== "retry") throw new Error(`expected a retry, got ${step.kind}`);
    expect(msAfterNow(step.at)).toBe(10_000);
  });

  it("fails on the maxAttempts-th failure and says after how many", () => {
    const failure = { kind: "transient", error: "HTTP 500" } as const;
    expect(afterFailure(row({ attempts: 2 }), failure, NOW, POLICY).kind).toBe("retry");
    expect(afterFailure(row({ attempts: 3 }), failure, NOW, POLICY)).toEqual({
      kind: "fail",
      error: "HTTP 500 (after 4 attempts)",
    });
    // A row that somehow went past the limit fails too.
    expect(afterFailure(row({ attempts: 9 }), failure, NOW, POLICY).kind).toBe("fail");
  });

  it("fails on the first failure with maxAttempts 1", () => {
    const step = afterFailure(row(), { kind: "transient", error: "internal_error" }, NOW, {
      ...POLICY,
      maxAttempts: 1,
    });
    expect(step).toEqual({ kind: "fail", error: "internal_error (after 1 attempts)" });
  });

  it("does not fall back: the channel is fine, Slack is not", () => {
    const step = afterFailure(
      row({ fallbackChannelId: "U0PARTNERA" }),
      { kind: "transient", error: "HTTP 502" },
      NOW,
      POLICY,
    );
    expect(step.kind).toBe("retry");
  });

  it("uses the default policy when none is given: 8 attempts", () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(8);
    const failure = { kind: "transient", error: "HTTP 500" } as const;
    expect(afterFailure(row({ attempts: 6 }), failure, NOW).kind).toBe("retry");
    expect(afterFailure(row({ attempts: 7 }), failure, NOW).kind).toBe("fail");
  });

  it("draws from Math.random by default, within the jitter range", () => {
    for (let i = 0; i < 50; i++) {
      const step = afterFailure(row(), { kind: "transient", error: "HTTP 500" }, NOW);
      if (step.kind !== "retry") throw new Error(`expected a retry, got ${step.kind}`);
      expect(msAfterNow(step.at)).toBeGreaterThanOrEqual(750);
      expect(msAfterNow(step.at)).toBeLessThanOrEqual(1_250);
    }
  });
});

describe("afterFailure: wrong channel (not_in_channel, channel_not_found, is_archived…)", () => {
  it("moves to the fallback channel at once, without counting an attempt", () => {
    const step = afterFailure(
      row({ attempts: 2, fallbackChannelId: "U0PARTNERA" }),
      { kind: "wrong_channel", error: "not_in_channel" },
      NOW,
      POLICY,
    );
    expect(step).toEqual({ kind: "fallback", channelId: "U0PARTNERA", error: "not_in_channel" });
  });

  it("fails when there is no fallback", () => {
    const step = afterFailure(row(), { kind: "wrong_channel", error: "channel_not_found" }, NOW, POLICY);
    expect(step).toEqual({ kind: "fail", error: "channel_not_found" });
  });

  it("fails when the row already is on its fallback (the fallback refused too)", () => {
    const step = afterFailure(
      row({ channelId: "U0PARTNERA", fallbackChannelId: "U0PARTNERA" }),
      { kind: "wrong_channel", error: "cannot_dm_bot" },
      NOW,
      POLICY,
    );
    expect(step).toEqual({ kind: "fail", error: "cannot_dm_bot" });
  });

  it("falls back for a row with no channel of its own (a thread reply) when it has a fallback", () => {
    const step = afterFailure(
      row({ channelId: null, fallbackChannelId: "U0PARTNERA" }),
      { kind: "wrong_channel", error: "is_archived" },
      NOW,
      POLICY,
    );
    expect(step).toEqual({ kind: "fallback", channelId: "U0PARTNERA", error: "is_archived" });
  });
});

describe("afterFailure: permanent", () => {
  it("fails at once with Slack's error, whatever the attempts and fallback", () => {
    for (const attempts of [0, 3]) {
      const step = afterFailure(
        row({ attempts, fallbackChannelId: "U0PARTNERA" }),
        { kind: "permanent", error: "invalid_blocks" },
        NOW,
        POLICY,
      );
      expect(step).toEqual({ kind: "fail", error: "invalid_blocks" });
    }
  });
});

describe("afterFailure: inputs", () => {
  it("leaves `now` and the row untouched", () => {
    const now = new Date(NOW);
    const failed = row({ attempts: 1, fallbackChannelId: "U0PARTNERA" });
    const copy = { ...failed };
    afterFailure(failed, { kind: "transient", error: "HTTP 500" }, now, POLICY);
    afterFailure(failed, { kind: "rate_limited", retryAfterMs: 1_000 }, now, POLICY);
    afterFailure(failed, { kind: "wrong_channel", error: "not_in_channel" }, now, POLICY);
    expect(now).toEqual(NOW);
    expect(failed).toEqual(copy);
  });
});
