import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../services/access-service";
import type { SlackDeps } from "../deps";
import type { Message } from "../views/message";
import { replyToError } from "./reply-to-error";

/** The parts of an interaction payload (button, modal, shortcut) that say who acted where. */
export interface InteractionBody {
  user: { id: string; team_id?: string | undefined };
  team?: { id: string } | null;
}

export function identifyInteraction(
  deps: SlackDeps,
  body: InteractionBody,
  teamId: string | undefined,
): Promise<Actor> {
  return deps.services.access.identify({
    teamId: teamId ?? body.team?.id ?? "",
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
