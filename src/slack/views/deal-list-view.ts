import type { KnownBlock } from "@slack/types";
import type { DealListFilterName } from "../../services/deal-service";
import type { DealEventRecord, DealRecord, PartnerRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { closeLine, dealAmount, dealTitle, STATUS_EMOJI, stageLabel, statusLine, when } from "./deal-text";
import { escapeMrkdwn, linesToSections, type Message, plain } from "./message";

/** What the "next page" button carries to list the following page. */
export interface DealListPageValue {
  f: DealListFilterName;
  p?: string;
  n: number;
}

export function dealLine(deal: DealRecord, today: string, withPartner: boolean): string {
  const partner = withPartner ? ` · ${escapeMrkdwn(deal.partnerName)}` : "";
  const close = closeLine(deal, today);
  return `${STATUS_EMOJI[deal.status]} *${dealTitle(deal)}*${partner} · ${stageLabel(deal)} · ${dealAmount(deal)}${close ? ` · ${close}` : ""}`;
}

export function dealListMessage(input: {
  deals: DealRecord[];
  total: number;
  page: number;
  pages: number;
  filter: DealListFilterName;
  partner: PartnerRecord | null;
  partnerName?: string | undefined;
  today: string;
}): Message {
  const whose = input.partner ? escapeMrkdwn(input.partner.name) : "All partners";
  const heading = `${whose} · ${input.filter} deals`;
  if (input.total === 0) {
    return plain(
      `*${heading}*\nNo ${input.filter === "all" ? "" : `${input.filter} `}deals yet. Register one with \`/deal\`.`,
    );
  }
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${heading}* · ${input.total} in all, newest first` } },
    ...input.deals.map(
      (deal): KnownBlock => ({
        type: "section",
        text: { type: "mrkdwn", text: `${dealLine(deal, input.today, input.partner === null)}\n${statusLine(deal)}` },
      }),
    ),
  ];
  const pager: KnownBlock[] = [];
  const value = (n: number): string => {
    const page: DealListPageValue = { f: input.filter, n, ...(input.partnerName && { p: input.partnerName }) };
    return JSON.stringify(page);
  };
  if (input.page > 1 || input.page < input.pages) {
    blocks.push({
      type: "actions",
      block_id: BLOCKS.dealListPager,
      elements: [
        ...(input.page > 1
          ? [
              {
                type: "button" as const,
                action_id: ACTIONS.dealListNewer,
                text: { type: "plain_text" as const, text: "← Newer" },
                value: value(input.page - 1),
              },
            ]
          : []),
        ...(input.page < input.pages
          ? [
              {
                type: "button" as const,
                action_id: ACTIONS.dealListOlder,
                text: { type: "plain_text" as const, text: "Older →" },
                value: value(input.page + 1),
              },
            ]
          : []),
      ],
    });
  }
  pager.push({ type: "context", elements: [{ type: "mrkdwn", text: `Page ${input.page} of ${input.pages}` }] });
  return { text: `${heading}: ${input.total}`, blocks: [...blocks, ...pager] };
}

const EVENT_TEXT: Record<string, (event: DealEventRecord) => string> = {
  registered: () => "registered the deal",
  conflict_flagged: (event) =>
    `flagged a conflict with ${((event.data.conflictsWith as number[]) ?? []).map((id) => `#${id}`).join(", ")}`,
  approve: () => "approved the registration",
  reject: (event) => `rejected the registration: ${escapeMrkdwn(String(event.data.note ?? ""))}`,
  request_info: (event) => `asked for information: “${escapeMrkdwn(String(event.data.note ?? ""))}”`,
  stage_changed: (event) => {
    const amount = event.data.amountMinor as { from: number; to: number } | undefined;
    const reason = event.data.reason ? `: ${escapeMrkdwn(String(event.data.reason))}` : "";
    return `moved it from ${String(event.data.from)} to ${String(event.data.to)}${amount ? " (amount corrected)" : ""}${reason}`;
  },
  extension_requested: () => "asked to extend the protection",
  extension_approved: (event) => `extended the protection to ${String(event.data.protectedUntil ?? "").slice(0, 10)}`,
  extension_declined: () => "declined the extension",
  expiry_reminder: () => "reminded the partner that protection ends soon",
  expired: () => "expired the protection",
};

export function dealHistoryMessage(deal: DealRecord, events: DealEventRecord[]): Message {
  const lines = events.map((event) => {
    const who = event.actor === "system" ? "Partner Hub" : `<@${event.actor}>`;
    const what = EVENT_TEXT[event.type]?.(event) ?? event.type;
    return `• ${when(event.createdAt, deal.timezone)} — ${who} ${what}`;
  });
  return {
    text: `History of deal #${deal.id}`,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*History of ${dealTitle(deal)}* · ${escapeMrkdwn(deal.partnerName)} · ${dealAmount(deal)}`,
        },
      },
      ...(lines.length > 0
        ? linesToSections(lines)
        : [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "No events." } }]),
      { type: "context", elements: [{ type: "mrkdwn", text: `Now: ${stageLabel(deal)} · ${statusLine(deal)}` }] },
    ],
  };
}
