import type { RateLimits } from "./fake-slack-types";

/**
 * Slack's limits on posting, as the fake enforces them when asked: about one chat.postMessage per
 * channel per second, and a budget per second for the whole workspace. Each check is O(1) per post
 * (a few timestamps per channel, at most `workspacePerSecond` for the workspace), so a benchmark
 * can push thousands of posts through the fake without the fake becoming the bottleneck.
 */

const WINDOW_MS = 1_000;

/** Timestamps of the posts admitted in the last second, oldest first; never longer than the limit. */
class Window {
  private readonly times: number[] = [];

  constructor(private readonly limit: number) {}

  /** Milliseconds until a post fits, 0 when it fits now. */
  waitMs(now: number): number {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - WINDOW_MS) this.times.shift();
    if (this.times.length < this.limit) return 0;
    return (this.times[0] ?? now) + WINDOW_MS - now;
  }

  admit(now: number): void {
    this.times.push(now);
  }
}

export class RateLimiter {
  private readonly channels = new Map<string, Window>();
  private workspace: Window | undefined;

  constructor(private readonly limits: RateLimits) {
    if (!(limits.perChannelPerSecond >= 1)) throw new Error("fake Slack: perChannelPerSecond must be at least 1");
    if (limits.workspacePerSecond !== undefined && !(limits.workspacePerSecond >= 1)) {
      throw new Error("fake Slack: workspacePerSecond must be at least 1");
    }
    if (limits.workspacePerSecond !== undefined) this.workspace = new Window(limits.workspacePerSecond);
  }

  /**
   * Takes a post to `channel` into the budgets and returns undefined, or returns the seconds to
   * wait (Retry-After, whole and at least 1) and takes nothing: a refused post does not count.
   */
  admit(channel: string, now = Date.now()): number | undefined {
    const window = this.channels.get(channel) ?? new Window(this.limits.perChannelPerSecond);
    const waitMs = Math.max(window.waitMs(now), this.workspace?.waitMs(now) ?? 0);
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1_000));
    window.admit(now);
    this.workspace?.admit(now);
    this.channels.set(channel, window);
    return undefined;
  }
}
