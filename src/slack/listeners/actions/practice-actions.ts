import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { buttonPracticeId } from "../../parse/practice-id";
import { md } from "../../views/block-kit";
import { notice, plain } from "../../views/message";
import { editPracticeModal } from "../../views/practice-modal-view";
import { openShareModal } from "../open-practice-modal";
import { registerAction } from "./action-runner";

/**
 * The buttons of practice cards, search results, the launcher and the App Home. What changes a
 * card (a vote, an edit, a deletion) redraws it through the outbox, so the clicker is told only
 * what the card cannot show.
 */
export function registerPracticeActions(app: App, deps: SlackDeps): void {
  const practices = deps.services.practices;

  registerAction(app, deps, ACTIONS.sharePractice, async ({ actor, body, client, fromHome }) => {
    const channelId = fromHome ? null : (body.channel?.id ?? null);
    const metadata = { channelId, creditedUserId: null, sourcePermalink: null, fromHome };
    await openShareModal(deps, client, actor, body.trigger_id, metadata);
  });

  registerAction(app, deps, ACTIONS.practiceHelpful, async ({ actor, action }) => {
    await practices.vote(actor, buttonPracticeId(action.value));
  });

  registerAction(app, deps, ACTIONS.practiceEdit, async ({ actor, action, body, client }) => {
    const id = buttonPracticeId(action.value);
    // Refused before the modal opens: someone who may not edit never sees the form.
    const [practice, form] = await Promise.all([practices.forEdit(actor, id), practices.shareForm(actor)]);
    await client.views.open({ trigger_id: body.trigger_id, view: editPracticeModal(form, practice) });
  });

  // Slack asked "Delete this practice?" before sending the click (the button's confirm dialog).
  registerAction(app, deps, ACTIONS.practiceDelete, async ({ actor, action, tell }) => {
    const removed = await practices.remove(actor, buttonPracticeId(action.value));
    await tell(notice(md`:wastebasket: Deleted “${removed.title}”.`));
  });

  registerAction(app, deps, ACTIONS.practiceShareToChannel, async ({ actor, action, body, tell }) => {
    const channelId = body.channel?.id;
    if (!channelId) {
      await tell(plain("Open a channel and share from a search result there."));
      return;
    }
    // One copy per result message and person, however often the button is clicked.
    const shownIn = (body.container as { message_ts?: string } | undefined)?.message_ts ?? action.action_ts;
    const id = buttonPracticeId(action.value);
    await practices.shareToChannel(actor, id, channelId, `${channelId}:${shownIn}:${actor.userId}`);
    await tell(plain(":white_check_mark: Posted it in this channel for everyone."));
  });
}
