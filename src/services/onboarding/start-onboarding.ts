import type { OnboardingStepRecord } from "../program/program-store";
import type { WorkspaceRecord } from "../records";
import type { Store } from "../store";

/**
 * Inside the transaction that created the partner (`/partner add`, an approved application):
 * copies the program's current checklist to it, so later edits of the checklist leave partners
 * already onboarding with the steps they started with. The caller sets the partner's status.
 */
export async function startOnboarding(
  tx: Store,
  workspace: WorkspaceRecord,
  partnerId: number,
  at: Date,
): Promise<OnboardingStepRecord[]> {
  const config = await tx.programConfig.get(workspace.id);
  await tx.onboarding.start(workspace.id, partnerId, config.onboardingSteps, at);
  return tx.onboarding.steps(partnerId);
}
