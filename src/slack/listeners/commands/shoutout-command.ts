import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { botsAmong } from "../../identity/bot-users";
import { matchValue, parseShoutoutText } from "../../parse/shoutout-text";
import { errorSentence } from "../../views/error-sentences";
import { refusalMessage } from "../../views/error-views";
import { commandHelpMessage } from "../../views/help-view";
import { plain } from "../../views/message";
import { shoutoutGivenMessage } from "../../views/shoutout-message-view";
import { openShoutoutModal } from "../open-shoutout-modal";
import { registerCommand } from "./command-runner";

/**
 * `/shoutout` opens the modal; `/shoutout @a @b why #value` gives it at once. The command's
 * trigger id is the idempotency key, so a request Slack sends twice gives one shout-out.
 */
export function registerShoutoutCommand(app: App, deps: SlackDeps): void {
  const recognition = deps.services.recognition;
  registerCommand(app, deps, "/shoutout", async ({ actor, text, body, client }) => {
    const typed = text.trim();
    if (typed === "") {
      await openShoutoutModal(deps, client, actor, body.trigger_id, { channelId: body.channel_id, fromHome: false });
      return null;
    }
    if (typed.toLowerCase() === "help") return commandHelpMessage("/shoutout", undefined, actor.role);
    const parsed = parseShoutoutText(typed);
    const [form, botUserIds] = await Promise.all([recognition.giveForm(actor), botsAmong(client, parsed.userIds)]);
    const input = {
      recipients: [
        ...parsed.userIds.map((userId) => ({ userId })),
        ...(parsed.partnerName ? [{ partnerName: parsed.partnerName }] : []),
      ],
      message: parsed.message,
      value: matchValue(parsed.hashtag, form.values),
      award: parsed.award,
      botUserIds,
    };
    const result = await recognition.give(actor, input, `shoutout:${body.trigger_id}`, body.channel_id);
    if (result.kind === "invalid") {
      const sentences = Object.values(result.problems).flatMap((problem) => (problem ? [errorSentence(problem)] : []));
      return refusalMessage(sentences.join(" "));
    }
    if (result.kind === "repeat") return plain(":white_check_mark: That shout-out was already given.");
    return shoutoutGivenMessage(result.shoutout);
  });
}
