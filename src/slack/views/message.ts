import type { KnownBlock } from "@slack/types";

/** A message the app sends: `text` is the notification/fallback text, `blocks` what people see. */
export interface Message {
  text: string;
  blocks?: KnownBlock[];
}

/** Characters Slack treats as markup in mrkdwn; user-typed text is escaped before it is shown. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function plain(text: string): Message {
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

export function userMention(userId: string): string {
  return `<@${userId}>`;
}
