import type { WebClient } from "@slack/web-api";
import { requireManager } from "../../../domain/partners/roles";
import { DomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import type { Token } from "../../parse/command-text";
import { parseArgs } from "../../parse/command-text";
import { isRecordId } from "../../parse/record-id";
import { type Message, plain } from "../../views/message";
import { resourceModal } from "../../views/resource-modal";
import { completionsMessage, resourcesMessage } from "../../views/resource-views";
import { readerTimeZone } from "../../views/slack-date";
import type { CommandInvocation } from "./command-runner";

const REMOVE_USAGE = "Say which resource: `/partner resources remove 12` (managers see the numbers on Remove).";

/**
 * A resource number as typed (`12`, `#12`) or carried by a button: null when it is not a number;
 * one beyond the id range is a resource that is not there (PostgreSQL ids are 32-bit).
 */
export function resourceIdOf(text: string | undefined): number | null {
  const digits = /^#?(\d+)$/.exec((text ?? "").trim())?.[1];
  if (digits === undefined) return null;
  const id = Number(digits);
  if (!isRecordId(id)) throw new DomainError("resource_not_found", { id: digits });
  return id;
}

/** The library as this person's tier opens it, optionally searched by title and tags. */
export async function resourcesAnswer(deps: SlackDeps, actor: Actor, words: string | null): Promise<Message> {
  const list = await deps.services.resources.list(actor, words ? { words } : {});
  return resourcesMessage(list, words);
}

/** Who completed which training (managers), for one partner or all. */
export async function completionsAnswer(
  deps: SlackDeps,
  actor: Actor,
  partnerName: string | undefined,
): Promise<Message> {
  const list = await deps.services.resources.completions(actor, partnerName);
  return completionsMessage(list, readerTimeZone(actor));
}

/** Opens Add a resource; members are refused before anything opens. */
export async function openResourceModal(client: WebClient, actor: Actor, triggerId: string): Promise<void> {
  requireManager(actor.role, "manage_resources");
  await client.views.open({ trigger_id: triggerId, view: resourceModal() });
}

/** `/partner resources [words]`, `/partner resources add`, `/partner resources remove 12`. */
export async function partnerResources(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message | null> {
  const { actor, body, client } = invocation;
  const words = parseArgs(rest).words;
  const first = words[0]?.toLowerCase();
  if (first === "add" && words.length === 1) {
    await openResourceModal(client, actor, body.trigger_id);
    return null;
  }
  if (first === "remove") {
    const id = words.length === 2 ? resourceIdOf(words[1]) : null;
    if (id === null) throw new DomainError("usage", { text: REMOVE_USAGE });
    await deps.services.resources.remove(actor, id);
    return plain(`:white_check_mark: Resource #${id} removed from the library.`);
  }
  const search = words.join(" ").trim();
  return resourcesAnswer(deps, actor, search === "" ? null : search);
}

/** `/partner training [partner]`: completed trainings to confirm (managers). */
export async function partnerTraining(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message | null> {
  const name = parseArgs(rest).words.join(" ").trim();
  return completionsAnswer(deps, invocation.actor, name === "" ? undefined : name);
}
