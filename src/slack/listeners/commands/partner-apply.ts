import type { WebClient } from "@slack/web-api";
import { DomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import type { Token } from "../../parse/command-text";
import { applicationModal } from "../../views/application-modal";
import type { Message } from "../../views/message";
import type { CommandInvocation } from "./command-runner";

const APPLY_USAGE = "Usage: `/partner apply` opens the application form (also: the Apply to become a partner button).";

/**
 * Opens Apply to become a partner: from `/partner apply`, the launcher in a channel tied to no
 * partner, or the App Home. Someone who may not apply (already in a partner) is told before typing.
 */
export async function openApplicationModal(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  triggerId: string,
  channelId: string | null,
): Promise<void> {
  await deps.services.applications.canApply(actor);
  await client.views.open({
    trigger_id: triggerId,
    view: applicationModal({ channelId }, { external: actor.external }),
  });
}

/** `/partner apply`: the form takes everything, so a word after it is a mistake. */
export async function partnerApply(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message | null> {
  if (rest.length > 0) throw new DomainError("usage", { text: APPLY_USAGE });
  const { actor, body, client } = invocation;
  await openApplicationModal(deps, client, actor, body.trigger_id, body.channel_id);
  return null;
}
