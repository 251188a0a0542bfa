import type { Actor } from "../access-service";
import { findPractice, type PracticeContext } from "./practice-context";
import { shareCopyMessage } from "./practice-messages";

/**
 * Posts a copy of a practice's card to `channelId` (a search result someone wants to show their
 * channel). `idempotencyKey` identifies the click, so a repeat posts it once.
 */
export async function sharePracticeToChannel(
  context: PracticeContext,
  actor: Actor,
  id: number,
  channelId: string,
  idempotencyKey: string,
): Promise<void> {
  const practice = await findPractice(context, actor, id);
  await context.store.outbox.enqueue([shareCopyMessage(practice, channelId, idempotencyKey, actor.userId)]);
}
