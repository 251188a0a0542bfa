import { requireManager } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { ResourceRecord } from "../program/program-store";
import type { ResourceContext } from "./resource-context";

/**
 * `/partner resources remove <id>`: the resource leaves the library. Its completions stay in the
 * history but no longer count towards tiers. Managers only; audited.
 */
export async function removeResource(context: ResourceContext, actor: Actor, id: number): Promise<ResourceRecord> {
  requireManager(actor.role, "manage_resources");
  const { workspace } = actor;
  return context.store.transaction(async (tx) => {
    const resource = await tx.resources.findById(workspace.id, id);
    if (resource === null || !(await tx.resources.remove(workspace.id, id, context.clock()))) {
      throw new DomainError("resource_not_found", { id });
    }
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: "resource.remove",
      target: String(id),
      data: { title: resource.title, kind: resource.kind },
    });
    return resource;
  });
}
