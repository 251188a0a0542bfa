import { requireManager } from "../../domain/partners/roles";
import type { Actor } from "../access-service";
import type { DigestContext } from "./digest-context";
import { MANAGE_DIGESTS, notSubscribed } from "./digest-refusals";

/** `/hub digest off`: the channel's digest stops; runs already claimed are still posted. */
export async function unsubscribeDigest(context: DigestContext, actor: Actor, channelId: string): Promise<void> {
  requireManager(actor.role, MANAGE_DIGESTS);
  await stop(context, actor, channelId, false);
}

/** `/hub digest me off`. */
export async function unsubscribeMyDigest(context: DigestContext, actor: Actor): Promise<void> {
  requireManager(actor.role, MANAGE_DIGESTS);
  await stop(context, actor, actor.userId, true);
}

async function stop(context: DigestContext, actor: Actor, channelId: string, mine: boolean): Promise<void> {
  const workspaceId = actor.workspace.id;
  await context.store.transaction(async (tx) => {
    if (!(await tx.digests.deactivate(workspaceId, channelId))) throw notSubscribed(mine);
    await tx.audit.record({ workspaceId, actor: actor.userId, action: "digest.unsubscribe", target: channelId });
  });
}
