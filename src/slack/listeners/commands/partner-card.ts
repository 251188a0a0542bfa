import { canManageProgram } from "../../../domain/partners/roles";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import type { Token } from "../../parse/command-text";
import { parseArgs } from "../../parse/command-text";
import type { Message } from "../../views/message";
import { partnerCardMessage } from "../../views/partner-card-view";
import type { CommandInvocation } from "./command-runner";

/** Which partner: a name typed by a manager, an id carried by a button, or none for the person's own. */
export interface PartnerChoice {
  name?: string | undefined;
  partnerId?: number | undefined;
}

/**
 * A manager who names no partner, in a channel tied to one (the launcher's buttons, a command typed
 * there), means that partner; members always mean their own company, which the service picks.
 */
export async function inChannel(
  deps: SlackDeps,
  actor: Actor,
  choice: PartnerChoice,
  channelId: string | null,
): Promise<PartnerChoice> {
  if (choice.name !== undefined || choice.partnerId !== undefined) return choice;
  if (channelId === null || !canManageProgram(actor.role)) return choice;
  const tied = await deps.services.partners.partnerOfChannel(actor.workspace.id, channelId);
  return tied ? { partnerId: tied.id } : choice;
}

/** The partner card as the service allows this person to see it (members: their own only). */
export async function partnerCardAnswer(deps: SlackDeps, actor: Actor, choice: PartnerChoice): Promise<Message> {
  const card = await deps.services.tiers.card(actor, choice.name, choice.partnerId);
  return partnerCardMessage(card);
}

/** The partner a command names after its subcommand; none named: as inChannel picks it. */
export async function commandChoice(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<PartnerChoice> {
  const name = parseArgs(rest).words.join(" ").trim();
  return inChannel(deps, invocation.actor, { name: name === "" ? undefined : name }, invocation.body.channel_id);
}

/** `/partner show [name]`: members see their own company, managers name one (or type it in its channel). */
export async function partnerShow(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message | null> {
  return partnerCardAnswer(deps, invocation.actor, await commandChoice(deps, invocation, rest));
}
