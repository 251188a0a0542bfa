import type { Tier } from "../../domain/partners/partner-rules";
import { canManageProgram } from "../../domain/partners/roles";
import { canSeeResource } from "../../domain/program/resources";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { Clock } from "../clock";
import type { ResourceRecord } from "../program/program-store";
import type { Store } from "../store";

/** What the resource use cases run on. */
export interface ResourceContext {
  store: Store;
  clock: Clock;
}

/**
 * Up to which tier a person sees the library: managers and the vendor's own people everything
 * ("all"), a partner's people up to their partner's tier, and an outside person in no partner
 * (a prospect on Slack Connect) what every partner sees.
 */
export async function viewerTierOf(store: Store, actor: Actor): Promise<Tier | "all"> {
  if (canManageProgram(actor.role)) return "all";
  const { partnerId } = actor.member;
  if (partnerId !== null) {
    const partner = await store.partners.findById(actor.workspace.id, partnerId);
    return partner?.tier ?? "registered";
  }
  return actor.external ? "registered" : "all";
}

/** A listed resource the person may see; one they may not see is "not found", not "forbidden". */
export async function visibleResource(store: Store, actor: Actor, id: number): Promise<ResourceRecord> {
  const resource = await store.resources.findById(actor.workspace.id, id);
  if (resource === null || !canSeeResource(resource.minTier, await viewerTierOf(store, actor))) {
    throw new DomainError("resource_not_found", { id });
  }
  return resource;
}
