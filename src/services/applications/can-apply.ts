import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { ApplicationContext } from "./application-context";

/**
 * Anyone not yet in a partner company may apply: a vendor employee proposing a partner, or a
 * Slack Connect guest for their own company. People of a partner, and guests from an organization
 * that is a partner already, are refused before the form opens.
 */
export async function canApply(context: ApplicationContext, actor: Actor): Promise<void> {
  const { store } = context;
  const workspaceId = actor.workspace.id;
  if (actor.member.partnerId !== null) {
    const own = await store.partners.findById(workspaceId, actor.member.partnerId);
    if (own) throw new DomainError("application_already_partner", { partner: own.name });
  }
  const team = actor.member.slackTeamId;
  if (actor.external && team !== null) {
    const partner = await store.partners.findByConnectTeam(workspaceId, team);
    if (partner) throw new DomainError("application_already_partner", { partner: partner.name });
  }
}
