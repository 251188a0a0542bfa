import type { FakeChannel, FakeDirectory, FakeUser } from "./fake-slack-directory";
import type { FakeMessage, FakeView } from "./fake-slack-types";

/** The fake Slack's records as the Web API returns them (snake_case, Slack's field names). */

export function slackUser(user: FakeUser) {
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    real_name: user.realName,
    tz: user.tz,
    is_bot: user.isBot ?? false,
    profile: { real_name: user.realName, display_name: user.name, team: user.teamId },
  };
}

/**
 * conversations.info's channel: a DM has no name, only the person; a Slack Connect channel says
 * is_ext_shared and names the teams in it (the host team first), as Slack does.
 */
export function slackChannel(channel: FakeChannel, hostTeamId?: string) {
  const shared = channel.isExtShared ?? false;
  const common = {
    id: channel.id,
    created: 1_700_000_000,
    is_archived: false,
    is_channel: !channel.isIm && !channel.isPrivate,
    is_group: channel.isPrivate ?? false,
    is_im: channel.isIm ?? false,
    is_mpim: false,
    is_private: channel.isPrivate ?? channel.isIm ?? false,
    is_shared: shared,
    is_ext_shared: shared,
    is_org_shared: false,
    is_pending_ext_shared: false,
  };
  if (channel.isIm) return { ...common, user: channel.user, is_user_deleted: false };
  return {
    ...common,
    name: channel.name,
    name_normalized: channel.name,
    is_member: true,
    ...(hostTeamId && { context_team_id: hostTeamId }),
    ...(shared && { shared_team_ids: [...(hostTeamId ? [hostTeamId] : []), ...(channel.sharedWith ?? [])] }),
  };
}

export function slackMessage(message: FakeMessage) {
  return {
    type: "message",
    user: message.user,
    bot_id: message.botId,
    text: message.text,
    blocks: message.blocks,
    ts: message.ts,
    thread_ts: message.threadTs,
  };
}

/** A view as Slack returns it (and sends it back in view_submission). */
export function slackView(directory: FakeDirectory, entry: FakeView): Record<string, unknown> {
  return {
    id: entry.id,
    team_id: directory.team.id,
    app_id: directory.appId,
    bot_id: directory.botId,
    hash: entry.hash,
    root_view_id: entry.rootViewId,
    previous_view_id: entry.previousViewId,
    private_metadata: "",
    callback_id: "",
    external_id: "",
    state: { values: {} },
    ...entry.view,
  };
}
