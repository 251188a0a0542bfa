import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import type { PracticeProblems } from "../../../domain/practices/practice-input";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { PracticeRecord } from "../../../services/practices/practice-store";
import type { SlackDeps } from "../../deps";
import { PRACTICE_BLOCKS, VIEWS } from "../../ids";
import { errorSentence } from "../../views/error-sentences";
import { type EditModalMetadata, practiceDoneModal, type ShareModalMetadata } from "../../views/practice-modal-view";
import { identifyInteraction, readMetadata } from "../interaction";
import { publishHome } from "../publish-home";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { PRACTICE_FIELD_BLOCKS, readPracticeDraft } from "./practice-draft-state";

type Outcome = { kind: "invalid"; problems: PracticeProblems } | { kind: "done"; practice: PracticeRecord };
type Work = (actor: Actor, view: ViewSubmitAction["view"]) => Promise<Outcome>;

function problemsAnswer(problems: PracticeProblems): ViewResponseAction {
  const errors = Object.fromEntries(
    Object.entries(problems).map(([field, problem]) => [
      PRACTICE_FIELD_BLOCKS[field as keyof PracticeProblems],
      errorSentence(problem),
    ]),
  );
  return { response_action: "errors", errors };
}

/**
 * Submits of the share and edit modals. Problems keep the modal open with a sentence under each
 * field; otherwise the modal says where the card is. The card itself (and its redraw after an
 * edit) goes through the outbox. A share's view id is its idempotency key, so a double-clicked
 * submit or a Slack retry shares one practice.
 */
export function registerPracticeSubmissions(app: App, deps: SlackDeps): void {
  const practices = deps.services.practices;
  const share: Work = async (actor, view) => {
    const metadata = readMetadata<ShareModalMetadata>(view.private_metadata);
    const draft = {
      ...readPracticeDraft(view.state.values),
      creditedUserId: metadata.creditedUserId ?? null,
      sourcePermalink: metadata.sourcePermalink ?? null,
    };
    const result = await practices.share(actor, draft, `practice:${view.id}`, metadata.channelId ?? null);
    return result.kind === "invalid" ? result : { kind: "done", practice: result.practice };
  };
  const edit: Work = async (actor, view) => {
    const metadata = readMetadata<EditModalMetadata>(view.private_metadata);
    const result = await practices.edit(actor, Number(metadata.practiceId), readPracticeDraft(view.state.values));
    return result.kind === "invalid" ? result : { kind: "done", practice: result.practice };
  };
  const handlers: [string, Work, "shared" | "saved", string][] = [
    [VIEWS.sharePractice, share, "shared", "Sharing your practice…"],
    [VIEWS.editPractice, edit, "saved", "Saving your practice…"],
  ];
  for (const [callbackId, work, verb, doing] of handlers) {
    app.view<ViewSubmitAction>(callbackId, async ({ ack, body, view, client, context }) => {
      let actor: Actor | undefined;
      const decide = async (): Promise<ViewResponseAction> => {
        try {
          const who = await identifyInteraction(deps, body, context.teamId);
          const outcome = await work(who, view);
          if (outcome.kind === "invalid") return problemsAnswer(outcome.problems);
          actor = who;
          return { response_action: "update", view: practiceDoneModal(outcome.practice, verb) };
        } catch (error) {
          const message = isDomainError(error)
            ? errorSentence(error)
            : (await replyToError(error, deps, callbackId)).text;
          return { response_action: "errors", errors: { [PRACTICE_BLOCKS.title]: message } };
        }
      };
      await answerInTime(deps, { ack, client, view }, doing, decide());
      if (!actor || !readMetadata<ShareModalMetadata>(view.private_metadata).fromHome) return;
      await publishHome(deps, client, actor).catch((error: unknown) =>
        deps.logger.warn({ where: callbackId, err: (error as Error).message }, "could not refresh the App Home"),
      );
    });
  }
}
