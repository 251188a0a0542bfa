import { METRIC_LABELS } from "../../domain/leaderboard/metrics";
import type { DigestList } from "../../services/digest/digest-content";
import type { GoalLine } from "../../services/goals";
import type { LeaderboardLine, LeaderboardResult } from "../../services/leaderboard";
import type { PracticeRecord } from "../../services/practices/practice-store";
import type { ShoutoutRecipientRecord, ShoutoutRecord } from "../../services/recognition/recognition-store";
import type { DealRecord } from "../../services/records";
import { joinMd, type Mrkdwn, md, mention, truncate, trusted } from "./block-kit";
import { dealAmount, STATUS_EMOJI, stageLabel } from "./deal-text";
import { progressBar } from "./goal-view";
import { formatValue, movementText } from "./leaderboard-view";

/**
 * One line per item of a digest list. User text is cut before it is escaped, to lengths that keep
 * five lines and "and N more" within one section even when every character escapes to five.
 */
const NAME_MAX = 60;
const CUSTOMER_MAX = 80;
const TITLE_MAX = 100;
const MESSAGE_MAX = 140;

/** Slack names by user id: a weekly post names people without mentioning (pinging) them. */
export type PeopleNames = ReadonlyMap<string, string>;

/** A person by name when the renderer found it; otherwise a mention, which Slack shows as the name. */
export function personName(userId: string, names: PeopleNames): Mrkdwn {
  const name = names.get(userId);
  return name === undefined ? mention(userId, "@") : md`${truncate(name, NAME_MAX)}`;
}

/** "and 4 more" after the lines shown, when the list was cut. */
export function moreLine(list: DigestList<unknown>): Mrkdwn[] {
  return list.more > 0 ? [md`_…and ${list.more} more_`] : [];
}

export function listTotal(list: DigestList<unknown>): number {
  return list.items.length + list.more;
}

/** "• :hourglass_flowing_sand: *#12 · Initech* · Acme · Proposal · USD 5,000.00" */
export function dealLine(deal: DealRecord, withPartner: boolean): Mrkdwn {
  const partner = withPartner ? md` · ${truncate(deal.partnerName, NAME_MAX)}` : md``;
  return md`• ${STATUS_EMOJI[deal.status]} *#${deal.id} · ${truncate(deal.customerName, CUSTOMER_MAX)}*${partner} · ${stageLabel(deal)} · ${dealAmount(deal)}`;
}

/** "• *Initech* · Acme · USD 5,000.00": a won deal needs no stage or status. */
export function wonLine(deal: DealRecord, withPartner: boolean): Mrkdwn {
  const partner = withPartner ? md` · ${truncate(deal.partnerName, NAME_MAX)}` : md``;
  return md`• *${truncate(deal.customerName, CUSTOMER_MAX)}*${partner} · ${dealAmount(deal)}`;
}

function boardName(line: LeaderboardLine, names: PeopleNames): Mrkdwn {
  if (line.userId !== null && line.name === line.userId) return personName(line.userId, names);
  return md`${truncate(line.name, NAME_MAX)}`;
}

export function boardValue(board: LeaderboardResult, line: LeaderboardLine): string {
  if (!line.showAmount) return "rank only";
  if (line.value === null) return "not ranked";
  return formatValue(board.metric, line.value, board.reportingCurrency);
}

/** "*1.* Acme Resellers — USD 5,000.00 · :arrow_up_small: 2"; the reader's own company in bold. */
export function boardLine(board: LeaderboardResult, line: LeaderboardLine, names: PeopleNames): Mrkdwn {
  const rank = line.rank === null ? "–" : `${line.rank}.`;
  const who = line.mine ? md`*${boardName(line, names)}* (your company)` : boardName(line, names);
  return md`*${rank}* ${who} — ${boardValue(board, line)} · ${trusted(movementText(line.movement))}`;
}

const GOAL_STATUS: Record<GoalLine["progress"]["status"], string> = {
  reached: ":white_check_mark: reached",
  on_pace: "on pace",
  at_risk: ":warning: at risk",
  missed: ":x: missed",
};

function goalOwner(line: GoalLine): Mrkdwn {
  const owner = truncate(line.ownerLabel, NAME_MAX);
  return line.partnerName !== null && line.partnerName !== line.ownerLabel
    ? md`*${owner}* · ${truncate(line.partnerName, NAME_MAX)}`
    : md`*${owner}*`;
}

/** "• *Acme* · Revenue won · Q4 2026 `▓▓▓▓▓░░░░░ 52 %` EUR 26,000 of EUR 50,000 · on pace" */
export function goalLine(line: GoalLine): Mrkdwn {
  return md`• ${goalOwner(line)} · ${METRIC_LABELS[line.goal.metric]} · ${line.periodLabel} \`${progressBar(
    line.progress.percent,
  )}\` ${line.display.actual} of ${line.display.target} · ${trusted(GOAL_STATUS[line.progress.status])}`;
}

/** "• *Acme* · Revenue won: 31 % of EUR 50,000 with 12 days left" */
export function atRiskLine(line: GoalLine): Mrkdwn {
  const who = truncate(line.partnerName ?? line.ownerLabel, NAME_MAX);
  const left = line.progress.daysLeft === 1 ? "1 day" : `${line.progress.daysLeft} days`;
  return md`• *${who}* · ${METRIC_LABELS[line.goal.metric]}: ${line.progress.percent} % of ${line.display.target} with ${left} left`;
}

/** "• *Handling price objections* · :thumbsup: 4 · by Dana" */
export function practiceLine(practice: PracticeRecord, names: PeopleNames): Mrkdwn {
  const by = personName(practice.creditedUserId ?? practice.authorId, names);
  return md`• *${truncate(practice.title, TITLE_MAX)}* · :thumbsup: ${practice.helpfulCount} · by ${by}`;
}

function recipient(entry: ShoutoutRecipientRecord, names: PeopleNames): Mrkdwn {
  if (entry.userId !== null) return personName(entry.userId, names);
  return md`*${truncate(entry.partnerName ?? "a partner", NAME_MAX)}*`;
}

/** "• Dana → Lee, *Acme*: “thanks for the joint demo” :trophy: Partner of the month" */
export function shoutoutLine(shoutout: ShoutoutRecord, names: PeopleNames): Mrkdwn {
  const to = joinMd(
    shoutout.recipients.slice(0, 5).map((entry) => recipient(entry, names)),
    ", ",
  );
  const others = shoutout.recipients.length > 5 ? md` and ${shoutout.recipients.length - 5} more` : md``;
  const award = shoutout.award ? md` · :trophy: ${truncate(shoutout.award, NAME_MAX)}` : md``;
  return md`• ${personName(shoutout.fromUserId, names)} → ${to}${others}: “${truncate(shoutout.message, MESSAGE_MAX)}”${award}`;
}

/** Every person a digest names, so the renderer can look their names up before drawing it. */
export function peopleIn(lists: {
  board: LeaderboardResult | null;
  practices: PracticeRecord[];
  shoutouts: ShoutoutRecord[];
}): string[] {
  const ids = new Set<string>();
  for (const line of [...(lists.board?.top ?? []), ...(lists.board?.caller ? [lists.board.caller] : [])]) {
    if (line.userId !== null && line.name === line.userId) ids.add(line.userId);
  }
  for (const practice of lists.practices) ids.add(practice.creditedUserId ?? practice.authorId);
  for (const shoutout of lists.shoutouts) {
    ids.add(shoutout.fromUserId);
    for (const entry of shoutout.recipients) if (entry.userId !== null) ids.add(entry.userId);
  }
  return [...ids];
}
