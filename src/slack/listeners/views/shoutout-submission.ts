import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import type { Problem } from "../../../domain/shared/domain-error";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { botsAmong } from "../../identity/bot-users";
import { SHOUTOUT_BLOCKS, VIEWS } from "../../ids";
import { errorSentence } from "../../views/error-sentences";
import { type ShoutoutModalMetadata, shoutoutDoneModal } from "../../views/shoutout-modal-view";
import { identifyInteraction, readMetadata } from "../interaction";
import { publishHome } from "../publish-home";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { readShoutoutForm } from "./shoutout-form-state";

/** Where each field's problem is shown. */
const FIELD_BLOCKS: Record<string, string> = {
  recipients: SHOUTOUT_BLOCKS.recipients,
  message: SHOUTOUT_BLOCKS.message,
  value: SHOUTOUT_BLOCKS.value,
  award: SHOUTOUT_BLOCKS.award,
};

function problemsAnswer(problems: Partial<Record<string, Problem>>): ViewResponseAction {
  const errors: Record<string, string> = {};
  for (const [field, problem] of Object.entries(problems)) {
    if (problem) errors[FIELD_BLOCKS[field] ?? SHOUTOUT_BLOCKS.recipients] = errorSentence(problem);
  }
  return { response_action: "errors", errors };
}

/**
 * The Give a shout-out modal's submit. Problems (and a refusal: an exhausted allowance, an award
 * from a peer) keep the modal open with a sentence under the field; otherwise the modal says where
 * it went. The post and DMs go through the outbox. The view id is the idempotency key, so a
 * double-clicked Send or a Slack retry gives one shout-out.
 */
export function registerShoutoutSubmission(app: App, deps: SlackDeps): void {
  const recognition = deps.services.recognition;
  app.view<ViewSubmitAction>(VIEWS.giveShoutout, async ({ ack, body, view, client, context }) => {
    const metadata = readMetadata<ShoutoutModalMetadata>(view.private_metadata);
    let actor: Actor | undefined;
    const decide = async (): Promise<ViewResponseAction> => {
      try {
        const who = await identifyInteraction(deps, body, context.teamId);
        const form = readShoutoutForm(view.state.values);
        const recipients = [
          ...form.userIds.map((userId) => ({ userId })),
          ...(form.partnerName ? [{ partnerName: form.partnerName }] : []),
        ];
        const input = {
          recipients,
          message: form.message,
          value: form.value,
          award: form.award,
          announce: form.announce,
          botUserIds: await botsAmong(client, form.userIds),
        };
        const result = await recognition.give(who, input, `shoutout:${view.id}`, metadata.channelId ?? null);
        if (result.kind === "invalid") return problemsAnswer(result.problems);
        actor = who;
        return { response_action: "update", view: shoutoutDoneModal(result.shoutout) };
      } catch (error) {
        const message = isDomainError(error)
          ? errorSentence(error)
          : (await replyToError(error, deps, VIEWS.giveShoutout)).text;
        return { response_action: "errors", errors: { [SHOUTOUT_BLOCKS.message]: message } };
      }
    };
    await answerInTime(deps, { ack, client, view }, "Sending your shout-out…", decide());
    if (!actor || !metadata.fromHome) return;
    await publishHome(deps, client, actor).catch((error: unknown) =>
      deps.logger.warn({ where: VIEWS.giveShoutout, err: (error as Error).message }, "could not refresh the App Home"),
    );
  });
}
