import { type ChatOptions, chatMethods, type Handler } from "./fake-slack-chat";
import { filesMethods } from "./fake-slack-files";
import { slackChannel, slackUser, slackView } from "./fake-slack-shapes";
import type { SlackState } from "./fake-slack-state";
import { jsonArray, jsonObject, SlackError } from "./fake-slack-wire";

/** The Web API methods the fake answers, by name: auth, team, users, conversations, chat, files, views. */

function validateModal(view: Record<string, unknown>): void {
  if (view.type !== "modal") throw new SlackError("invalid_arguments");
  if (jsonArray(view.blocks).length > 100) throw new SlackError("invalid_arguments");
}

export function webApiMethods(state: SlackState, options: ChatOptions): Record<string, Handler> {
  const { directory } = state;
  return {
    "auth.test": () => ({
      url: `https://${directory.team.domain}.slack.com/`,
      team: directory.team.name,
      user: "partner_hub",
      team_id: directory.team.id,
      user_id: directory.botUserId,
      bot_id: directory.botId,
      ...(directory.team.enterprise && { enterprise_id: directory.team.enterprise.id }),
      is_enterprise_install: false,
    }),
    "team.info": () => ({
      team: { id: directory.team.id, name: directory.team.name, domain: directory.team.domain },
    }),
    "users.info": (args) => {
      const user = state.user(String(args.user ?? ""));
      if (!user) throw new SlackError("user_not_found");
      const org = directory.team.enterprise;
      // On Grid, Slack names the organization of the org's own people.
      const enterpriseUser =
        org && user.teamId === directory.team.id ? { id: user.id, enterprise_id: org.id } : undefined;
      return { user: { ...slackUser(user), ...(enterpriseUser && { enterprise_user: enterpriseUser }) } };
    },
    "conversations.info": (args) => {
      const channel = state.channel(String(args.channel ?? ""));
      if (!channel) throw new SlackError("channel_not_found");
      return { channel: slackChannel(channel, directory.team.id) };
    },
    "conversations.open": (args) => {
      const users = String(args.users ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== "");
      if (users.length === 0) throw new SlackError("users_list_not_supplied");
      // Group DMs (several users) are not modelled: the app only ever opens one person's DM.
      if (users.length > 1) throw new SlackError("not_supported");
      const userId = users[0] ?? "";
      if (!state.user(userId)) throw new SlackError("user_not_found");
      const existed = state.directory.channels.some((channel) => channel.isIm && channel.user === userId);
      const channel = state.dmChannel(userId);
      const body =
        args.return_im === true || args.return_im === "true"
          ? slackChannel(channel, directory.team.id)
          : { id: channel.id };
      return existed ? { no_op: true, already_open: true, channel: body } : { channel: body };
    },
    ...chatMethods(state, options),
    ...filesMethods(state),
    "views.open": (args) => {
      const trigger = state.takeTrigger(String(args.trigger_id ?? ""), true);
      const view = jsonObject(args.view);
      validateModal(view);
      return { view: slackView(directory, state.openView(trigger.userId, view, null)) };
    },
    "views.push": (args) => {
      const trigger = state.takeTrigger(String(args.trigger_id ?? ""), false);
      const top = state.topModal(trigger.userId);
      if (!top) throw new SlackError("not_found");
      const view = jsonObject(args.view);
      validateModal(view);
      return { view: slackView(directory, state.openView(trigger.userId, view, top.id)) };
    },
    "views.update": (args) => {
      const existing =
        args.view_id !== undefined
          ? state.views.get(String(args.view_id))
          : state.findViewByExternalId(args.external_id);
      if (!existing) throw new SlackError("not_found");
      if (args.hash !== undefined && args.hash !== existing.hash) throw new SlackError("hash_conflict");
      const view = jsonObject(args.view);
      validateModal(view);
      return { view: slackView(directory, state.replaceView(existing.id, view)) };
    },
    "views.publish": (args) => {
      const userId = String(args.user_id ?? "");
      if (!state.user(userId)) throw new SlackError("user_not_found");
      const view = jsonObject(args.view);
      if (view.type !== "home") throw new SlackError("invalid_arguments");
      state.publishHome(userId, view);
      return { view: { id: `VHOME${userId}`, type: "home", ...view } };
    },
  };
}
