import type { FieldChange } from "../../domain/deals/deal-edit";
import type { DealRecord } from "../../services/records";
import { joinMd, type Mrkdwn, md, mention, truncate } from "./block-kit";
import { describeChanges } from "./deal-change-text";
import { datedNotice } from "./deal-message-view";
import { dealTitle } from "./deal-text";
import { linesToSections, type Message, message } from "./message";

/** The notes about conflicts, answers, edits and corrections, and the managers' approval reminder. */

const ANSWER_SHOWN = 1000;
/** A reminder lists this many registrations; the rest are one `/deal list` away. */
const REMINDER_SHOWN = 20;

/** To the partner whose registration lost a conflict: who won is not said, only that another partner did. */
export function conflictLostNotice(deal: DealRecord, winnerDealId: number, by: string): Message {
  const reason = deal.decisionNote ? md` Reason: ${deal.decisionNote}` : "";
  return datedNotice(
    md`:x: Your registration *${dealTitle(deal)}* was rejected: another partner's registration of the same customer (#${winnerDealId}) was approved.${reason} (${mention(by)})`,
  );
}

/** To the manager who asked, and in the approval card's thread. */
export function answeredNotice(deal: DealRecord, by: string, answer: string): Message {
  return datedNotice(
    md`:speech_balloon: ${mention(by)} answered your question about *${dealTitle(deal)}*:\n“${truncate(answer, ANSWER_SHOWN)}”\nThe registration waits for your decision again.`,
  );
}

export function resubmittedNotice(deal: DealRecord, by: string, changes: readonly FieldChange[]): Message {
  const what = changes.length > 0 ? md`: ${describeChanges(changes, deal)}` : md` without changes`;
  return datedNotice(md`:repeat: ${mention(by)} corrected and resubmitted *${dealTitle(deal)}*${what}.`);
}

export function editedNotice(deal: DealRecord, by: string, changes: readonly FieldChange[]): Message {
  return datedNotice(md`:pencil2: ${mention(by)} edited *${dealTitle(deal)}*: ${describeChanges(changes, deal)}.`);
}

/** One registration in the managers' reminder, with how long it has been waiting. */
export interface WaitingDeal {
  deal: DealRecord;
  workingDays: number;
}

/**
 * To the approvals channel: the registrations that have waited longer than the program allows.
 * `total` counts every waiting registration when the reminder lists only the oldest.
 */
export function approvalReminderMessage(waiting: readonly WaitingDeal[], total: number = waiting.length): Message {
  const count = Math.max(total, waiting.length);
  const heading = md`:alarm_clock: *${count === 1 ? "1 registration waits" : `${count} registrations wait`} for a decision*`;
  const shown = waiting.slice(0, REMINDER_SHOWN);
  const lines: Mrkdwn[] = [
    heading,
    ...shown.map(
      ({ deal, workingDays }) =>
        md`• *${dealTitle(deal)}* · ${deal.partnerName} · waiting ${workingDays === 1 ? "1 working day" : `${workingDays} working days`}`,
    ),
  ];
  if (count > shown.length) lines.push(md`…and ${count - shown.length} more: \`/deal list\` shows them all.`);
  return message(joinMd(lines, "\n"), linesToSections(lines));
}
