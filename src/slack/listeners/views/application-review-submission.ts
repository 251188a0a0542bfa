import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { DomainError, isDomainError } from "../../../domain/shared/domain-error";
import type { ApplicationReviewInput } from "../../../services/applications";
import type { SlackDeps } from "../../deps";
import { ACTIONS, REVIEW_BLOCKS, VIEWS } from "../../ids";
import { isRecordId } from "../../parse/record-id";
import { withoutNul } from "../../parse/typed-text";
import {
  checklistBlockId,
  REVIEW_DECISIONS,
  type ReviewDecision,
  type ReviewModalMetadata,
  reviewSavedModal,
} from "../../views/application-review-modal";
import { errorSentence } from "../../views/error-sentences";
import { identifyInteraction, readMetadata } from "../interaction";
import { publishHome } from "../publish-home";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";

/** The review modal's elements as Slack sends them: selects, texts, checkboxes, radio buttons. */
const ZReviewState = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      value: z.string().nullish(),
      selected_option: z.object({ value: z.string() }).nullish(),
      selected_options: z.array(z.object({ value: z.string() })).nullish(),
    }),
  ),
);
type ReviewState = z.infer<typeof ZReviewState>;

const SCORE_BLOCK = REVIEW_BLOCKS.score("");
const NOTE_BLOCK = REVIEW_BLOCKS.note("");

function typed(state: ReviewState, blockId: string): string | null {
  const raw = state[blockId]?.[ACTIONS.input]?.value;
  const text = raw === undefined || raw === null ? "" : withoutNul(raw).trim();
  return text === "" ? null : text;
}

function picked(state: ReviewState, blockId: string): string | null {
  return state[blockId]?.[ACTIONS.input]?.selected_option?.value ?? null;
}

/** What the reviewer entered; criteria are read from the blocks the modal was opened with. */
export function readReview(state: ReviewState): ApplicationReviewInput {
  const scores: ApplicationReviewInput["scores"] = {};
  for (const blockId of Object.keys(state)) {
    if (!blockId.startsWith(SCORE_BLOCK)) continue;
    const key = blockId.slice(SCORE_BLOCK.length);
    const score = picked(state, blockId);
    scores[key] = { score: score === null ? null : Number(score), note: typed(state, `${NOTE_BLOCK}${key}`) };
  }
  const checked: string[] = [];
  for (let group = 0; state[checklistBlockId(group)] !== undefined; group++) {
    const options = state[checklistBlockId(group)]?.[ACTIONS.input]?.selected_options ?? [];
    checked.push(...options.map((option) => option.value));
  }
  const decision = picked(state, REVIEW_BLOCKS.decision);
  return {
    decision: REVIEW_DECISIONS.find((candidate) => candidate === decision) ?? ("save" satisfies ReviewDecision),
    scores,
    checked,
    reason: typed(state, REVIEW_BLOCKS.reason),
  };
}

/** The field a refusal belongs under, so the reviewer sees it next to what to change. */
function blockFor(error: DomainError | null): string {
  switch (error?.code) {
    case "application_checks_open":
      return checklistBlockId(0);
    case "reason_missing":
    case "reason_too_long":
      return REVIEW_BLOCKS.reason;
    default:
      return REVIEW_BLOCKS.decision;
  }
}

/** The deal's wording of a missing reason speaks of registrations; here the applicant reads it. */
function sentenceFor(error: DomainError): string {
  return error.code === "reason_missing"
    ? "Give a reason: the applicant reads it with the decision."
    : errorSentence(error);
}

/**
 * Save of the review modal: scores and checks are kept; approve or decline decides, and the
 * modal turns into what was decided. A refusal (checks open, criteria unscored, no reason, decided
 * meanwhile by someone else) stays in the modal under the field it is about.
 */
export function registerApplicationReviewSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.applicationReview, async ({ ack, body, view, client, context }) => {
    const metadata = readMetadata<ReviewModalMetadata>(view.private_metadata);
    let refreshHome: (() => Promise<void>) | null = null;
    const decide = async (): Promise<ViewResponseAction> => {
      try {
        const input = readReview(ZReviewState.parse(view.state.values));
        const actor = await identifyInteraction(deps, body, context.teamId);
        const id = Number(metadata.applicationId);
        if (!isRecordId(id)) throw new DomainError("application_not_found", { id: String(metadata.applicationId) });
        const { application, partner } = await deps.services.applications.decide(actor, id, input);
        const shown = await deps.services.applications.forMessage(actor.workspace.id, application.id);
        if (metadata.fromHome) refreshHome = () => publishHome(deps, client, actor);
        return {
          response_action: "update",
          view: reviewSavedModal(application, shown?.config.criteria ?? [], partner?.name ?? null),
        };
      } catch (error) {
        if (isDomainError(error)) {
          return { response_action: "errors", errors: { [blockFor(error)]: sentenceFor(error) } };
        }
        const reply = await replyToError(error, deps, VIEWS.applicationReview);
        return { response_action: "errors", errors: { [blockFor(null)]: reply.text } };
      }
    };
    await answerInTime(deps, { ack, client, view }, "Saving the review…", decide());
    const refresh = refreshHome as (() => Promise<void>) | null;
    if (refresh) {
      await refresh().catch((error: unknown) =>
        deps.logger.warn(
          { where: VIEWS.applicationReview, err: (error as Error).message },
          "could not refresh the App Home",
        ),
      );
    }
  });
}
