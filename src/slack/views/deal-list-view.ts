import type { KnownBlock } from "@slack/types";
import type { FieldChange } from "../../domain/deals/deal-edit";
import { SYSTEM_ACTOR } from "../../domain/shared/system-actor";
import type { DealListFilterName } from "../../services/deals/deal-queries";
import type { DealEventRecord, DealRecord, PartnerRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, type Mrkdwn, md, mention, section } from "./block-kit";
import { describeChanges } from "./deal-change-text";
import { closeLine, dealAmount, dealTitle, STATUS_EMOJI, stageLabel, statusLine } from "./deal-text";
import { linesToSections, type Message, message, notice } from "./message";
import { slackDate } from "./slack-date";

/**
 * What the Newer / Older buttons carry to list another page: the filter, the page and, when a
 * manager named a partner, that partner's id. Never the typed name: a button value is at most
 * 2,000 characters and is sent back by the client, so it holds ids only.
 */
export interface DealListPageValue {
  f: DealListFilterName;
  p?: number;
  n: number;
}

export function dealLine(deal: DealRecord, today: string, withPartner: boolean): Mrkdwn {
  const partner = withPartner ? md` · ${deal.partnerName}` : "";
  const close = closeLine(deal, today);
  return md`${STATUS_EMOJI[deal.status]} *${dealTitle(deal)}*${partner} · ${stageLabel(deal)} · ${dealAmount(deal)}${close ? md` · ${close}` : ""}`;
}

export function dealListMessage(input: {
  deals: DealRecord[];
  total: number;
  page: number;
  pages: number;
  filter: DealListFilterName;
  partner: PartnerRecord | null;
  /** A manager chose the partner (rather than seeing their own company's deals). */
  partnerChosen: boolean;
  today: string;
}): Message {
  const whose = input.partner ? input.partner.name : "All partners";
  const heading = md`${whose} · ${input.filter} deals`;
  if (input.total === 0) {
    return notice(
      md`*${heading}*\nNo ${input.filter === "all" ? "" : `${input.filter} `}deals yet. Register one with \`/deal\`.`,
    );
  }
  const blocks: KnownBlock[] = [
    section(md`*${heading}* · ${input.total} in all, newest first`),
    ...input.deals.map((deal) =>
      section(md`${dealLine(deal, input.today, input.partner === null)}\n${statusLine(deal)}`),
    ),
  ];
  const value = (n: number): string => {
    const page: DealListPageValue = {
      f: input.filter,
      n,
      ...(input.partnerChosen && input.partner && { p: input.partner.id }),
    };
    return JSON.stringify(page);
  };
  if (input.page > 1 || input.page < input.pages) {
    blocks.push(
      actions(
        [
          ...(input.page > 1 ? [button(ACTIONS.dealListNewer, "← Newer", value(input.page - 1))] : []),
          ...(input.page < input.pages ? [button(ACTIONS.dealListOlder, "Older →", value(input.page + 1))] : []),
        ],
        BLOCKS.dealListPager,
      ),
    );
  }
  blocks.push(context(`Page ${input.page} of ${input.pages}`));
  return message(md`${heading}: ${input.total}`, blocks);
}

const EVENT_TEXT: Record<string, (event: DealEventRecord, deal: DealRecord) => Mrkdwn> = {
  registered: () => md`registered the deal`,
  conflict_flagged: (event) =>
    md`flagged a conflict with ${((event.data.conflictsWith as number[]) ?? []).map((id) => `#${id}`).join(", ")}`,
  approve: () => md`approved the registration`,
  reject: (event) => md`rejected the registration: ${String(event.data.note ?? "")}`,
  request_info: (event) => md`asked for information: “${String(event.data.note ?? "")}”`,
  stage_changed: (event) => {
    const amount = event.data.amountMinor as { from: number; to: number } | undefined;
    const reason = event.data.reason ? md`: ${String(event.data.reason)}` : "";
    return md`moved it from ${String(event.data.from)} to ${String(event.data.to)}${amount ? " (amount corrected)" : ""}${reason}`;
  },
  extension_requested: () => md`asked to extend the protection`,
  extension_approved: (event) => md`extended the protection to ${String(event.data.protectedUntil ?? "").slice(0, 10)}`,
  extension_declined: () => md`declined the extension`,
  expiry_reminder: () => md`reminded the partner that protection ends soon`,
  expired: () => md`expired the protection`,
  edited: (event, deal) => md`changed ${changesOf(event, deal)}`,
  resubmitted: (event, deal) => md`corrected and resubmitted the registration: ${changesOf(event, deal)}`,
  info_answered: (event) => md`answered: “${String(event.data.answer ?? "")}”`,
  conflict_won: () => md`resolved the conflict: this registration keeps the customer`,
  conflict_lost: () => md`resolved the conflict for another partner's registration: this one was rejected`,
  conflict_kept_existing: (event) =>
    md`kept ${((event.data.rivalIds as number[]) ?? []).map((id) => `#${id}`).join(", ")} and rejected this registration`,
};

/** "amount 7,000.00 → 8,250.00 EUR; stage Proposal → Negotiation", from the event's recorded changes. */
function changesOf(event: DealEventRecord, deal: DealRecord): string {
  const changes = Array.isArray(event.data.changes) ? (event.data.changes as FieldChange[]) : [];
  return describeChanges(changes, deal);
}

/** `timeZone` is the reader's own (the history answers one person); the deal's workspace zone otherwise. */
export function dealHistoryMessage(
  deal: DealRecord,
  events: DealEventRecord[],
  timeZone: string = deal.timezone,
): Message {
  const lines = events.map((event) => {
    const who = event.actor === SYSTEM_ACTOR ? "Partner Hub" : mention(event.actor);
    const what = EVENT_TEXT[event.type]?.(event, deal) ?? event.type;
    return md`• ${slackDate(event.createdAt, "datetime", timeZone)} — ${who} ${what}`;
  });
  return message(md`History of deal #${deal.id}`, [
    section(md`*History of ${dealTitle(deal)}* · ${deal.partnerName} · ${dealAmount(deal)}`),
    ...(lines.length > 0 ? linesToSections(lines) : [section("No events.")]),
    context(md`Now: ${stageLabel(deal)} · ${statusLine(deal)}`),
  ]);
}

/** `/deal find tanabe`: the first page of matches, newest first, and how many more there are. */
export function dealFindMessage(input: {
  deals: DealRecord[];
  total: number;
  words: string[];
  /** Whose deals were searched: the partner's own company, or null for every partner (managers). */
  partner: PartnerRecord | null;
  today: string;
}): Message {
  const typed = input.words.join(" ");
  const among = input.partner ? md` among ${input.partner.name}'s deals` : "";
  if (input.total === 0) {
    return notice(
      md`No deal matches “${typed}”${among}. Customer names and domains are searched; try fewer or shorter words.`,
    );
  }
  const blocks: KnownBlock[] = [
    section(md`*Deals matching “${typed}”*${among} · ${input.total} in all, newest first`),
    ...input.deals.map((deal) =>
      section(md`${dealLine(deal, input.today, input.partner === null)}\n${statusLine(deal)}`),
    ),
  ];
  const more = input.total - input.deals.length;
  if (more > 0) blocks.push(context(md`…and ${more} more: add words to narrow it down.`));
  return message(md`Deals matching “${typed}”: ${input.total}`, blocks);
}
