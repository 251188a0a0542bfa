import type { Actor } from "../access-service";
import { type GoalContext, goalForm } from "./goal-form";
import { goalProgressLines } from "./list-goals";
import { removeGoal } from "./remove-goal";
import { type GoalInput, setGoal } from "./set-goal";

export type { GoalContext } from "./goal-form";
export type { GoalLine } from "./list-goals";
export { MAX_GOAL_LINES } from "./list-goals";
export type { GoalField, GoalInput, SetGoalResult } from "./set-goal";

/** Goals and their progress: what /goal, the App Home and the digest call. */
export function createGoalUseCases(context: GoalContext) {
  return {
    form: (actor: Actor) => goalForm(context, actor),
    set: (actor: Actor, input: GoalInput) => setGoal(context, actor, input),
    progress: (actor: Actor, options?: { partnerId?: number }) => goalProgressLines(context, actor, options),
    remove: (actor: Actor, goalId: number) => removeGoal(context, actor, goalId),
  };
}

export type GoalUseCases = ReturnType<typeof createGoalUseCases>;
