import {
  afterFailure,
  type DeliveryFailure,
  type NextStep,
  type RetryPolicy,
} from "../../domain/outbox/delivery-policy";
import type { Clock } from "../clock";
import type { Store } from "../store";
import type { MessageRef, OutboxRow } from "./outbox-message";

export interface DeliveryOptions {
  policy: RetryPolicy;
  /** How long a claim lasts; a crashed instance's rows are taken over once it lapses. */
  leaseMs: number;
  /** How long a thread reply or update waits before looking for its parent message again. */
  parentWaitMs: number;
}

/**
 * The outbox as the dispatcher sees it: find due rows, claim them with a lease, and record what
 * Slack answered. Every state change goes through here so the rules (lease, retries, fallback)
 * hold whichever instance delivers.
 */
export class OutboxDelivery {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    readonly options: DeliveryOptions,
  ) {}

  due(limit: number, skipChannels: readonly string[] = []): Promise<OutboxRow[]> {
    return this.store.outbox.due(this.clock(), limit, skipChannels);
  }

  /** True when this instance now holds the row until its lease ends. */
  claim(row: OutboxRow, owner: string): Promise<boolean> {
    const now = this.clock();
    return this.store.outbox.claim(row.id, owner, now, new Date(now.getTime() + this.options.leaseMs));
  }

  /** The message a thread reply or an update refers to. */
  async parentOf(row: OutboxRow): Promise<MessageRef | null> {
    const key = row.action === "update" ? row.messageKey : row.threadKey;
    return key ? this.store.outbox.findMessage(row.workspaceId, key) : null;
  }

  sent(row: OutboxRow, ref: { channel: string; ts: string | null }): Promise<void> {
    return this.store.outbox.markSent(row.id, ref, this.clock());
  }

  /** The parent is not posted yet: look again shortly, without counting an attempt. */
  waitForParent(row: OutboxRow): Promise<void> {
    return this.store.outbox.release(row.id, { at: new Date(this.clock().getTime() + this.options.parentWaitMs) });
  }

  /** Nothing to say any more (the parent never made it, the subject is gone). */
  skip(row: OutboxRow, reason: string): Promise<void> {
    return this.store.outbox.finish(row.id, "skipped", reason);
  }

  /** Applies the retry policy to Slack's refusal and records the outcome. */
  async failed(row: OutboxRow, failure: DeliveryFailure): Promise<NextStep> {
    const step = afterFailure(row, failure, this.clock(), this.options.policy);
    if (step.kind === "fail") await this.store.outbox.finish(row.id, "failed", step.error);
    else if (step.kind === "fallback") {
      await this.store.outbox.release(row.id, { at: this.clock(), channelId: step.channelId, error: step.error });
    } else await this.store.outbox.release(row.id, { at: step.at, attempts: step.attempts, error: step.error });
    return step;
  }

  nextDueAt(): Promise<Date | null> {
    return this.store.outbox.nextDueAt(this.clock());
  }
}
