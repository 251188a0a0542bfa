import { requireManager } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import { partnerNamed } from "../partner-service";
import type { CompletionRecord, ResourceRecord } from "../program/program-store";
import type { PartnerRecord } from "../records";
import type { ResourceContext } from "./resource-context";

export interface CompletionLine {
  completion: CompletionRecord;
  resource: ResourceRecord;
  /** The partner the person was in when they completed it. */
  partnerName: string | null;
}

/** `/partner training [partner]`: who completed which training, newest first, for managers to confirm. */
export async function listCompletions(
  context: ResourceContext,
  actor: Actor,
  partnerName?: string,
): Promise<{ partner: PartnerRecord | null; rows: CompletionLine[] }> {
  requireManager(actor.role, "confirm_training");
  const { store } = context;
  const { workspace } = actor;
  const partner =
    partnerName !== undefined && partnerName.trim() !== ""
      ? await partnerNamed(store, workspace.id, partnerName)
      : null;
  const [completions, resources, partners] = await Promise.all([
    store.resources.completions({ workspaceId: workspace.id, ...(partner !== null && { partnerId: partner.id }) }),
    store.resources.list(workspace.id),
    store.partners.list(workspace.id),
  ]);
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  const names = new Map(partners.map((known) => [known.id, known.name]));
  const rows = completions
    .flatMap((completion) => {
      const resource = byId.get(completion.resourceId);
      if (resource === undefined) return [];
      const name = completion.partnerId === null ? null : (names.get(completion.partnerId) ?? null);
      return [{ completion, resource, partnerName: name }];
    })
    .sort(
      (a, b) =>
        b.completion.completedAt.getTime() - a.completion.completedAt.getTime() || b.completion.id - a.completion.id,
    );
  return { partner, rows };
}

/** A manager confirms someone's completed training (shown on the training list and scorecard); audited. */
export async function confirmTraining(
  context: ResourceContext,
  actor: Actor,
  completionId: number,
): Promise<CompletionRecord> {
  requireManager(actor.role, "confirm_training");
  const { workspace } = actor;
  const now = context.clock();
  return context.store.transaction(async (tx) => {
    const completion = (await tx.resources.completions({ workspaceId: workspace.id })).find(
      (known) => known.id === completionId,
    );
    if (completion === undefined) throw new DomainError("training_not_completed");
    if (
      completion.confirmedBy !== null ||
      !(await tx.resources.confirm(workspace.id, completionId, actor.userId, now))
    ) {
      throw new DomainError("training_already_confirmed");
    }
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: "training.confirm",
      target: String(completionId),
      data: { resourceId: completion.resourceId, userId: completion.slackUserId, partnerId: completion.partnerId },
    });
    return { ...completion, confirmedBy: actor.userId, confirmedAt: now };
  });
}
