import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import { findChangeable, type PracticeContext } from "./practice-context";
import { cardUpdateMessages, practiceCopiesPrefix } from "./practice-messages";
import type { PracticeRecord } from "./practice-store";

/**
 * Soft delete: search and lists leave it out, and its card is redrawn as deleted (votes and text
 * stay in the database, so a mistaken delete can be undone by hand).
 */
export async function deletePractice(context: PracticeContext, actor: Actor, id: number): Promise<PracticeRecord> {
  const practice = await findChangeable(context, actor, id);
  return context.store.transaction(async (tx) => {
    const deleted = await tx.practices.markDeleted(practice.id, context.clock());
    // A second Delete (another tab, a double click) finds it gone.
    if (!deleted) throw new DomainError("practice_not_found", { id });
    await tx.audit.record({
      workspaceId: deleted.workspaceId,
      actor: actor.userId,
      action: "practice.delete",
      target: String(deleted.id),
      data: { title: deleted.title, author: deleted.authorId },
    });
    const copies = await tx.outbox.messageKeysStartingWith(deleted.workspaceId, practiceCopiesPrefix(deleted.id));
    await tx.outbox.enqueue(cardUpdateMessages(deleted, "deleted", copies));
    return deleted;
  });
}
