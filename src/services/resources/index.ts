import type { ResourceDraft } from "../../domain/program/resources";
import type { Actor } from "../access-service";
import { addResource } from "./add-resource";
import { confirmTraining, listCompletions } from "./confirm-training";
import { listResources } from "./list-resources";
import { markTrainingDone } from "./mark-training-done";
import { removeResource } from "./remove-resource";
import type { ResourceContext } from "./resource-context";

export type { AddResourceResult } from "./add-resource";
export type { CompletionLine } from "./confirm-training";
export type { ResourceLine, ResourceList } from "./list-resources";
export type { ResourceContext } from "./resource-context";

/** The partner library: resources by tier, trainings and their completions. */
export function createResourceUseCases(context: ResourceContext) {
  return {
    list: (actor: Actor, options: { words?: string | undefined } = {}) => listResources(context, actor, options),
    add: (actor: Actor, draft: ResourceDraft) => addResource(context, actor, draft),
    remove: (actor: Actor, id: number) => removeResource(context, actor, id),
    markDone: (actor: Actor, resourceId: number) => markTrainingDone(context, actor, resourceId),
    completions: (actor: Actor, partnerName?: string) => listCompletions(context, actor, partnerName),
    confirm: (actor: Actor, completionId: number) => confirmTraining(context, actor, completionId),
  };
}

export type ResourceUseCases = ReturnType<typeof createResourceUseCases>;
