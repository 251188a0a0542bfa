import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../services/access-service";
import type { SlackDeps } from "../deps";
import { identifyActor } from "../identity/identify-actor";
import type { Message } from "../views/message";
import { replyToError } from "./reply-to-error";

/** The parts of an interaction payload (button, modal, shortcut) that say who acted where. */
export interface InteractionBody {
  user: { id: string; team_id?: string | undefined };
  team?: { id: string } | null;
}

/**
 * `teamId` is the team Bolt authorized (context.teamId): it only picks the installation. On Grid
 * user.team_id may be the organization's id, for a guest it is their own team: neither is compared
 * with one team id here, the installation decides (see identity/).
 */
export function identifyInteraction(
  deps: SlackDeps,
  body: InteractionBody,
  teamId: string | undefined,
): Promise<Actor> {
  return identifyActor(deps, {
    requestTeamId: teamId ?? body.team?.id ?? body.user.team_id,
    userId: body.user.id,
    userTeamId: body.user.team_id,
  });
}

/** How to answer the person who acted: ephemeral in place when Slack gave a response_url, else a DM. */
export interface Answerer {
  respond?: RespondFn | undefined;
  client: WebClient;
  userId: string;
}

/** An ephemeral answer to the person who clicked, leaving the message they clicked as it is. */
export async function tellUser(to: Answerer, message: Message): Promise<void> {
  if (to.respond) await to.respond({ response_type: "ephemeral", replace_original: false, ...message });
  else await to.client.chat.postMessage({ channel: to.userId, ...message });
}

/** Runs an interaction's work; a refusal or failure becomes a short message to whoever acted. */
export async function answerInteraction(
  deps: SlackDeps,
  where: string,
  to: Answerer,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    try {
      await tellUser(to, await replyToError(error, deps, where));
    } catch (failure) {
      deps.logger.warn({ where, err: (failure as Error).message }, "could not tell the user about a failure");
    }
  }
}

/** Reads a JSON private_metadata written by this app; a malformed one is treated as empty. */
export function readMetadata<T extends object>(raw: string | undefined): Partial<T> {
  try {
    const parsed: unknown = JSON.parse(raw ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Partial<T>) : {};
  } catch {
    return {};
  }
}
