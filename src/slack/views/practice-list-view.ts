import type { KnownBlock } from "@slack/types";
import type { PracticeRecord } from "../../services/practices/practice-store";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, header, type Mrkdwn, md, section, truncate } from "./block-kit";
import { type Message, message } from "./message";
import { practiceMeta } from "./practice-card-view";

/** Enough of the text to recognize a practice in a list; the card shows all of it. */
const EXCERPT = 280;
/** Three blocks each, within Slack's 50 blocks per message. */
const MAX_SHOWN = 15;

function resultBlocks(practice: PracticeRecord): KnownBlock[] {
  return [
    section(md`*${practice.title}* · :thumbsup: ${practice.helpfulCount}\n${truncate(practice.body, EXCERPT)}`),
    context(practiceMeta(practice)),
    actions(
      [button(ACTIONS.practiceShareToChannel, "Share to channel", String(practice.id))],
      BLOCKS.practiceResult(practice.id),
    ),
  ];
}

/**
 * Search results and lists (top, tag, mine): shown only to the person who asked, each with a
 * button that posts its card in the channel for everybody.
 */
export function practiceListMessage(heading: string, practices: PracticeRecord[], empty: Mrkdwn): Message {
  if (practices.length === 0) return message(empty, [header(heading), section(empty)]);
  const shown = practices.slice(0, MAX_SHOWN);
  const more = practices.length > shown.length ? [context(md`The first ${shown.length} of ${practices.length}.`)] : [];
  return message(md`${heading}: ${practices.length}`, [header(heading), ...shown.flatMap(resultBlocks), ...more]);
}

/** What `/practice search` found for the words typed, best first. */
export function practiceSearchMessage(words: string, results: PracticeRecord[]): Message {
  return practiceListMessage(
    `Best practices for “${words}”`,
    results,
    md`Nothing matches “${words}” yet. Try fewer or other words, or share what you know with \`/practice\`.`,
  );
}
