import { checkImageFiles } from "./fake-slack-files";
import { slackMessage } from "./fake-slack-shapes";
import type { SlackState } from "./fake-slack-state";
import { type Handler, jsonArray, type MethodArgs, SlackError } from "./fake-slack-wire";

/** chat.*: posting, ephemeral notes, edits, deletes and permalinks, with Slack's errors. */

export type { Handler } from "./fake-slack-wire";

export interface ChatOptions {
  /** Called with the resolved channel before a chat.postMessage is taken; throws to refuse it (429). */
  admitPost(channel: string): void;
}

function requireContent(state: SlackState, args: MethodArgs): void {
  const blocks = jsonArray(args.blocks);
  if (!args.text && blocks.length === 0) throw new SlackError("no_text");
  if (blocks.length > 50) throw new SlackError("invalid_blocks");
  checkImageFiles(state, blocks);
}

export function chatMethods(state: SlackState, options: ChatOptions): Record<string, Handler> {
  const bot = () => ({ user: state.directory.botUserId, botId: state.directory.botId });
  return {
    "chat.postMessage": (args) => {
      // A user id posts into the app's DM with that person, and Slack answers with the D… id.
      const channel = state.resolveChannel(String(args.channel ?? ""));
      options.admitPost(channel);
      requireContent(state, args);
      const threadTs = args.thread_ts ? String(args.thread_ts) : undefined;
      if (threadTs && !state.findMessage(channel, threadTs)) throw new SlackError("thread_not_found");
      const message = state.addMessage({
        channel,
        ...bot(),
        text: String(args.text ?? ""),
        blocks: jsonArray(args.blocks),
        threadTs,
      });
      return { channel, ts: message.ts, message: slackMessage(message) };
    },
    "chat.postEphemeral": (args) => {
      const channel = state.resolveChannel(String(args.channel ?? ""));
      const userId = String(args.user ?? "");
      if (!state.user(userId)) throw new SlackError("user_not_found");
      requireContent(state, args);
      const message = state.addMessage({
        channel,
        ...bot(),
        text: String(args.text ?? ""),
        blocks: jsonArray(args.blocks),
        visibleTo: userId,
        threadTs: args.thread_ts ? String(args.thread_ts) : undefined,
      });
      return { message_ts: message.ts };
    },
    "chat.update": (args) => {
      const channel = state.resolveChannel(String(args.channel ?? ""));
      const message = state.findMessage(channel, String(args.ts ?? ""));
      if (!message) throw new SlackError("message_not_found");
      if (message.user !== state.directory.botUserId) throw new SlackError("cant_update_message");
      requireContent(state, args);
      state.editMessage(message, { text: String(args.text ?? ""), blocks: jsonArray(args.blocks) });
      return { channel, ts: message.ts, text: message.text, message: slackMessage(message) };
    },
    "chat.delete": (args) => {
      const channel = state.resolveChannel(String(args.channel ?? ""));
      if (!state.deleteMessage(channel, String(args.ts ?? ""))) throw new SlackError("message_not_found");
      return { channel, ts: String(args.ts) };
    },
    "chat.getPermalink": (args) => {
      const channel = state.resolveChannel(String(args.channel ?? ""));
      const ts = String(args.message_ts ?? "");
      const message = state.findMessage(channel, ts);
      if (!message || message.visibleTo !== undefined) throw new SlackError("message_not_found");
      return { channel, permalink: permalink(state.directory.team.domain, message) };
    },
  };
}

/**
 * Slack's permalink: the ts without its dot after "p"; a thread reply names its thread and channel
 * (https://vendor.slack.com/archives/C0SALES/p1700000000000002?thread_ts=1700000000.000001&cid=C0SALES).
 */
export function permalink(
  domain: string,
  message: { channel: string; ts: string; threadTs?: string | undefined },
): string {
  const base = `https://${domain}.slack.com/archives/${message.channel}/p${message.ts.replace(".", "")}`;
  const reply = message.threadTs !== undefined && message.threadTs !== message.ts;
  return reply ? `${base}?thread_ts=${message.threadTs}&cid=${message.channel}` : base;
}
