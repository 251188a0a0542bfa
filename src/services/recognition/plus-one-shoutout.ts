import { randomUUID } from "node:crypto";
import type { Actor } from "../access-service";
import { findShoutout, type RecognitionContext } from "./recognition-context";
import type { ShoutoutRecord } from "./recognition-store";
import { plusOneMessage } from "./shoutout-messages";

/**
 * +1, or not any more: one per person, a second click takes it back. The post's count is redrawn
 * through the outbox, written in the same transaction; a private shout-out has no post to redraw.
 */
export async function plusOneShoutout(
  context: RecognitionContext,
  actor: Actor,
  shoutoutId: number,
): Promise<{ shoutout: ShoutoutRecord; added: boolean }> {
  const shoutout = await findShoutout(context, actor, shoutoutId);
  return context.store.transaction(async (tx) => {
    const { added, plusOneCount } = await tx.shoutouts.togglePlusOne(shoutout.id, actor.userId);
    // Each +1 is its own change: adding, taking back and adding again is three redraws.
    if (shoutout.announce) await tx.outbox.enqueue([plusOneMessage(shoutout, `plus-one:${randomUUID()}`)]);
    return { shoutout: { ...shoutout, plusOneCount }, added };
  });
}
