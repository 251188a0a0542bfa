import type { KnownBlock } from "@slack/types";
import type { DigestContent, DigestList, ManagerQueue } from "../../services/digest/digest-content";
import type { LeaderboardResult } from "../../services/leaderboard";
import { context, divider, header, type MdValue, type Mrkdwn, md, truncate, trusted } from "./block-kit";
import {
  atRiskLine,
  boardLine,
  dealLine,
  goalLine,
  listTotal,
  moreLine,
  type PeopleNames,
  peopleIn,
  practiceLine,
  shoutoutLine,
  wonLine,
} from "./digest-lines";
import { chartAltText, chartImageBlock } from "./leaderboard-view";
import { linesToSections, type Message, message } from "./message";

export interface DigestViewOptions {
  /** The leaderboard chart uploaded for this post: shown under the leaderboard's rows. */
  chartFileId?: string | null;
  /** Slack names of the people the digest names (see digestPeople); others are shown as mentions. */
  names?: PeopleNames;
  /** `/hub digest preview`: only the person who asked sees it, and is told so. */
  preview?: boolean;
}

const NO_NAMES: PeopleNames = new Map();

/** Who the digest names, for the renderer to look up before drawing it. */
export function digestPeople(content: DigestContent): string[] {
  return peopleIn({
    board: content.leaderboard,
    practices: content.practices.items,
    shoutouts: content.shoutouts.items,
  });
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** A titled list: its heading with the full count, at most five lines, then "and N more". */
function listBlocks<T>(title: string, list: DigestList<T>, line: (item: T) => Mrkdwn): KnownBlock[] {
  if (list.items.length === 0 && list.more === 0) return [];
  return linesToSections([md`${trusted(title)} · ${listTotal(list)}`, ...list.items.map(line), ...moreLine(list)]);
}

function leaderboardBlocks(board: LeaderboardResult, names: PeopleNames, chartFileId: string | null): KnownBlock[] {
  if (board.top.length === 0) return [];
  const lines: MdValue[] = [
    trusted(":bar_chart: *Leaderboard of the week*"),
    ...board.top.map((line) => boardLine(board, line, names)),
  ];
  if (board.caller !== null) lines.push(boardLine(board, board.caller, names));
  const blocks = linesToSections(lines);
  if (chartFileId !== null) blocks.push(chartImageBlock(chartFileId, chartAltText(board)));
  if (board.hiddenAmounts)
    blocks.push(context(trusted(":lock: Other partners' amounts are private: you see their ranks.")));
  return blocks;
}

function titleOf(content: DigestContent): string {
  switch (content.audience.kind) {
    case "program":
      return "Weekly digest";
    case "partner":
      return `${content.audience.partnerName} · weekly digest`;
    case "manager":
      return "What waits for you";
  }
}

function topBlocks(content: DigestContent, options: DigestViewOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [header(titleOf(content)), context(md`:calendar: ${content.periodLabel}`)];
  if (options.preview) {
    blocks.push(
      context(trusted(":eyes: Preview: only you see this. The posted digest covers the 7 days before it goes out.")),
    );
  }
  return blocks;
}

function quietText(content: DigestContent): Mrkdwn {
  const who =
    content.audience.kind === "partner"
      ? md`for ${truncate(content.audience.partnerName, 80)}`
      : md`in the partner network`;
  return md`:seedling: A quiet week ${who}: no new registrations, wins, practices or shout-outs. A good moment to register the next deal with \`/deal\`, share what worked with \`/practice\` or thank someone with \`/shoutout\`.`;
}

function weekBlocks(content: DigestContent, names: PeopleNames, chartFileId: string | null): KnownBlock[] {
  const withPartner = content.audience.kind !== "partner";
  return [
    ...listBlocks(":memo: *New registrations*", content.registrations, (deal) => dealLine(deal, withPartner)),
    ...listBlocks(":warning: *Conflicts to resolve*", content.conflicts, (deal) => dealLine(deal, withPartner)),
    ...listBlocks(":trophy: *Deals won*", content.won, (deal) => wonLine(deal, withPartner)),
    ...(content.leaderboard ? leaderboardBlocks(content.leaderboard, names, chartFileId) : []),
    ...listBlocks(":dart: *Goal progress*", content.goals, goalLine),
    ...listBlocks(":rotating_light: *Behind pace*", content.atRisk, atRiskLine),
    ...listBlocks(":bulb: *New best practices*", content.practices, (practice) => practiceLine(practice, names)),
    ...listBlocks(":tada: *Shout-outs*", content.shoutouts, (shoutout) => shoutoutLine(shoutout, names)),
  ];
}

function queueBlocks(queue: ManagerQueue): KnownBlock[] {
  return [
    ...listBlocks(":hourglass_flowing_sand: *Waiting for your decision*", queue.waiting, (deal) =>
      dealLine(deal, true),
    ),
    ...listBlocks(":warning: *Conflicts to resolve*", queue.conflicts, (deal) => dealLine(deal, true)),
    ...listBlocks(":hourglass: *Extension requests*", queue.extensionRequests, (deal) => dealLine(deal, true)),
    ...listBlocks(":rotating_light: *Goals at risk*", queue.goalsAtRisk, atRiskLine),
  ];
}

function queueTotal(queue: ManagerQueue | null): number {
  if (queue === null) return 0;
  return (
    listTotal(queue.waiting) +
    listTotal(queue.conflicts) +
    listTotal(queue.extensionRequests) +
    listTotal(queue.goalsAtRisk)
  );
}

function footer(content: DigestContent): KnownBlock[] {
  const notes: Mrkdwn[] = [];
  if (content.audience.kind === "partner") {
    notes.push(
      md`:lock: ${truncate(content.audience.partnerName, 80)}'s own deals and goals, and what the whole network shares.`,
    );
  }
  if (content.audience.kind !== "manager" || queueTotal(content.queue) > 0) {
    notes.push(md`Amounts in ${content.reportingCurrency}.`);
  }
  notes.push(
    content.audience.kind === "manager"
      ? trusted("Weekly from Partner Hub · `/hub digest me off` stops it")
      : trusted("Weekly from Partner Hub · a manager can stop it with `/hub digest off`"),
  );
  return [divider(), context(...notes)];
}

/**
 * A weekly digest as one message: the week's registrations, conflicts, wins, leaderboard (with the
 * chart when one was uploaded), goals, practices and shout-outs, each at most five lines and "and N
 * more"; a quiet week a short, friendly post; a manager's DM what waits for them. The content is
 * already filtered for its audience: the view shows all of it and nothing else.
 */
export function digestMessage(content: DigestContent, options: DigestViewOptions = {}): Message {
  const names = options.names ?? NO_NAMES;
  const blocks = topBlocks(content, options);
  if (content.audience.kind === "manager") {
    const queue = content.queue;
    if (queue === null || queueTotal(queue) === 0) {
      blocks.push(
        ...linesToSections([
          trusted(
            ":sparkles: Nothing waits for you this week: no registrations to decide, no conflicts, no extension requests and no goals at risk.",
          ),
        ]),
      );
    } else {
      blocks.push(...queueBlocks(queue));
    }
    const week = weekCounts(content);
    if (week.length > 0) blocks.push(context(md`:calendar: The week in the network: ${week.join(", ")}.`));
  } else if (content.quiet) {
    blocks.push(...linesToSections([quietText(content)]));
  } else {
    blocks.push(...weekBlocks(content, names, options.chartFileId ?? null));
  }
  blocks.push(...footer(content));
  return message(fallbackText(content), blocks);
}

/** "9 new registrations, 2 deals won, 1 shout-out": the week's news in counts. */
function weekCounts(content: DigestContent): string[] {
  const counts = [
    [listTotal(content.registrations), "new registration", "new registrations"],
    [listTotal(content.conflicts), "conflict", "conflicts"],
    [listTotal(content.won), "deal won", "deals won"],
    [listTotal(content.practices), "new practice", "new practices"],
    [listTotal(content.shoutouts), "shout-out", "shout-outs"],
  ] as const;
  return counts.filter(([count]) => count > 0).map(([count, one, many]) => plural(count, one, many));
}

/**
 * What notifications and clients without blocks show: counts and the leader, link-free, with no
 * mention (people by name only) and every name escaped.
 */
export function fallbackText(content: DigestContent): Mrkdwn {
  const title = titleOf(content);
  if (content.audience.kind === "manager") {
    const queue = content.queue;
    if (queue === null || queueTotal(queue) === 0) return md`${title}: nothing this week.`;
    const parts = [
      [listTotal(queue.waiting), "registration to decide", "registrations to decide"],
      [listTotal(queue.conflicts), "conflict", "conflicts"],
      [listTotal(queue.extensionRequests), "extension request", "extension requests"],
      [listTotal(queue.goalsAtRisk), "goal at risk", "goals at risk"],
    ] as const;
    const said = parts.filter(([count]) => count > 0).map(([count, one, many]) => plural(count, one, many));
    return md`${title}: ${said.join(", ")}.`;
  }
  if (content.quiet) return md`${title}, ${content.periodLabel}: a quiet week.`;
  const said = weekCounts(content);
  const leader = content.leaderboard?.top[0];
  const leads =
    leader !== undefined && leader.rank === 1 && !(leader.userId !== null && leader.name === leader.userId)
      ? md` ${truncate(leader.name, 80)} leads the week.`
      : md``;
  const summary = said.length > 0 ? said.join(", ") : "goal progress inside";
  return md`${title}, ${content.periodLabel}: ${summary}.${leads}`;
}
