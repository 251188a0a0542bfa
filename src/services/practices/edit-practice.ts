import { randomUUID } from "node:crypto";
import { type PracticeDraft, type PracticeProblems, validatePractice } from "../../domain/practices/practice-input";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import { findChangeable, type PracticeContext } from "./practice-context";
import { cardUpdateMessages, practiceCopiesPrefix } from "./practice-messages";
import type { PracticeRecord } from "./practice-store";

export type EditResult = { kind: "invalid"; problems: PracticeProblems } | { kind: "saved"; practice: PracticeRecord };

/** The practice as it is, for the Edit modal, if the actor may change it. */
export function practiceForEdit(context: PracticeContext, actor: Actor, id: number): Promise<PracticeRecord> {
  return findChangeable(context, actor, id);
}

/**
 * Replaces the title, text, tags, region and link (who shared it, whom it credits and where it
 * came from stay), with its search entry and a redraw of its card, in one transaction.
 */
export async function editPractice(
  context: PracticeContext,
  actor: Actor,
  id: number,
  draft: PracticeDraft,
): Promise<EditResult> {
  const practice = await findChangeable(context, actor, id);
  const validation = validatePractice(draft);
  if (!validation.ok) return { kind: "invalid", problems: validation.problems };
  return context.store.transaction(async (tx) => {
    const saved = await tx.practices.update(practice.id, validation.practice);
    // Deleted by someone else since it was read.
    if (!saved) throw new DomainError("practice_not_found", { id });
    const copies = await tx.outbox.messageKeysStartingWith(saved.workspaceId, practiceCopiesPrefix(saved.id));
    await tx.outbox.enqueue(cardUpdateMessages(saved, `edit:${randomUUID()}`, copies));
    return { kind: "saved" as const, practice: saved };
  });
}
