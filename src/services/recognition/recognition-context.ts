import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { Clock } from "../clock";
import type { Store } from "../store";
import type { ShoutoutRecord } from "./recognition-store";

/** What every recognition use case runs on. */
export interface RecognitionContext {
  store: Store;
  clock: Clock;
}

/** A shout-out of the actor's workspace. */
export async function findShoutout(context: RecognitionContext, actor: Actor, id: number): Promise<ShoutoutRecord> {
  const shoutout = await context.store.shoutouts.findById(actor.workspace.id, id);
  if (!shoutout) throw new DomainError("shoutout_not_found", { id });
  return shoutout;
}
