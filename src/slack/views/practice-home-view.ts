import type { KnownBlock } from "@slack/types";
import type { PracticeRecord } from "../../services/practices/practice-store";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, divider, header, joinMd, type Mrkdwn, md, section, trusted } from "./block-kit";
import { userMention } from "./message";

export interface HomePractices {
  newest: PracticeRecord[];
  mostHelpful: PracticeRecord[];
}

function practiceLine(practice: PracticeRecord): Mrkdwn {
  return md`*${practice.title}* · :thumbsup: ${practice.helpfulCount} · ${userMention(practice.authorId)} · \`/practice ${practice.id}\``;
}

function listSection(title: string, practices: PracticeRecord[]): KnownBlock[] {
  if (practices.length === 0) return [];
  return [section(md`*${title}*\n${joinMd(practices.map(practiceLine), "\n")}`)];
}

/** The App Home's best-practice part: a Share button, the newest and the most helpful. */
export function practiceHomeBlocks(practices: HomePractices): KnownBlock[] {
  const lists = [...listSection("Newest", practices.newest), ...listSection("Most helpful", practices.mostHelpful)];
  return [
    divider(),
    header("Best practices"),
    actions([button(ACTIONS.sharePractice, "Share a practice")], BLOCKS.homePractices),
    ...(lists.length > 0
      ? [...lists, context(trusted("`/practice search <words>` finds more; `/practice top` shows what helped most."))]
      : [section(trusted("Nobody has shared a practice yet. Be the first: what worked for you lately?"))]),
  ];
}
