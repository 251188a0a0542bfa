import { type ApplicationDraft, validateApplication } from "../../domain/program/application-input";
import type { ApplicationField, Problem } from "../../domain/shared/error-codes";
import type { Actor } from "../access-service";
import type { ApplicationRecord } from "../program/program-store";
import type { ApplicationContext } from "./application-context";
import { submittedMessages } from "./application-messages";
import { canApply } from "./can-apply";

export type SubmitApplicationResult =
  | { ok: true; application: ApplicationRecord }
  | { ok: false; errors: Partial<Record<ApplicationField, Problem>> };

/**
 * The application modal's Submit: the application, its audit entry, the managers' card and the
 * applicant's receipt in one transaction. A company that applied already and is still waiting, or
 * is a partner, is named under the company field so the applicant sees it in the form.
 */
export async function submitApplication(
  context: ApplicationContext,
  actor: Actor,
  draft: ApplicationDraft,
  submission: { channelId: string | null; idempotencyKey: string },
): Promise<SubmitApplicationResult> {
  await canApply(context, actor);
  const validation = validateApplication(draft);
  if (!validation.ok) return { ok: false, errors: validation.errors };
  const valid = validation.application;
  const { workspace } = actor;
  const now = context.clock();
  return context.store.transaction(async (tx): Promise<SubmitApplicationResult> => {
    // One check-then-insert at a time per workspace: two people applying for the same company at
    // once make one application, and the second hears that it is waiting already.
    await tx.workspaces.lock(workspace.id);
    const partner = await tx.partners.findByKey(workspace.id, valid.companyKey);
    if (partner) {
      return {
        ok: false,
        errors: { company: { code: "application_already_partner", params: { partner: partner.name } } },
      };
    }
    const waiting = await tx.applications.findPendingByKey(workspace.id, valid.companyKey);
    if (waiting) {
      return {
        ok: false,
        errors: { company: { code: "application_pending_exists", params: { company: waiting.company } } },
      };
    }
    const application = await tx.applications.create({
      workspaceId: workspace.id,
      company: valid.company,
      companyKey: valid.companyKey,
      website: valid.website,
      regions: valid.regions,
      segments: valid.segments,
      solutions: valid.solutions,
      teamSize: valid.teamSize,
      references: valid.references,
      applicantUserId: actor.userId,
      applicantTeamId: actor.member.slackTeamId,
      external: actor.external,
      channelId: submission.channelId,
      idempotencyKey: submission.idempotencyKey,
      createdAt: now,
    });
    // The same submission twice waits for the lock and then finds its twin pending above; a key
    // reused for another company is a bug in the caller.
    if (!application) throw new Error("idempotency key taken");
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: "application.submit",
      target: String(application.id),
      data: { company: application.company, external: application.external, channelId: application.channelId },
    });
    await tx.outbox.enqueue(submittedMessages(application, workspace.approvalsChannel));
    return { ok: true, application };
  });
}
