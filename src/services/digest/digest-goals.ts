import { goalOrder, goalsAtRisk, partnersAtRisk, startedGoals } from "../../domain/digest/digest-rules";
import { dayOf } from "../../domain/shared/zoned-time";
import type { Actor } from "../access-service";
import type { GoalLine } from "../goals";
import { goalProgressLines } from "../goals/list-goals";
import type { WorkspaceRecord } from "../records";
import type { Store } from "../store";

export interface DigestGoals {
  /** Started goals, the program's first. */
  goals: GoalLine[];
  /** Partners behind pace, furthest behind first. */
  atRisk: GoalLine[];
  /** Every goal behind pace, program goals included (the manager's queue). */
  anyAtRisk: GoalLine[];
}

/**
 * Goal progress as of `now`, through the goals' own use case: the whole program's (every goal,
 * a tier goal once per partner), or with `partnerId` that partner's as its members see them (its
 * own, its tier's and the program's). The digest is nobody's request, so it reads as a manager
 * would: the use case only looks at the reader's workspace, role and partner.
 */
export async function digestGoals(
  store: Store,
  workspace: WorkspaceRecord,
  input: { partnerId: number | null; now: Date },
): Promise<DigestGoals> {
  const lines = await goalProgressLines({ store, clock: () => input.now }, digestReader(workspace), {
    ...(input.partnerId !== null && { partnerId: input.partnerId }),
  });
  const started = startedGoals(lines, dayOf(input.now, workspace.timezone));
  return { goals: goalOrder(started), atRisk: partnersAtRisk(started), anyAtRisk: goalsAtRisk(started) };
}

function digestReader(workspace: WorkspaceRecord): Actor {
  return {
    workspace,
    member: {
      id: 0,
      workspaceId: workspace.id,
      slackUserId: "",
      slackTeamId: null,
      displayName: null,
      role: "manager",
      partnerId: null,
      announceShoutouts: true,
      timezone: null,
    },
    userId: "",
    role: "manager",
    external: false,
    becameAdmin: false,
  };
}
