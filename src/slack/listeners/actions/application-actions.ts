import type { App } from "@slack/bolt";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { isRecordId } from "../../parse/record-id";
import { applicationReviewModal } from "../../views/application-review-modal";
import { openApplicationModal } from "../commands/partner-apply";
import { registerAction } from "./action-runner";

/** An application's id as a Review button carries it; anything but an id is a forged or stale click. */
export function applicationIdFrom(value: string | undefined): number {
  const digits = /^\d+$/.exec(value ?? "")?.[0];
  if (digits === undefined) throw new DomainError("bad_button");
  const id = Number(digits);
  if (!isRecordId(id)) throw new DomainError("application_not_found", { id: digits });
  return id;
}

/**
 * Apply to become a partner (launcher in a channel tied to no partner, App Home: Slack Connect
 * prospects have no slash commands) and the managers' Review on an application's card or list.
 */
export function registerApplicationActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.applyOpen, async ({ actor, body, client, fromHome }) => {
    // The channel applied from is where a guest hears back; the Home has none.
    const channelId = fromHome ? null : (body.channel?.id ?? null);
    await openApplicationModal(deps, client, actor, body.trigger_id, channelId);
  });

  registerAction(app, deps, ACTIONS.applicationReview, async ({ actor, action, body, client, fromHome }) => {
    const id = applicationIdFrom(action.value);
    const { application, config } = await deps.services.applications.reviewForm(actor, id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: applicationReviewModal(application, config, { applicationId: application.id, fromHome }),
    });
  });
}
