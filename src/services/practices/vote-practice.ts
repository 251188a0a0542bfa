import { randomUUID } from "node:crypto";
import type { Actor } from "../access-service";
import { findPractice, type PracticeContext } from "./practice-context";
import { cardUpdateMessages, practiceCopiesPrefix } from "./practice-messages";
import type { PracticeRecord } from "./practice-store";

/**
 * Helpful, or not any more: one vote per person, a second click takes it back. The card's count
 * is redrawn through the outbox, written in the same transaction as the vote.
 */
export async function votePractice(
  context: PracticeContext,
  actor: Actor,
  id: number,
): Promise<{ practice: PracticeRecord; voted: boolean }> {
  const practice = await findPractice(context, actor, id);
  return context.store.transaction(async (tx) => {
    const { voted, helpfulCount } = await tx.practices.toggleVote(practice.id, actor.userId);
    // Each vote is its own change: the same person voting, unvoting and voting again is three redraws.
    const copies = await tx.outbox.messageKeysStartingWith(practice.workspaceId, practiceCopiesPrefix(practice.id));
    await tx.outbox.enqueue(cardUpdateMessages(practice, `vote:${randomUUID()}`, copies));
    return { practice: { ...practice, helpfulCount }, voted };
  });
}
