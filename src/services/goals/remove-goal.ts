import { requireManager } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { GoalContext } from "./goal-form";

/** `/goal remove 12`: managers only; audited with what the goal was. */
export async function removeGoal(context: GoalContext, actor: Actor, goalId: number): Promise<void> {
  requireManager(actor.role, "manage_goals");
  const workspaceId = actor.workspace.id;
  await context.store.transaction(async (tx) => {
    const goal = await tx.goals.findById(workspaceId, goalId);
    if (goal === null || !(await tx.goals.remove(workspaceId, goalId))) {
      throw new DomainError("goal_not_found", { id: goalId });
    }
    await tx.audit.record({
      workspaceId,
      actor: actor.userId,
      action: "goal.remove",
      target: String(goalId),
      data: {
        partnerId: goal.partnerId,
        tier: goal.tier,
        metric: goal.metric,
        period: goal.period,
        periodStart: goal.periodStart,
        target: goal.target,
      },
    });
  });
}
