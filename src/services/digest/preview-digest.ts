import { weekSoFar } from "../../domain/digest/schedule";
import { requireManager } from "../../domain/partners/roles";
import type { Actor } from "../access-service";
import type { WorkspaceRecord } from "../records";
import { buildDigest } from "./build-digest";
import type { DigestAudience, DigestContent } from "./digest-content";
import { channelAudience, type DigestContext } from "./digest-context";
import { MANAGE_DIGESTS } from "./digest-refusals";

/**
 * `/hub digest preview`: the digest this channel would get now, for the last 7 days (today so
 * far included), in the subscription's zone or else the workspace's. Only the manager sees it.
 */
export async function previewDigest(context: DigestContext, actor: Actor, channelId: string): Promise<DigestContent> {
  requireManager(actor.role, MANAGE_DIGESTS);
  // In their own DM a manager previews their own digest.
  const audience: DigestAudience | null = channelId === actor.userId ? { kind: "manager", userId: actor.userId } : null;
  return preview(context, actor.workspace, channelId, audience);
}

/** The same for an operator (`npm run digest -- --channel C…`), who has no Slack identity. */
export async function previewDigestFor(
  context: DigestContext,
  workspaceId: number,
  channelId: string,
): Promise<DigestContent> {
  const workspace = await context.store.workspaces.findById(workspaceId);
  if (!workspace) throw new Error(`workspace ${workspaceId} not found`);
  const subscription = await context.store.digests.find(workspaceId, channelId);
  const audience: DigestAudience | null =
    subscription?.kind === "manager" ? { kind: "manager", userId: subscription.channelId } : null;
  return preview(context, workspace, channelId, audience);
}

async function preview(
  context: DigestContext,
  workspace: WorkspaceRecord,
  channelId: string,
  audience: DigestAudience | null,
): Promise<DigestContent> {
  const workspaceId = workspace.id;
  const subscription = await context.store.digests.find(workspaceId, channelId);
  const timeZone = subscription?.timezone ?? workspace.timezone;
  const now = context.clock();
  return buildDigest(context, {
    workspaceId,
    audience: audience ?? (await channelAudience(context.store, workspaceId, channelId)),
    ...weekSoFar(now, timeZone),
    timeZone,
    now,
  });
}
