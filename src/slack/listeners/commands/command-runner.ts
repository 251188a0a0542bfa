import type { App, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { identifyActor } from "../../identity/identify-actor";
import type { Message } from "../../views/message";
import { FIRST_ADMIN_NOTICE } from "../../views/role-views";
import { replyToError } from "../reply-to-error";

export interface CommandInvocation {
  actor: Actor;
  text: string;
  body: SlashCommand;
  client: WebClient;
}

/** Returns what to answer, or null when the command answered otherwise (it opened a modal). */
export type CommandHandler = (invocation: CommandInvocation) => Promise<Message | null>;

/**
 * Every slash command: ack at once (Slack allows 3 s), identify the person, run the handler and
 * answer ephemerally through response_url. Errors become one short ephemeral line.
 */
export function registerCommand(app: App, deps: SlackDeps, command: string, handler: CommandHandler): void {
  app.command(command, async ({ ack, body, respond, context, client }) => {
    await ack();
    let reply: Message | null;
    try {
      // A command says nothing of the user's own team: identity/ asks users.info (once per person).
      const actor = await identifyActor(deps, {
        requestTeamId: context.teamId ?? body.team_id,
        userId: body.user_id,
        commandChannelId: body.channel_id,
      });
      reply = await handler({ actor, text: body.text ?? "", body, client });
      if (actor.becameAdmin) {
        reply = {
          text: reply ? `${FIRST_ADMIN_NOTICE}\n${reply.text}` : FIRST_ADMIN_NOTICE,
          blocks: [{ type: "section", text: { type: "mrkdwn", text: FIRST_ADMIN_NOTICE } }, ...(reply?.blocks ?? [])],
        };
      }
    } catch (error) {
      reply = await replyToError(error, deps, command);
    }
    if (reply) await respond({ response_type: "ephemeral", replace_original: false, ...reply });
  });
}
