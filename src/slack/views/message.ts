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

const SECTION_LIMIT = 3000;
const MAX_SECTIONS = 45;

/** Packs lines into as few sections as fit Slack's 3000-character limit, and says so if some are cut. */
export function linesToSections(lines: string[]): KnownBlock[] {
  const sections: string[] = [];
  let current = "";
  for (const line of lines) {
    const next = current === "" ? line : `${current}\n${line}`;
    if (next.length > SECTION_LIMIT && current !== "") {
      sections.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current !== "") sections.push(current);
  const shown = sections.slice(0, MAX_SECTIONS);
  const blocks: KnownBlock[] = shown.map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
  if (sections.length > shown.length) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: "…and more: the list is too long for one message." }],
    });
  }
  return blocks;
}
