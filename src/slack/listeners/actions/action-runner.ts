import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import type { Message } from "../../views/message";
import { answerInteraction, identifyInteraction, tellUser } from "../interaction";

export interface ActionInvocation {
  actor: Actor;
  action: ButtonAction;
  body: BlockAction<ButtonAction>;
  client: WebClient;
  /** Replaces or answers the message the button was on (ephemeral by default). */
  respond: RespondFn;
  /** An ephemeral answer to whoever clicked (a DM when Slack gave no response_url, as on the App Home). */
  tell: (message: Message) => Promise<void>;
  /** The button was clicked on the person's App Home. */
  fromHome: boolean;
}

export type ActionHandler = (invocation: ActionInvocation) => Promise<void>;

/**
 * Every button: ack at once (Slack allows 3 s), identify the person, run the handler; a refusal or
 * failure becomes a short ephemeral answer to whoever clicked. The twin of command-runner.ts.
 */
export function registerAction(app: App, deps: SlackDeps, actionId: string | RegExp, handler: ActionHandler): void {
  const where = String(actionId);
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    const to = { respond: body.response_url ? respond : undefined, client, userId: body.user.id };
    await answerInteraction(deps, where, to, async () => {
      const actor = await identifyInteraction(deps, body, context.teamId);
      await handler({
        actor,
        action,
        body,
        client,
        respond,
        tell: (message) => tellUser(to, message),
        fromHome: body.view?.type === "home",
      });
    });
  });
}
