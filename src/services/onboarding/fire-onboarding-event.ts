import { stepsForEvent } from "../../domain/program/onboarding";
import type { OnboardingEvent } from "../../domain/program/program-types";
import type { OnboardingStepRecord } from "../program/program-store";
import type { WorkspaceRecord } from "../records";
import type { Store } from "../store";
import { finishOnboardingIfDone } from "./finish-onboarding";

/**
 * Inside the transaction of what happened (a deal registered or won, a member added, a training
 * done, an application approved): ticks the partner's open steps that this event completes,
 * audited for `actorUserId` (whose action fired it), and finishes onboarding when none is left.
 * Most events find no open step for them, so they read one partner's steps and write nothing.
 */
export async function fireOnboardingEvent(
  tx: Store,
  workspace: WorkspaceRecord,
  partnerId: number,
  event: OnboardingEvent,
  actorUserId: string,
  at: Date,
): Promise<{ completed: OnboardingStepRecord[]; finished: boolean }> {
  const steps = await tx.onboarding.steps(partnerId);
  if (stepsForEvent(steps, event).length === 0) return { completed: [], finished: false };
  // Two events completing the last two steps at once in separate transactions would each see the
  // other's step still open and neither would finish: the workspace lock makes the second one wait
  // and then read the first one's step as done.
  await tx.workspaces.lock(workspace.id);
  const completed = await tx.onboarding.completeByEvent(partnerId, event, actorUserId, at);
  for (const step of completed) {
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actorUserId,
      action: "onboarding.step",
      target: String(partnerId),
      data: { key: step.key, label: step.label, event },
    });
  }
  const finished = completed.length > 0 && (await finishOnboardingIfDone(tx, workspace, partnerId, actorUserId, at));
  return { completed, finished };
}
