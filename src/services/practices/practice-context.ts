import { requireChangeable } from "../../domain/practices/practice-access";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { Clock } from "../clock";
import type { Store } from "../store";
import type { PracticeRecord } from "./practice-store";

/** What every practice use case runs on. */
export interface PracticeContext {
  store: Store;
  clock: Clock;
}

/** A practice of the actor's workspace that is not deleted. */
export async function findPractice(context: PracticeContext, actor: Actor, id: number): Promise<PracticeRecord> {
  const practice = await context.store.practices.findById(actor.workspace.id, id);
  if (!practice || practice.deletedAt !== null) throw new DomainError("practice_not_found", { id });
  return practice;
}

/** A practice the actor may edit or delete: they shared it, or they manage the program. */
export async function findChangeable(context: PracticeContext, actor: Actor, id: number): Promise<PracticeRecord> {
  const practice = await findPractice(context, actor, id);
  requireChangeable({ userId: actor.userId, role: actor.role }, practice);
  return practice;
}
