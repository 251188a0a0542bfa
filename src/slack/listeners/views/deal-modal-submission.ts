import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import { type DomainError, isDomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { errorSentence } from "../../views/error-sentences";
import { identifyInteraction, readMetadata } from "../interaction";
import { publishHome } from "../publish-home";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { type ViewStateValues, ZViewStateValues } from "./view-state";

/** What every deal follow-up modal (conflict, answer, edit, resubmit) carries in its metadata. */
export interface DealModalMetadata {
  dealId?: number;
  fromHome?: boolean;
}

export interface DealModalSubmission<M extends DealModalMetadata> {
  callbackId: string;
  /** Shown in the interim modal when the database is slow. */
  doing: string;
  /** The block a refusal is shown under, by the refusal (null: an unexpected failure). */
  blockFor: (error: DomainError | null) => string;
  /** The change itself: undefined closes the modal, an answer keeps it open (errors) or replaces it. */
  work: (actor: Actor, metadata: Partial<M>, values: ViewStateValues) => Promise<ViewResponseAction | undefined>;
}

/**
 * The submit of a modal that changes one deal: identify, do the work, show a refusal under the
 * field it is about (so the person keeps what they typed), answer within Slack's 3 s (see
 * answer-in-time), and refresh the App Home when the modal was opened there.
 */
export function registerDealModalSubmission<M extends DealModalMetadata>(
  app: App,
  deps: SlackDeps,
  submission: DealModalSubmission<M>,
): void {
  const { callbackId } = submission;
  app.view<ViewSubmitAction>(callbackId, async ({ ack, body, view, context, client }) => {
    let actor: Actor | undefined;
    const metadata = readMetadata<M>(view.private_metadata);
    const decide = async (): Promise<ViewResponseAction | undefined> => {
      try {
        const values = ZViewStateValues.parse(view.state.values);
        const who = await identifyInteraction(deps, body, context.teamId);
        const answer = await submission.work(who, metadata, values);
        if (answer?.response_action !== "errors") actor = who;
        return answer;
      } catch (error) {
        if (isDomainError(error)) {
          return { response_action: "errors", errors: { [submission.blockFor(error)]: errorSentence(error) } };
        }
        const reply = await replyToError(error, deps, callbackId);
        return { response_action: "errors", errors: { [submission.blockFor(null)]: reply.text } };
      }
    };
    await answerInTime(deps, { ack, client, view }, submission.doing, decide());
    if (!actor || !metadata.fromHome) return;
    await publishHome(deps, client, actor).catch((error: unknown) =>
      deps.logger.warn({ where: callbackId, err: (error as Error).message }, "could not refresh the App Home"),
    );
  });
}
