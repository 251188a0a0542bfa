import type { App } from "@slack/bolt";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { inChannel } from "../commands/partner-card";
import { openScorecardReview, scorecardAnswer } from "../commands/partner-scorecard";
import { registerAction } from "./action-runner";
import { buttonPartnerId } from "./partner-card-actions";

/** Scorecard on the partner card and the App Home, and the managers' Review button under it. */
export function registerScorecardActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.scorecardShow, async ({ actor, action, body, tell, fromHome }) => {
    const channelId = fromHome ? null : (body.channel?.id ?? null);
    const choice = await inChannel(deps, actor, { partnerId: buttonPartnerId(action.value) }, channelId);
    await tell(await scorecardAnswer(deps, actor, choice));
  });

  registerAction(app, deps, ACTIONS.scorecardReviewOpen, async ({ actor, action, body, client, fromHome }) => {
    const partnerId = buttonPartnerId(action.value);
    if (partnerId === undefined) throw new DomainError("partner_not_found", { name: "", suggestions: [] });
    await openScorecardReview(deps, client, actor, body.trigger_id, partnerId, fromHome);
  });
}
