import type { ApplicationDraft } from "../../domain/program/application-input";
import type { ApplicationStatus } from "../../domain/program/program-types";
import type { Actor } from "../access-service";
import type { ApplicationContext } from "./application-context";
import { canApply } from "./can-apply";
import { type ApplicationReviewInput, decideApplication } from "./decide-application";
import { applicationForMessage } from "./find-application";
import { listApplications, pendingApplications } from "./list-applications";
import { applicationReviewForm } from "./review-application";
import { submitApplication } from "./submit-application";

export type { ApplicationContext } from "./application-context";
export { APPLICATION_MESSAGE_KINDS, type ApplicantEvent, applicationCardKey } from "./application-messages";
export { type ApplicationDecision, type ApplicationReviewInput, MAX_DECISION_REASON } from "./decide-application";
export { HOME_PENDING_APPLICATIONS, MAX_LISTED_APPLICATIONS } from "./list-applications";
export type { SubmitApplicationResult } from "./submit-application";

/** Companies applying to join the program, and the managers' review and decision. */
export function createApplicationUseCases(context: ApplicationContext) {
  return {
    canApply: (actor: Actor) => canApply(context, actor),
    submit: (actor: Actor, draft: ApplicationDraft, submission: { channelId: string | null; idempotencyKey: string }) =>
      submitApplication(context, actor, draft, submission),
    list: (actor: Actor, filter: { status?: ApplicationStatus } = {}) => listApplications(context, actor, filter),
    reviewForm: (actor: Actor, applicationId: number) => applicationReviewForm(context, actor, applicationId),
    decide: (actor: Actor, applicationId: number, input: ApplicationReviewInput) =>
      decideApplication(context, actor, applicationId, input),
    forMessage: (workspaceId: number, applicationId: number) =>
      applicationForMessage(context, workspaceId, applicationId),
    pending: (actor: Actor) => pendingApplications(context, actor),
  };
}

export type ApplicationUseCases = ReturnType<typeof createApplicationUseCases>;
