import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import { fireOnboardingEvent } from "../onboarding/fire-onboarding-event";
import type { ResourceRecord } from "../program/program-store";
import { type ResourceContext, visibleResource } from "./resource-context";

/**
 * "Mark done" on a training: the person completed it (a second click changes nothing). It counts
 * for their partner's tier at once, confirmed or not, and ticks the partner's onboarding step for
 * a first training. Audited.
 */
export async function markTrainingDone(
  context: ResourceContext,
  actor: Actor,
  resourceId: number,
): Promise<{ resource: ResourceRecord; first: boolean }> {
  const { store } = context;
  const { workspace } = actor;
  const resource = await visibleResource(store, actor, resourceId);
  if (resource.kind !== "training") throw new DomainError("resource_not_training");
  const now = context.clock();
  const partnerId = actor.member.partnerId;
  return store.transaction(async (tx) => {
    const first = await tx.resources.complete({
      workspaceId: workspace.id,
      resourceId: resource.id,
      slackUserId: actor.userId,
      partnerId,
      at: now,
    });
    if (first) {
      await tx.audit.record({
        workspaceId: workspace.id,
        actor: actor.userId,
        action: "training.complete",
        target: String(resource.id),
        data: { title: resource.title, partnerId },
      });
    }
    // Also on a repeat: a partner that started onboarding after this person's training still gets its step.
    if (partnerId !== null) {
      await fireOnboardingEvent(tx, workspace, partnerId, "training_completed", actor.userId, now);
    }
    return { resource, first };
  });
}
