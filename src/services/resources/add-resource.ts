import { requireManager } from "../../domain/partners/roles";
import { type ResourceDraft, type ResourceField, validateResource } from "../../domain/program/resources";
import type { Problem } from "../../domain/shared/error-codes";
import type { Actor } from "../access-service";
import type { ResourceRecord } from "../program/program-store";
import type { ResourceContext } from "./resource-context";

export type AddResourceResult =
  | { ok: true; resource: ResourceRecord }
  | { ok: false; errors: Partial<Record<ResourceField, Problem>> };

/** A manager adds a document, link or training to the library (the modal); audited. */
export async function addResource(
  context: ResourceContext,
  actor: Actor,
  draft: ResourceDraft,
): Promise<AddResourceResult> {
  requireManager(actor.role, "manage_resources");
  const valid = validateResource(draft);
  if (!valid.ok) return valid;
  const { workspace } = actor;
  const resource = await context.store.transaction(async (tx) => {
    const created = await tx.resources.create({
      workspaceId: workspace.id,
      ...valid.resource,
      createdBy: actor.userId,
      createdAt: context.clock(),
    });
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: "resource.add",
      target: String(created.id),
      data: {
        title: created.title,
        kind: created.kind,
        minTier: created.minTier,
        requiredFor: created.requiredFor,
      },
    });
    return created;
  });
  return { ok: true, resource };
}
