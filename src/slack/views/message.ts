import type { KnownBlock } from "@slack/types";
import { context, LIMITS, type MdValue, mention, section, toMrkdwn, truncateMrkdwn, trusted } from "./block-kit";

/** A message the app sends: `text` is the notification/fallback text, `blocks` what people see. */
export interface Message {
  text: string;
  blocks?: KnownBlock[];
}

/** A message with its notification text; a `string` in either is user text and is escaped. */
export function message(fallback: MdValue, blocks: KnownBlock[]): Message {
  return { text: truncateMrkdwn(toMrkdwn(fallback).text, LIMITS.messageText), blocks };
}

/** One section saying `text`, which is also the notification text. */
export function notice(text: MdValue): Message {
  return message(text, [section(text)]);
}

/** A fixed sentence the app wrote (listeners' confirmations): its mrkdwn is taken as it is. */
export function plain(appText: string): Message {
  return notice(trusted(appText));
}

export function userMention(userId: string) {
  return mention(userId, "@");
}

const MAX_SECTIONS = 45;

/** Packs lines into as few sections as fit Slack's 3000-character limit, and says so if some are cut. */
export function linesToSections(lines: MdValue[]): KnownBlock[] {
  const sections: string[] = [];
  let current = "";
  for (const line of lines.map((entry) => toMrkdwn(entry).text)) {
    const next = current === "" ? line : `${current}\n${line}`;
    if (next.length > LIMITS.sectionText && current !== "") {
      sections.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current !== "") sections.push(current);
  const shown = sections.slice(0, MAX_SECTIONS);
  const blocks: KnownBlock[] = shown.map((text) => section(trusted(text)));
  if (sections.length > shown.length) blocks.push(context("…and more: the list is too long for one message."));
  return blocks;
}
