import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger";
import type { OutboxDelivery } from "../../services/outbox/outbox-delivery";
import type { OutboxRow } from "../../services/outbox/outbox-message";
import type { Renderers } from "./renderer";
import { classifySlackFailure } from "./slack-failure";

export interface DeliverContext {
  delivery: OutboxDelivery;
  renderers: Renderers;
  clientFor: (teamId: string) => Promise<WebClient>;
  logger: Logger;
}

export interface DeliveryOutcome {
  /** A call reached Slack's conversation (it counts against the channel's pace). */
  spoke: boolean;
  /** Slack asked this conversation to wait this long. */
  pauseMs?: number;
}

type Target =
  | { kind: "post"; channel: string; threadTs?: string }
  | { kind: "update"; channel: string; ts: string }
  | { kind: "skip"; reason: string }
  | { kind: "wait" };

const GONE = new Set(["failed", "skipped", "superseded"]);

/** Where the row goes: its own channel, or the message (thread or update target) it depends on. */
async function targetOf(row: OutboxRow, delivery: OutboxDelivery): Promise<Target> {
  if (row.action === "post" && !row.threadKey) {
    return row.channelId ? { kind: "post", channel: row.channelId } : { kind: "skip", reason: "no channel" };
  }
  const parent = await delivery.parentOf(row);
  if (!parent || GONE.has(parent.status)) return { kind: "skip", reason: "its message was never posted" };
  if (parent.status !== "sent" || !parent.channel || !parent.ts) return { kind: "wait" };
  if (row.action === "update") return { kind: "update", channel: parent.channel, ts: parent.ts };
  // A reply meant for one conversation is dropped when its parent went elsewhere (fell back to a DM).
  if (row.channelId && row.channelId !== parent.channel) return { kind: "skip", reason: "its thread is elsewhere" };
  return { kind: "post", channel: parent.channel, threadTs: parent.ts };
}

/**
 * One attempt at one claimed row. Slack's answer is recorded right after it arrives: the only way
 * to post twice is to die between the two, which the README names.
 */
export async function deliverRow(
  row: OutboxRow,
  context: DeliverContext,
  wakeAt: (at: Date) => void,
): Promise<DeliveryOutcome> {
  const { delivery, renderers, clientFor, logger } = context;
  let sending = false;
  try {
    const target = await targetOf(row, delivery);
    if (target.kind === "wait") {
      await delivery.waitForParent(row);
      wakeAt(new Date(Date.now() + delivery.options.parentWaitMs));
      return { spoke: false };
    }
    if (target.kind === "skip") {
      await delivery.skip(row, target.reason);
      return { spoke: false };
    }
    const render = renderers[row.kind];
    if (!render) {
      await delivery.skip(row, `no renderer for ${row.kind}`);
      logger.error({ outboxId: row.id, kind: row.kind }, "outbox: a message kind nobody renders");
      return { spoke: false };
    }
    const client = await clientFor(row.teamId);
    const message = await render(row, { client });
    if (!message) {
      await delivery.skip(row, "its subject no longer exists");
      return { spoke: false };
    }
    sending = true;
    if (target.kind === "update") {
      await client.chat.update({ channel: target.channel, ts: target.ts, ...message });
      sending = false;
      await delivery.sent(row, { channel: target.channel, ts: target.ts });
    } else {
      const result = await client.chat.postMessage({
        channel: target.channel,
        ...message,
        ...(target.threadTs && { thread_ts: target.threadTs }),
      });
      sending = false;
      await delivery.sent(row, { channel: result.channel ?? target.channel, ts: result.ts ?? null });
    }
    return { spoke: true };
  } catch (error) {
    if (!sending) {
      // The database, not Slack: leave the claim to lapse and the sweep to try again.
      logger.error({ outboxId: row.id, err: (error as Error).message }, "outbox: could not record a delivery");
      return { spoke: false };
    }
    const failure = classifySlackFailure(error);
    try {
      const step = await delivery.failed(row, failure);
      const log = { outboxId: row.id, kind: row.kind, channel: row.channelId, error: step.error };
      if (step.kind === "fail") logger.error(log, "outbox: message failed for good; /hub status can retry it");
      else if (step.kind === "fallback") {
        logger.info({ ...log, to: step.channelId }, "outbox: channel refused, trying the fallback");
        wakeAt(new Date());
      } else {
        logger.warn({ ...log, attempts: step.attempts, at: step.at.toISOString() }, "outbox: will retry");
        wakeAt(step.at);
      }
    } catch (recording) {
      logger.error({ outboxId: row.id, err: (recording as Error).message }, "outbox: could not record a failure");
    }
    return failure.kind === "rate_limited" ? { spoke: true, pauseMs: failure.retryAfterMs } : { spoke: true };
  }
}
