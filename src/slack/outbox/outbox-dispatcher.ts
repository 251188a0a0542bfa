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
  /** The conversation, when the rows name it (thread replies may not): the queue skips it while the lane is busy. */
  channel: string | null;
  rows: OutboxRow[];
  running: boolean;
  /** No post in this conversation before this time (ms). */
  freeAt: number;
  /** Slack said "slow down" here: until then (ms) the lane posts at Slack's pace, one row at a time. */
  pacedUntil: number;
}

/** Slack's pace for one conversation: about one message per second. */
const SLACK_CHANNEL_PACE_MS = 1_000;
/** How long a conversation that got a 429 stays paced after its last one. */
const PACED_FOR_MS = 30_000;

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

  /**
   * A lane takes no row it could not post now: rows waiting in memory behind a pause (a 429, the
   * spacing) count against maxInFlight and are hidden from the other instances, so a backlog in a
   * few conversations would starve all the others. A paced lane posts one row per spacing.
   */
  private cannotTake(lane: Lane, now: number): boolean {
    return lane.freeAt > now || lane.rows.length >= (this.spacingOf(lane, now) > 0 ? 1 : this.perLane);
  }

  /**
   * Bursts go out at once (Slack tolerates short ones); a conversation Slack answered with a 429
   * is paced at Slack's rate for a while, so a backlog there drains without a 429 per message.
   */
  private spacingOf(lane: Lane, now: number): number {
    return lane.pacedUntil > now ? Math.max(this.laneSpacingMs, SLACK_CHANNEL_PACE_MS) : this.laneSpacingMs;
  }

  private idle(lane: Lane, now: number): boolean {
    return !lane.running && lane.rows.length === 0 && lane.freeAt <= now && lane.pacedUntil <= now;
  }

  /** The conversations that cannot take a row now (left out of the query), forgetting idle lanes. */
  private busyChannels(now: number): string[] {
    const busy: string[] = [];
    for (const [key, lane] of this.lanes) {
      if (this.idle(lane, now)) this.lanes.delete(key);
      else if (lane.channel && this.cannotTake(lane, now)) busy.push(lane.channel);
    }
    return busy;
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
        const candidates = await delivery.due(Math.min(500, room * 4), this.busyChannels(Date.now()));
        let claimed = 0;
        for (const row of candidates) {
          if (this.stopped || this.held >= this.maxInFlight) break;
          const key = this.laneKey(row);
          const lane = this.lanes.get(key) ?? {
            channel: row.channelId,
            rows: [],
            running: false,
            freeAt: 0,
            pacedUntil: 0,
          };
          if (this.cannotTake(lane, Date.now())) continue;
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
      // Rows left to a waiting lane are due already, so nextDueAt does not name them.
      const laneFreeAt = Math.min(
        ...[...this.lanes.values()].map((lane) => lane.freeAt).filter((at) => at > Date.now()),
      );
      if (Number.isFinite(laneFreeAt)) this.wakeAt(new Date(laneFreeAt));
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
        const now = Date.now();
        if (outcome.pauseMs) {
          lane.pacedUntil = now + PACED_FOR_MS;
          lane.freeAt = now + outcome.pauseMs;
        } else if (outcome.spoke) lane.freeAt = now + this.spacingOf(lane, now);
        lane.rows.shift();
        this.held--;
        this.wake();
      }
    } finally {
      lane.running = false;
      // Keep a lane only while it paces or holds rows; conversations come and go.
      if (this.idle(lane, Date.now())) this.lanes.delete(key);
    }
  }
}
