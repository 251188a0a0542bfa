import type { App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import { isDomainError, type Problem } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { GOAL_BLOCKS, VIEWS } from "../../ids";
import { errorSentence } from "../../views/error-sentences";
import { chosenLabel, type GoalModalMetadata, goalSavedModal } from "../../views/goal-modal";
import { identifyInteraction, readMetadata } from "../interaction";
import { publishHome } from "../publish-home";
import { replyToError } from "../reply-to-error";
import { answerInTime } from "./answer-in-time";
import { inputValue, ZViewStateValues } from "./view-state";

type GoalField = keyof typeof GOAL_BLOCKS;

function problemsAnswer(problems: Partial<Record<GoalField, Problem>>): ViewResponseAction {
  const errors: Record<string, string> = {};
  for (const [field, problem] of Object.entries(problems) as [GoalField, Problem | undefined][]) {
    if (problem) errors[GOAL_BLOCKS[field]] = errorSentence(problem);
  }
  return { response_action: "errors", errors };
}

/**
 * Set a goal's Save: problems stay in the modal under their field; a saved goal replaces the form
 * with what was set. Saving the same owner, metric and period again changes its target.
 */
export function registerGoalSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.setGoal, async ({ ack, body, view, client, context }) => {
    const metadata = readMetadata<GoalModalMetadata>(view.private_metadata);
    let actor: Actor | undefined;
    const decide = async (): Promise<ViewResponseAction> => {
      try {
        const who = await identifyInteraction(deps, body, context.teamId);
        const values = ZViewStateValues.parse(view.state.values);
        const field = (block: string) => inputValue(values, block) ?? "";
        const input = {
          owner: field(GOAL_BLOCKS.owner),
          metric: field(GOAL_BLOCKS.metric),
          period: field(GOAL_BLOCKS.period),
          target: field(GOAL_BLOCKS.target),
        };
        const result = await deps.services.goals.set(who, input);
        if (result.kind === "invalid") return problemsAnswer(result.errors);
        actor = who;
        const facts = {
          ownerLabel: chosenLabel(view, GOAL_BLOCKS.owner, input.owner) ?? input.owner,
          periodLabel: chosenLabel(view, GOAL_BLOCKS.period, input.period) ?? input.period,
          reportingCurrency: who.workspace.reportingCurrency,
        };
        return { response_action: "update", view: goalSavedModal(result.goal, facts) };
      } catch (error) {
        const message = isDomainError(error)
          ? errorSentence(error)
          : (await replyToError(error, deps, VIEWS.setGoal)).text;
        return { response_action: "errors", errors: { [GOAL_BLOCKS.target]: message } };
      }
    };
    await answerInTime(deps, { ack, client, view }, "Saving the goal…", decide());
    if (!actor || !metadata.fromHome) return;
    await publishHome(deps, client, actor).catch((error: unknown) =>
      deps.logger.warn({ where: VIEWS.setGoal, err: (error as Error).message }, "could not refresh the App Home"),
    );
  });
}
