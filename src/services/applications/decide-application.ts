import { MAX_REGION, validateNewPartner } from "../../domain/partners/partner-rules";
import type { ChecklistState, CriterionScores, ProgramConfig } from "../../domain/program/program-types";
import { openChecks, unscoredCriteria, validateScore } from "../../domain/program/selection-score";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import { fireOnboardingEvent } from "../onboarding/fire-onboarding-event";
import { startOnboarding } from "../onboarding/start-onboarding";
import type { ApplicationPatch, ApplicationRecord } from "../program/program-store";
import type { PartnerRecord, WorkspaceRecord } from "../records";
import type { Store } from "../store";
import type { ApplicationContext } from "./application-context";
import { cardUpdateMessage, decidedMessages } from "./application-messages";
import { pendingApplication } from "./review-application";

/** The applicant reads it: as long as a rejection's note on a deal. */
export const MAX_DECISION_REASON = 500;

export type ApplicationDecision = "save" | "approve" | "decline";

export interface ApplicationReviewInput {
  decision: ApplicationDecision;
  /** Per criterion key: the score picked (null: none) and the reviewer's note. */
  scores: Record<string, { score: number | null; note: string | null }>;
  /** The due-diligence checks ticked. */
  checked: string[];
  /** Required to approve or decline; ignored when only saving. */
  reason: string | null;
}

/**
 * The scores after this review: a criterion the form scored gets this reviewer's score and note,
 * one it cleared loses its score, one it did not mention keeps what another reviewer gave.
 */
function mergeScores(config: ProgramConfig, stored: CriterionScores, input: ApplicationReviewInput, by: string) {
  const scores: CriterionScores = { ...stored };
  for (const criterion of config.criteria) {
    const given = input.scores[criterion.key];
    if (given === undefined) continue;
    if (given.score === null) {
      delete scores[criterion.key];
      continue;
    }
    const note = given.note?.trim() || null;
    scores[criterion.key] = { score: validateScore(given.score), note, by };
  }
  return scores;
}

/** Ticked checks keep who ticked them first; unticked ones are dropped; only the current list counts. */
function mergeChecklist(config: ProgramConfig, stored: ChecklistState, checked: string[], by: string, at: Date) {
  const state: ChecklistState = {};
  for (const item of config.dueDiligence) {
    if (!checked.includes(item)) continue;
    state[item] = stored[item] ?? { by, at: at.toISOString() };
  }
  return state;
}

function decisionReason(text: string | null): string {
  const reason = text?.trim() ?? "";
  if (reason === "") throw new DomainError("reason_missing");
  if (reason.length > MAX_DECISION_REASON) throw new DomainError("reason_too_long", { max: MAX_DECISION_REASON });
  return reason;
}

function decidedAlready(application: ApplicationRecord | null): DomainError {
  return new DomainError("application_decided", {
    status: application?.status ?? "declined",
    ...(application?.decidedBy && { decidedBy: application.decidedBy }),
  });
}

/** The first region the applicant listed ("EMEA, APAC" → "EMEA"), when it fits a partner's region. */
function firstRegion(regions: string): string | undefined {
  const first = regions.split(/[,;/\n]/, 1)[0]?.trim() ?? "";
  return first !== "" && first.length <= MAX_REGION ? first : undefined;
}

/**
 * Inside the approval's transaction: the partner, onboarding with the program's steps and the
 * agreement step done (it is part of due diligence). An external applicant's organization and the
 * shared channel they applied from become the partner's, and they its first member.
 */
async function admitPartner(
  tx: Store,
  workspace: WorkspaceRecord,
  application: ApplicationRecord,
  actor: Actor,
  now: Date,
): Promise<PartnerRecord> {
  const valid = validateNewPartner({ name: application.company, region: firstRegion(application.regions) });
  const existing = await tx.partners.findByKey(workspace.id, valid.nameKey);
  if (existing) throw new DomainError("application_already_partner", { partner: existing.name });
  const team = application.external ? application.applicantTeamId : null;
  const teamFree = team !== null && !(await tx.partners.findByConnectTeam(workspace.id, team));
  const channel = application.external ? application.channelId : null;
  const programChannel = channel === workspace.approvalsChannel || channel === workspace.celebrationsChannel;
  const channelFree = channel !== null && !programChannel && !(await tx.partners.findByChannel(workspace.id, channel));
  const partner = await tx.partners.createEstablished(workspace.id, {
    ...valid,
    status: "onboarding",
    connectTeamId: teamFree ? team : null,
    homeChannel: channelFree ? channel : null,
    onboardedAt: null,
  });
  if (!partner) throw new DomainError("application_already_partner", { partner: valid.name });
  await startOnboarding(tx, workspace, partner.id, now);
  await fireOnboardingEvent(tx, workspace, partner.id, "agreement_signed", actor.userId, now);
  if (application.external) {
    const member = await tx.members.ensure(workspace.id, application.applicantUserId, application.applicantTeamId);
    // Someone who joined another partner meanwhile stays there: moving people is /partner assign's job.
    if (member.partnerId === null) {
      await tx.members.setPartner(member.id, partner.id);
      await fireOnboardingEvent(tx, workspace, partner.id, "member_added", actor.userId, now);
    }
  }
  return (await tx.partners.findById(workspace.id, partner.id)) ?? partner;
}

/**
 * The review modal's submit: saves the scores and checks, and with approve or decline decides.
 * Approval needs every check done and every weighted criterion scored; it creates the partner and
 * starts its onboarding. All of it, its audit entry and its Slack messages commit together.
 */
export async function decideApplication(
  context: ApplicationContext,
  actor: Actor,
  applicationId: number,
  input: ApplicationReviewInput,
): Promise<{ application: ApplicationRecord; partner: PartnerRecord | null }> {
  const { store } = context;
  const { workspace } = actor;
  // Refused before anything is read for writing: not a manager, no such application, decided already.
  await pendingApplication(context, actor, applicationId);
  const now = context.clock();
  const reason = input.decision === "save" ? null : decisionReason(input.reason);
  return store.transaction(async (tx) => {
    await tx.workspaces.lock(workspace.id);
    // Read again under the lock: another manager may have decided, or saved scores this review
    // merges with, while this one waited for it.
    const application = await tx.applications.findById(workspace.id, applicationId);
    if (!application) throw new DomainError("application_not_found", { id: applicationId });
    if (application.status !== "pending") throw decidedAlready(application);
    const config = await tx.programConfig.get(workspace.id);
    const scores = mergeScores(config, application.scores, input, actor.userId);
    const checklist = mergeChecklist(config, application.checklist, input.checked, actor.userId, now);
    if (input.decision === "approve") {
      const open = openChecks(config.dueDiligence, checklist);
      if (open.length > 0) throw new DomainError("application_checks_open", { open });
      const missing = unscoredCriteria(config.criteria, scores);
      if (missing.length > 0) throw new DomainError("application_unscored", { missing });
    }
    const partner = input.decision === "approve" ? await admitPartner(tx, workspace, application, actor, now) : null;
    const status = { save: "pending", approve: "approved", decline: "declined" } as const;
    const patch: ApplicationPatch = {
      scores,
      checklist,
      ...(input.decision !== "save" && {
        status: status[input.decision],
        decidedBy: actor.userId,
        decidedAt: now,
        decisionReason: reason,
        partnerId: partner?.id ?? null,
      }),
    };
    const updated = await tx.applications.update(application.id, "pending", patch);
    if (!updated) throw decidedAlready(await tx.applications.findById(workspace.id, application.id));
    if (input.decision === "save") {
      await tx.outbox.enqueue([cardUpdateMessage(updated, `review:${actor.userId}:${now.getTime()}`)]);
      return { application: updated, partner: null };
    }
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: input.decision === "approve" ? "application.approve" : "application.decline",
      target: String(updated.id),
      data: { company: updated.company, reason, partnerId: partner?.id ?? null },
    });
    await tx.outbox.enqueue(decidedMessages(updated, input.decision === "approve" ? "approved" : "declined"));
    return { application: updated, partner };
  });
}
