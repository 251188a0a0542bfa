import type { Actor } from "../access-service";
import type { RecognitionContext } from "./recognition-context";
import type { ShoutoutRecord } from "./recognition-store";

/** How many of each the App Home shows. */
const HOME_SHOUTOUTS = 5;

/** The person's recent shout-outs, received and given, newest first. */
export async function homeShoutouts(
  context: RecognitionContext,
  actor: Actor,
): Promise<{ received: ShoutoutRecord[]; given: ShoutoutRecord[] }> {
  const { shoutouts } = context.store;
  const [received, given] = await Promise.all([
    shoutouts.received(actor.workspace.id, actor.userId, HOME_SHOUTOUTS),
    shoutouts.given(actor.workspace.id, actor.userId, HOME_SHOUTOUTS),
  ]);
  return { received, given };
}

/** A shout-out as the Slack layer renders it at delivery; null when it is gone. */
export function shoutoutForMessage(
  context: RecognitionContext,
  workspaceId: number,
  id: number,
): Promise<ShoutoutRecord | null> {
  return context.store.shoutouts.findById(workspaceId, id);
}
