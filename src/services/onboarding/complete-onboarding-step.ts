import { canManageProgram } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { OnboardingStepRecord } from "../program/program-store";
import type { PartnerRecord } from "../records";
import { finishOnboardingIfDone } from "./finish-onboarding";
import type { OnboardingContext } from "./onboarding-context";

/** Managers, and the partner's own people (they know when the kickoff call was held). */
export function canTickSteps(actor: Actor, partnerId: number): boolean {
  return canManageProgram(actor.role) || actor.member.partnerId === partnerId;
}

/**
 * A step ticked by hand (the button next to an open step), audited; ticking the last open one
 * finishes onboarding. A second click finds the step done and says so.
 */
export async function completeOnboardingStep(
  context: OnboardingContext,
  actor: Actor,
  partnerId: number,
  key: string,
): Promise<{ partner: PartnerRecord; steps: OnboardingStepRecord[]; finished: boolean }> {
  const { store, clock } = context;
  const { workspace } = actor;
  if (!canTickSteps(actor, partnerId)) throw new DomainError("forbidden", { action: "complete_onboarding" });
  const partner = await store.partners.findById(workspace.id, partnerId);
  if (!partner) throw new DomainError("partner_gone");
  const now = clock();
  const finished = await store.transaction(async (tx) => {
    await tx.workspaces.lock(workspace.id);
    const steps = await tx.onboarding.steps(partnerId);
    if (steps.length === 0) throw new DomainError("onboarding_not_started", { partner: partner.name });
    const step = steps.find((candidate) => candidate.key === key);
    if (!step) throw new DomainError("onboarding_step_unknown", { text: key });
    if (step.doneAt !== null || !(await tx.onboarding.complete(partnerId, key, actor.userId, now))) {
      throw new DomainError("onboarding_step_done", { label: step.label });
    }
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: "onboarding.step",
      target: String(partnerId),
      data: { key: step.key, label: step.label, event: null },
    });
    return finishOnboardingIfDone(tx, workspace, partnerId, actor.userId, now);
  });
  return {
    partner: (await store.partners.findById(workspace.id, partnerId)) ?? partner,
    steps: await store.onboarding.steps(partnerId),
    finished,
  };
}
