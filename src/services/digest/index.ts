import type { Actor } from "../access-service";
import { DigestContentCache } from "./digest-content-cache";
import type { DigestContext } from "./digest-context";
import { digestContentFor } from "./load-digest-content";
import { previewDigest, previewDigestFor } from "./preview-digest";
import { runDigestNow } from "./run-digest-now";
import { runDueDigests } from "./run-due-digests";
import { digestStatus } from "./show-digest-status";
import { type DigestScheduleInput, subscribeDigest, subscribeMyDigest } from "./subscribe-digest";
import { unsubscribeDigest, unsubscribeMyDigest } from "./unsubscribe-digest";

export type { DigestAudience, DigestContent, DigestList, ManagerQueue } from "./digest-content";
export type { DigestContext, DigestSubject } from "./digest-context";
export { DIGEST_POST_KIND } from "./digest-context";
export type { DigestKind, DigestSubscriptionRecord } from "./digest-store";
export type { DigestStatus } from "./show-digest-status";
export type { DigestScheduleInput } from "./subscribe-digest";

/** Weekly digests: what /hub digest, the scheduler, the CLI, the sandbox and the renderer call. */
export function createDigestUseCases(context: DigestContext) {
  const drawn = new DigestContentCache();
  return {
    subscribe: (actor: Actor, channelId: string, input: DigestScheduleInput, channel: { shared: boolean }) =>
      subscribeDigest(context, actor, channelId, input, channel),
    unsubscribe: (actor: Actor, channelId: string) => unsubscribeDigest(context, actor, channelId),
    subscribeMe: (actor: Actor, input: DigestScheduleInput) => subscribeMyDigest(context, actor, input),
    unsubscribeMe: (actor: Actor) => unsubscribeMyDigest(context, actor),
    status: (actor: Actor, channelId: string) => digestStatus(context, actor, channelId),
    preview: (actor: Actor, channelId: string) => previewDigest(context, actor, channelId),
    /** For operators (the CLI): no Slack identity, no permission check. */
    previewFor: (workspaceId: number, channelId: string) => previewDigestFor(context, workspaceId, channelId),
    runDue: (now?: Date) => runDueDigests(context, now),
    runNow: (workspaceId: number, channelId: string) => runDigestNow(context, workspaceId, channelId),
    contentFor: (workspaceId: number, subject: Record<string, unknown>) =>
      digestContentFor(context, drawn, workspaceId, subject),
  };
}

export type DigestUseCases = ReturnType<typeof createDigestUseCases>;
