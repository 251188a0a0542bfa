import type { App } from "@slack/bolt";
import { parseLeaderboardArgs } from "../../../domain/leaderboard/metrics";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { goalIdOf, goalsAnswer, openGoalModal } from "../commands/goal-command";
import { answerLeaderboard } from "../commands/leaderboard-command";
import { publishHome } from "../publish-home";
import { registerAction } from "./action-runner";

/**
 * The launcher's and App Home's Leaderboard and Our goals buttons (Slack Connect guests have no
 * slash commands), Set a goal, and Remove on a goal of `/goal list`.
 */
export function registerGoalActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.showGoals, async ({ actor, tell }) => {
    await tell(await goalsAnswer(deps, actor));
  });

  registerAction(app, deps, ACTIONS.showLeaderboard, async ({ actor, body, client, tell, fromHome }) => {
    const parsed = parseLeaderboardArgs({ words: [], options: {} });
    if (!parsed.ok) throw DomainError.of(parsed.problem);
    const channelId = fromHome ? null : (body.channel?.id ?? null);
    await tell(await answerLeaderboard(deps, client, actor, parsed.args, channelId));
  });

  registerAction(app, deps, ACTIONS.setGoal, async ({ actor, body, client, fromHome }) => {
    await openGoalModal(deps, client, actor, body.trigger_id, { fromHome });
  });

  registerAction(app, deps, ACTIONS.removeGoal, async ({ actor, action, client, respond, fromHome }) => {
    const id = goalIdOf(action.value);
    if (id === null) throw new DomainError("goal_not_found", { id: 0 });
    await deps.services.goals.remove(actor, id);
    if (fromHome) {
      await publishHome(deps, client, actor);
      return;
    }
    await respond({ response_type: "ephemeral", replace_original: true, ...(await goalsAnswer(deps, actor)) });
  });
}
