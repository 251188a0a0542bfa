import type { Actor } from "../../services/access-service";
import type { SlackDeps } from "../deps";
import type { IdentityRequest } from "./slack-identities";

/** Who acted, where: the Slack layer settles the installation and who is internal, the service the rest. */
export async function identifyActor(deps: SlackDeps, request: IdentityRequest): Promise<Actor> {
  return deps.services.access.identify(await deps.identities.identify(request));
}
