import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import type { ApplicationDraft } from "../../../domain/program/application-input";
import { isDomainError } from "../../../domain/shared/domain-error";
import type { ApplicationField } from "../../../domain/shared/error-codes";
import type { SlackDeps } from "../../deps";
import { APPLICATION_BLOCKS, VIEWS } from "../../ids";
import { type ApplyModalMetadata, applicationReceivedModal } from "../../views/application-modal";
import { errorSentence } from "../../views/error-sentences";
import { identifyInteraction, readMetadata } from "../interaction";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { inputValue, ZViewStateValues } from "./view-state";

/**
 * Apply of the application modal. Every field is checked at once and a problem shows under its
 * field, so the applicant fixes all of them in one go. The view id is the idempotency key: a
 * double-clicked Apply or a Slack retry makes one application.
 */
export function registerApplicationSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.apply, async ({ ack, body, view, client, context }) => {
    const decide = async (): Promise<ViewResponseAction> => {
      try {
        const values = ZViewStateValues.parse(view.state.values);
        const field = (name: ApplicationField) => inputValue(values, APPLICATION_BLOCKS[name]);
        const draft: ApplicationDraft = {
          company: field("company"),
          website: field("website"),
          regions: field("regions"),
          segments: field("segments"),
          solutions: field("solutions"),
          teamSize: field("teamSize"),
          reference1: field("reference1"),
          reference2: field("reference2"),
        };
        const actor = await identifyInteraction(deps, body, context.teamId);
        const metadata = readMetadata<ApplyModalMetadata>(view.private_metadata);
        const result = await deps.services.applications.submit(actor, draft, {
          channelId: typeof metadata.channelId === "string" ? metadata.channelId : null,
          idempotencyKey: `apply:${view.id}`,
        });
        if (!result.ok) {
          const errors = Object.fromEntries(
            Object.entries(result.errors).map(([field, problem]) => [
              APPLICATION_BLOCKS[field as ApplicationField],
              errorSentence(problem),
            ]),
          );
          return { response_action: "errors", errors };
        }
        return { response_action: "update", view: applicationReceivedModal(result.application) };
      } catch (error) {
        const message = isDomainError(error)
          ? errorSentence(error)
          : (await replyToError(error, deps, VIEWS.apply)).text;
        return { response_action: "errors", errors: { [APPLICATION_BLOCKS.company]: message } };
      }
    };
    await answerInTime(deps, { ack, client, view }, "Sending your application…", decide());
  });
}
