import { nextOccurrence } from "../../domain/digest/schedule";
import type { Actor } from "../access-service";
import { type DigestContext, scheduleOf } from "./digest-context";
import type { DigestSubscriptionRecord } from "./digest-store";

export interface DigestStatus {
  /** This channel's digest, when it gets one. */
  here: DigestSubscriptionRecord | null;
  /** The person's own digest (`/hub digest me`), when they get one. */
  me: DigestSubscriptionRecord | null;
  /** When the next one of them is posted (this channel's first). */
  next: Date | null;
}

/** `/hub digest`: what this channel and this person get, and when the next post is. */
export async function digestStatus(context: DigestContext, actor: Actor, channelId: string): Promise<DigestStatus> {
  const workspaceId = actor.workspace.id;
  const active = (found: DigestSubscriptionRecord | null) => (found?.active ? found : null);
  const here = active(await context.store.digests.find(workspaceId, channelId));
  const me = channelId === actor.userId ? null : active(await context.store.digests.find(workspaceId, actor.userId));
  const first = here ?? me;
  const next = first ? nextOccurrence(scheduleOf(first), context.clock()).at : null;
  return { here, me, next };
}
