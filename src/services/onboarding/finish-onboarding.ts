import { onboardingDone } from "../../domain/program/onboarding";
import type { WorkspaceRecord } from "../records";
import type { Store } from "../store";
import { finishedMessage } from "./onboarding-messages";

/**
 * Inside the transaction that completed a step: when none is left open, the partner becomes
 * active (onboarded now), audited and announced. Only a partner still onboarding finishes, so an
 * established or inactive partner that ticks a step keeps its status. True when it finished now.
 */
export async function finishOnboardingIfDone(
  tx: Store,
  workspace: WorkspaceRecord,
  partnerId: number,
  actorUserId: string,
  at: Date,
): Promise<boolean> {
  const steps = await tx.onboarding.steps(partnerId);
  if (!onboardingDone(steps)) return false;
  const partner = await tx.partners.findById(workspace.id, partnerId);
  if (partner?.status !== "onboarding") return false;
  await tx.partners.setStatus(partnerId, "active", at);
  await tx.audit.record({
    workspaceId: workspace.id,
    actor: actorUserId,
    action: "onboarding.finish",
    target: String(partnerId),
    data: { partner: partner.name, steps: steps.length },
  });
  const channel = partner.homeChannel ?? workspace.approvalsChannel;
  if (channel !== null) await tx.outbox.enqueue([finishedMessage(workspace.id, partnerId, channel)]);
  return true;
}
