import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger";
import type { OutboxDelivery } from "../../services/outbox/outbox-delivery";
import type { OutboxRow } from "../../services/outbox/outbox-message";
import { deliverRow } from "./deliver-row";
import type { Renderers } from "./renderer";

export interface DispatcherOptions {
  delivery: OutboxDelivery;
  renderers: Renderers;
  /** Clients that never retry on their own: the dispatcher decides about 429s and 5xx. */
  clientFor: (teamId: string) => Promise<WebClient>;
  logger: Logger;
  /** Names this instance in the claims it takes. */
  owner: string;
  /** How often every instance looks for rows nobody is delivering (crashed claims, retries due). */
  sweepMs?: number;
  /** Rows one instance holds at once. */
  maxInFlight?: number;
  /** Rows one instance holds for one conversation at once, so the others can share the rest. */
  perLane?: number;
  /**
   * A pause after each post in a conversation. Slack allows about one message per second per
   * channel but tolerates short bursts, and says when to slow down with a 429 (which pauses the
   * lane for its Retry-After), so by default there is none; a bulk sender may set 1000.
   */
  laneSpacingMs?: number;
}

interface Lane {
  rows: OutboxRow[];
  running: boolean;
  /** No post in this conversation before this time (ms). */
  freeAt: number;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Delivers the outbox. Woken right after a commit that wrote rows (so the normal path adds no
 * latency) and by a sweep on every instance. Rows are claimed one by one with a lease, then
 * delivered in lanes, one lane per conversation, in order within a lane; a lane Slack told to
 * wait (429) waits, the others go on.
 */
export class OutboxDispatcher {
  private readonly lanes = new Map<string, Lane>();
  private held = 0;
  private pumping: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private sweep: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private readonly running = new Set<Promise<void>>();
  /** When this instance last looked for work: /hub status shows it. */
  lastSweepAt: Date | null = null;

  private readonly sweepMs: number;
  private readonly maxInFlight: number;
  private readonly perLane: number;
  private readonly laneSpacingMs: number;

  constructor(private readonly options: DispatcherOptions) {
    this.sweepMs = options.sweepMs ?? 2_000;
    this.maxInFlight = options.maxInFlight ?? 48;
    this.perLane = options.perLane ?? 3;
    this.laneSpacingMs = options.laneSpacingMs ?? 0;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.sweep = setInterval(() => this.wake(), this.sweepMs);
    this.sweep.unref();
    this.wake();
  }

  /** Look for due rows now (after a commit, or when a wait ends). */
  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Stops claiming; rows already claimed are finished (their lease would free them anyway). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweep);
    clearTimeout(this.timer);
    await this.pumping;
    await Promise.all(this.running);
  }

  private wakeAt(at: Date): void {
    const ms = at.getTime();
    if (this.stopped || ms >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = ms;
    this.timer = setTimeout(
      () => {
        this.timerAt = Number.POSITIVE_INFINITY;
        this.wake();
      },
      Math.max(0, ms - Date.now()),
    );
    this.timer.unref();
  }

  private laneKey(row: OutboxRow): string {
    return `${row.teamId}:${row.channelId ?? row.threadKey ?? row.messageKey ?? row.id}`;
  }

  private async pump(): Promise<void> {
    const { delivery, logger } = this.options;
    this.lastSweepAt = new Date();
    try {
      while (!this.stopped && this.held < this.maxInFlight) {
        const room = this.maxInFlight - this.held;
        const candidates = await delivery.due(Math.min(500, room * 4));
        let claimed = 0;
        for (const row of candidates) {
          if (this.stopped || this.held >= this.maxInFlight) break;
          const key = this.laneKey(row);
          const lane = this.lanes.get(key) ?? { rows: [], running: false, freeAt: 0 };
          if (lane.rows.length >= this.perLane) continue;
          if (!(await delivery.claim(row, this.options.owner))) continue;
          claimed++;
          this.held++;
          lane.rows.push(row);
          this.lanes.set(key, lane);
          if (!lane.running) this.track(this.runLane(key, lane));
        }
        if (claimed === 0) break;
      }
      const next = await delivery.nextDueAt();
      if (next) this.wakeAt(next);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, "outbox: could not read the queue; the sweep tries again");
    }
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  private async runLane(key: string, lane: Lane): Promise<void> {
    lane.running = true;
    try {
      for (let row = lane.rows[0]; row; row = lane.rows[0]) {
        const wait = lane.freeAt - Date.now();
        if (wait > 0) await sleep(wait);
        const outcome = await deliverRow(row, this.options, (at) => this.wakeAt(at));
        if (outcome.spoke) lane.freeAt = Date.now() + this.laneSpacingMs;
        if (outcome.pauseMs) lane.freeAt = Date.now() + outcome.pauseMs;
        lane.rows.shift();
        this.held--;
        this.wake();
      }
    } finally {
      lane.running = false;
      // Keep a lane only while it paces or holds rows; conversations come and go.
      if (lane.rows.length === 0 && lane.freeAt <= Date.now()) this.lanes.delete(key);
    }
  }
}
