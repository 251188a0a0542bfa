import { formatAmount } from "../../domain/deals/currency";
import { STATUS_LABELS } from "../../domain/deals/registration";
import { STAGE_LABELS } from "../../domain/deals/stages";
import { daysBetween, isoDate, localDate } from "../../domain/shared/calendar";
import type { DealRecord } from "../../services/records";
import { type Mrkdwn, md, trusted } from "./block-kit";
import { slackDate } from "./slack-date";

/** Short pieces of text about a deal, shared by every deal view. */

export function dealTitle(deal: DealRecord): Mrkdwn {
  return md`#${deal.id} · ${deal.customerName}`;
}

export function dealAmount(deal: Pick<DealRecord, "amountMinor" | "currency">): string {
  return formatAmount(deal.amountMinor, deal.currency);
}

/** Won or lost: the customer's protection no longer matters to anyone reading about the deal. */
export function isClosed(deal: Pick<DealRecord, "stage">): boolean {
  return deal.stage === "won" || deal.stage === "lost";
}

/** "Pending approval", "Approved · protected until 2027-02-25", … */
export function statusLine(deal: DealRecord): Mrkdwn {
  const label = STATUS_LABELS[deal.status];
  if (deal.status === "approved" && deal.protectedUntil && !isClosed(deal)) {
    const extension = deal.extensionRequestedAt ? " · extension requested" : "";
    return md`${label} · protected until ${dayOf(deal, deal.protectedUntil)}${extension}`;
  }
  if (deal.status === "conflict")
    return md`${label}: another partner has registered this customer; a manager will decide`;
  if (deal.status === "info_requested" && deal.decisionNote) return md`${label}: “${deal.decisionNote}”`;
  if (deal.status === "rejected" && deal.decisionNote) return md`${label}: ${deal.decisionNote}`;
  return md`${label}`;
}

export const STATUS_EMOJI: Record<DealRecord["status"], Mrkdwn> = {
  pending: trusted(":hourglass_flowing_sand:"),
  conflict: trusted(":warning:"),
  info_requested: trusted(":speech_balloon:"),
  approved: trusted(":white_check_mark:"),
  rejected: trusted(":x:"),
  expired: trusted(":hourglass:"),
};

/** "closes in 12 days", "closes today", ":red_circle: 3 days overdue", or null without a date. */
export function closeLine(deal: DealRecord, today: string): Mrkdwn | null {
  if (!deal.expectedCloseOn || deal.stage === "won" || deal.stage === "lost") return null;
  const days = daysBetween(today, isoDate(deal.expectedCloseOn));
  if (days > 1) return md`closes in ${days} days`;
  if (days === 1) return md`closes tomorrow`;
  if (days === 0) return md`closes today`;
  return md`:red_circle: ${-days === 1 ? "1 day" : `${-days} days`} overdue`;
}

export function stageLabel(deal: DealRecord): string {
  return STAGE_LABELS[deal.stage];
}

/**
 * The calendar day of an instant (protected until, won on): a Slack date token, so each reader
 * sees their own day; the workspace's day is the fallback where tokens are not rendered.
 */
export function dayOf(deal: Pick<DealRecord, "timezone">, instant: Date): Mrkdwn {
  return slackDate(instant, "date", deal.timezone);
}

/** An instant with its time ("decided on …"), in each reader's zone; the workspace's as the fallback. */
export function when(instant: Date, timeZone: string): Mrkdwn {
  return slackDate(instant, "datetime", timeZone);
}

/** The workspace's local day as plain text: for comparisons and where a token cannot go (option labels). */
export function plainDayOf(deal: Pick<DealRecord, "timezone">, instant: Date): string {
  return localDate(instant, deal.timezone);
}
