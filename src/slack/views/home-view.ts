import type { Button, HomeView, KnownBlock, SectionBlock } from "@slack/types";
import { daysBetween, localDate } from "../../domain/shared/calendar";
import type { HomeDeals } from "../../services/deals/deal-queries";
import type { DealRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, divider, header, type Mrkdwn, md, section, trusted } from "./block-kit";
import { dealLine } from "./deal-list-view";
import { conflictNote, decisionButtons, resubmitButton } from "./deal-message-view";
import { dayOf, isClosed, statusLine } from "./deal-text";
import { type HomeLeaderboard, leaderboardHomeBlocks } from "./leaderboard-home-view";
import { type HomePractices, practiceHomeBlocks } from "./practice-home-view";
import { type HomeProgram, programHomeBlocks } from "./program-home-view";
import { type HomeShoutouts, shoutoutHomeBlocks } from "./shoutout-home-view";

/** Protection that ends within this many days is flagged on the Home: time to close or ask for more. */
const PROTECTION_WARNING_DAYS = 14;

/** ":hourglass: protection ends 2026-12-05" when the customer's protection runs out soon. */
export function protectionEndingNote(deal: DealRecord, today: string): Mrkdwn | null {
  if (deal.status !== "approved" || !deal.protectedUntil || isClosed(deal)) return null;
  const left = daysBetween(today, localDate(deal.protectedUntil, deal.timezone));
  if (left < 0 || left > PROTECTION_WARNING_DAYS) return null;
  return md`:hourglass: protection ends ${dayOf(deal, deal.protectedUntil)}`;
}

/** One row, with a button beside it: one block per deal keeps the Home under Slack's 100 blocks. */
function row(text: Mrkdwn, blockId: string, accessory?: Button): SectionBlock {
  return { ...section(text, blockId), ...(accessory && { accessory }) };
}

function myDealRow(deal: DealRecord, today: string): KnownBlock {
  const ending = protectionEndingNote(deal, today);
  const text = md`${dealLine(deal, today, false)}\n${statusLine(deal)}${ending ? md`\n${ending}` : ""}`;
  const answer =
    deal.status === "info_requested" ? button(ACTIONS.answerInfo, "Answer", String(deal.id), "primary") : undefined;
  return row(text, BLOCKS.homeDealRow(deal.id), answer);
}

function rejectedRow(deal: DealRecord, today: string): KnownBlock {
  return row(
    md`${dealLine(deal, today, false)}\n${statusLine(deal)}`,
    BLOCKS.homeRejected(deal.id),
    resubmitButton(deal),
  );
}

function moreNote(shown: number, total: number): KnownBlock[] {
  if (total <= shown) return [];
  return [context(md`The ${shown} newest of ${total}: \`/deal list\` shows them all.`)];
}

/**
 * Managers decide right from their Home: the same buttons as the approval message, and the same
 * conflict note (with the other registrations when the caller looked them up).
 */
function decisionSections(
  deals: DealRecord[],
  today: string,
  rivals: ReadonlyMap<number, DealRecord[]> | undefined,
): KnownBlock[] {
  return deals.flatMap((deal) => {
    const known = rivals?.get(deal.id) ?? [];
    const note = conflictNote(deal, known);
    const text = md`${dealLine(deal, today, true)}\n${statusLine(deal)}${note ? md`\n${note}` : ""}`;
    const conflicted = known.length > 0 ? true : deal.status === "conflict";
    return [section(text), decisionButtons(deal, conflicted)];
  });
}

/** The App Home tab: a Register button, the person's open deals, what awaits managers, rank and goals, best practices and shout-outs. */
export function homeView(
  input: Omit<HomeDeals, "rejected"> & {
    /** The company's registrations rejected lately (absent: none to show). */
    rejected?: DealRecord[];
    isManager: boolean;
    hasPartner: boolean;
    today: string;
    /** Other partners' registrations of the same customer, by waiting deal id (absent: not looked up). */
    rivals?: ReadonlyMap<number, DealRecord[]>;
    /** Absent: nobody has shared one yet. */
    practices?: HomePractices;
    /** Absent: the person has given and received none. */
    shoutouts?: HomeShoutouts;
    /** The company's rank and goals; absent: not looked up. */
    leaderboard?: HomeLeaderboard;
    /** The partner program: the person's partnership, a manager's queue, or Apply; absent: not looked up. */
    program?: HomeProgram;
  },
): HomeView {
  const blocks: KnownBlock[] = [
    header("Partner Hub"),
    actions(
      [
        button(ACTIONS.registerDeal, "Register a deal", undefined, "primary"),
        button(ACTIONS.showRules, "Program rules"),
      ],
      BLOCKS.homeActions,
    ),
  ];
  if (input.hasPartner) {
    blocks.push(divider(), header(`My deals (${input.mineTotal})`));
    blocks.push(
      ...(input.mine.length > 0
        ? [...input.mine.map((deal) => myDealRow(deal, input.today)), ...moreNote(input.mine.length, input.mineTotal)]
        : [section(trusted("No open deals yet. Register one with the button above or `/deal`."))]),
    );
    const rejected = input.rejected ?? [];
    if (rejected.length > 0) {
      blocks.push(
        divider(),
        header("Rejected in the last 30 days"),
        ...rejected.map((deal) => rejectedRow(deal, input.today)),
      );
    }
  } else if (!input.isManager && input.program?.kind !== "prospect") {
    blocks.push(
      section(trusted("You're not in a partner company yet: ask a channel manager to add you with `/partner assign`.")),
    );
  }
  if (input.isManager) {
    blocks.push(
      divider(),
      header(`Waiting for a decision (${input.awaitingTotal})`),
      ...(input.awaitingDecision.length > 0
        ? [
            ...decisionSections(input.awaitingDecision, input.today, input.rivals),
            ...moreNote(input.awaitingDecision.length, input.awaitingTotal),
          ]
        : [section(trusted("Nothing waits for you. :tada:"))]),
    );
  }
  if (input.program) blocks.push(...programHomeBlocks(input.program));
  if (input.leaderboard) blocks.push(...leaderboardHomeBlocks(input.leaderboard));
  blocks.push(...practiceHomeBlocks(input.practices ?? { newest: [], mostHelpful: [] }));
  blocks.push(...shoutoutHomeBlocks(input.shoutouts ?? { received: [], given: [] }));
  blocks.push(context(trusted("Type `/hub help` for every command.")));
  return { type: "home", blocks };
}
