import type { Tier } from "../../domain/partners/partner-rules";
import { canManageProgram } from "../../domain/partners/roles";
import { canSeeResource } from "../../domain/program/resources";
import { textKey } from "../../domain/shared/text-key";
import type { Actor } from "../access-service";
import type { ResourceRecord } from "../program/program-store";
import { type ResourceContext, viewerTierOf } from "./resource-context";

export interface ResourceLine {
  resource: ResourceRecord;
  /** The person asking completed this training. */
  done: boolean;
  /** The manager who confirmed their completion, if one did. */
  confirmedBy: string | null;
}

export interface ResourceList {
  resources: ResourceLine[];
  viewerTier: Tier | "all";
  /** Matching resources kept for higher tiers: "3 more from Gold up". */
  hidden: number;
  canManage: boolean;
}

/**
 * `/partner resources [words]`: the library as this person may see it, newest first, each
 * training with whether they completed it. Words narrow it to resources whose title or tags hold
 * every one of them (accents and case aside).
 */
export async function listResources(
  context: ResourceContext,
  actor: Actor,
  options: { words?: string | undefined } = {},
): Promise<ResourceList> {
  const { store } = context;
  const { workspace } = actor;
  const words = (options.words ?? "")
    .split(/\s+/)
    .map((word) => textKey(word))
    .filter((word) => word !== "");
  const [viewerTier, listed, completions] = await Promise.all([
    viewerTierOf(store, actor),
    store.resources.list(workspace.id),
    store.resources.completions({ workspaceId: workspace.id }),
  ]);
  const matching = listed.filter((resource) => {
    const text = textKey(`${resource.title} ${resource.tags.join(" ")}`);
    return words.every((word) => text.includes(word));
  });
  const mine = new Map(
    completions
      .filter((completion) => completion.slackUserId === actor.userId)
      .map((completion) => [completion.resourceId, completion]),
  );
  const visible = matching.filter((resource) => canSeeResource(resource.minTier, viewerTier));
  return {
    resources: visible.map((resource) => {
      const completion = mine.get(resource.id);
      return { resource, done: completion !== undefined, confirmedBy: completion?.confirmedBy ?? null };
    }),
    viewerTier,
    hidden: matching.length - visible.length,
    canManage: canManageProgram(actor.role),
  };
}
