import type { KnownBlock } from "@slack/types";
import type { DealListFilterName } from "../../services/deals/deal-queries";
import type { DealEventRecord, DealRecord, PartnerRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, type Mrkdwn, md, mention, section } from "./block-kit";
import { closeLine, dealAmount, dealTitle, STATUS_EMOJI, stageLabel, statusLine, when } from "./deal-text";
import { linesToSections, type Message, message, notice } from "./message";

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

const EVENT_TEXT: Record<string, (event: DealEventRecord) => Mrkdwn> = {
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
};

export function dealHistoryMessage(deal: DealRecord, events: DealEventRecord[]): Message {
  const lines = events.map((event) => {
    const who = event.actor === "system" ? "Partner Hub" : mention(event.actor);
    const what = EVENT_TEXT[event.type]?.(event) ?? event.type;
    return md`• ${when(event.createdAt, deal.timezone)} — ${who} ${what}`;
  });
  return message(md`History of deal #${deal.id}`, [
    section(md`*History of ${dealTitle(deal)}* · ${deal.partnerName} · ${dealAmount(deal)}`),
    ...(lines.length > 0 ? linesToSections(lines) : [section("No events.")]),
    context(md`Now: ${stageLabel(deal)} · ${statusLine(deal)}`),
  ]);
}
