import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import type { Decision } from "../../domain/deals/registration";
import { nextStage, STAGE_LABELS } from "../../domain/deals/stages";
import { isoDate } from "../../domain/shared/calendar";
import type { DealRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { dayOf, dealAmount, dealTitle, STATUS_EMOJI, stageLabel, statusLine, when } from "./deal-text";
import { escapeMrkdwn, type Message } from "./message";

function button(actionId: string, label: string, value: string, style?: "primary" | "danger"): Button {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: label, emoji: true },
    value,
    ...(style && { style }),
  };
}

function facts(deal: DealRecord): KnownBlock {
  const field = (label: string, value: string) => ({ type: "mrkdwn" as const, text: `*${label}*\n${value}` });
  return {
    type: "section",
    fields: [
      field("Partner", escapeMrkdwn(deal.partnerName)),
      field("Amount", dealAmount(deal)),
      field("Stage", stageLabel(deal)),
      field("Expected close", deal.expectedCloseOn ? isoDate(deal.expectedCloseOn) : "—"),
      field("Product", escapeMrkdwn(deal.product)),
      field("Region", escapeMrkdwn(deal.region ?? "—")),
      field("Customer domain", escapeMrkdwn(deal.customer.domain ?? "—")),
      field("Registered by", `<@${deal.createdBy}>`),
    ],
  };
}

/** The deal's own message: where the partner moves it forward. */
export function dealCardMessage(deal: DealRecord): Message {
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `:handshake: *Deal ${dealTitle(deal)}*` } },
    facts(deal),
    { type: "context", elements: [{ type: "mrkdwn", text: `${STATUS_EMOJI[deal.status]} ${statusLine(deal)}` }] },
  ];
  if (deal.stage === "won") {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `:trophy: Won${deal.closedAt ? ` on ${dayOf(deal, deal.closedAt)}` : ""}` }],
    });
  } else if (deal.stage === "lost") {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `:heavy_multiplication_x: Lost: ${escapeMrkdwn(deal.lostReason ?? "no reason given")}`,
        },
      ],
    });
  } else if (deal.status !== "rejected" && deal.status !== "expired") {
    const value = String(deal.id);
    const next = nextStage(deal.stage);
    const actions: Button[] = [];
    if (next) actions.push(button(ACTIONS.advanceStage, `Move to ${STAGE_LABELS[next]}`, `${deal.id}:${next}`));
    actions.push(button(ACTIONS.markWon, "Mark won", value, "primary"), button(ACTIONS.markLost, "Mark lost", value));
    // Offered once the expiry reminder went out: earlier, an extension request has no point.
    if (deal.status === "approved" && deal.reminderSentAt && !deal.extensionRequestedAt) {
      actions.push(button(ACTIONS.requestExtension, "Request extension", value));
    }
    blocks.push({ type: "actions", block_id: BLOCKS.dealCard(deal.id), elements: actions });
  }
  return {
    text: `Deal #${deal.id} · ${escapeMrkdwn(deal.customerName)} · ${dealAmount(deal)} · ${statusLine(deal)}`,
    blocks,
  };
}

function conflictBlock(deal: DealRecord, conflict: DealRecord | null): KnownBlock[] {
  if (deal.status !== "conflict" && !conflict) return [];
  const detail = conflict
    ? `#${conflict.id} by *${escapeMrkdwn(conflict.partnerName)}* (${statusLine(conflict)}, ${dealAmount(conflict)})`
    : `deal #${deal.conflictDealId ?? "?"}`;
  return [
    {
      type: "section",
      text: { type: "mrkdwn", text: `:warning: *Conflict:* the same customer is registered in ${detail}.` },
    },
  ];
}

/** Approve / Reject / Ask for info on a registration waiting for a decision. */
export function decisionButtons(deal: DealRecord): ActionsBlock {
  const value = String(deal.id);
  return {
    type: "actions",
    block_id: BLOCKS.dealApproval(deal.id),
    elements: [
      button(ACTIONS.approveDeal, "Approve", value, "primary"),
      button(ACTIONS.rejectDeal, "Reject", value, "danger"),
      ...(deal.status === "info_requested" ? [] : [button(ACTIONS.askInfo, "Ask for info", value)]),
    ],
  };
}

/** The request in the approvals channel, with the decision buttons until someone decides. */
export function approvalMessage(deal: DealRecord, conflict: DealRecord | null = null): Message {
  const open = deal.status === "pending" || deal.status === "conflict" || deal.status === "info_requested";
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `:inbox_tray: *Deal registration ${dealTitle(deal)}*` } },
    facts(deal),
  ];
  if (deal.notes)
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `*Notes*\n${escapeMrkdwn(deal.notes).slice(0, 2900)}` },
    });
  blocks.push(...conflictBlock(deal, conflict));
  if (open) {
    if (deal.status === "info_requested") {
      blocks.push({
        type: "context",
        elements: [{ type: "mrkdwn", text: `${STATUS_EMOJI.info_requested} ${statusLine(deal)}` }],
      });
    }
    blocks.push(decisionButtons(deal));
  } else {
    const by = deal.decidedBy ? ` by <@${deal.decidedBy}>` : "";
    const at = deal.decidedAt ? ` on ${when(deal.decidedAt, deal.timezone)}` : "";
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `${STATUS_EMOJI[deal.status]} ${statusLine(deal)}${by}${at}` }],
    });
  }
  return {
    text: `Deal registration #${deal.id} from ${escapeMrkdwn(deal.partnerName)}: ${escapeMrkdwn(deal.customerName)}, ${dealAmount(deal)}`,
    blocks,
  };
}

const DECISION_TEXT: Record<Decision, (deal: DealRecord) => string> = {
  approve: (deal) =>
    `:white_check_mark: Your registration *${dealTitle(deal)}* was approved${deal.protectedUntil ? `: the customer is protected for you until ${dayOf(deal, deal.protectedUntil)}` : ""}.`,
  reject: (deal) => `:x: Your registration *${dealTitle(deal)}* was rejected: ${escapeMrkdwn(deal.decisionNote ?? "")}`,
  request_info: (deal) =>
    `:speech_balloon: A manager needs more information about *${dealTitle(deal)}*: “${escapeMrkdwn(deal.decisionNote ?? "")}” Reply in the deal's thread.`,
};

export function decisionNotice(deal: DealRecord, decision: Decision, by: string): Message {
  const text = `${DECISION_TEXT[decision](deal)} (<@${by}>)`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

export function stageNotice(deal: DealRecord, by: string): Message {
  const text =
    deal.stage === "won"
      ? `:trophy: <@${by}> marked *${dealTitle(deal)}* as won — ${dealAmount(deal)}.`
      : deal.stage === "lost"
        ? `<@${by}> marked *${dealTitle(deal)}* as lost: ${escapeMrkdwn(deal.lostReason ?? "")}`
        : `<@${by}> moved *${dealTitle(deal)}* to ${stageLabel(deal)}.`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

export function reminderNotice(deal: DealRecord): Message {
  const until = deal.protectedUntil ? dayOf(deal, deal.protectedUntil) : "soon";
  const text = `:alarm_clock: Protection of *${dealTitle(deal)}* ends on ${until}. Still working on it? Ask for an extension.`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "actions",
        elements: [button(ACTIONS.requestExtension, "Request extension", String(deal.id), "primary")],
      },
    ],
  };
}

export function expiredNotice(deal: DealRecord): Message {
  const text = `:hourglass: Protection of *${dealTitle(deal)}* has expired; other partners may now register this customer.`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

export function extensionRequestMessage(deal: DealRecord, by: string): Message {
  const until = deal.protectedUntil ? dayOf(deal, deal.protectedUntil) : "—";
  const text = `:hourglass_flowing_sand: <@${by}> asks to extend the protection of *${dealTitle(deal)}* (${escapeMrkdwn(deal.partnerName)}, ${dealAmount(deal)}), which ends on ${until}.`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "actions",
        block_id: BLOCKS.dealExtension(deal.id),
        elements: [
          button(ACTIONS.approveExtension, "Extend", String(deal.id), "primary"),
          button(ACTIONS.declineExtension, "Decline", String(deal.id)),
        ],
      },
    ],
  };
}

export function extensionDecidedNotice(deal: DealRecord, approved: boolean, by: string): Message {
  const text = approved
    ? `:white_check_mark: Protection of *${dealTitle(deal)}* was extended to ${deal.protectedUntil ? dayOf(deal, deal.protectedUntil) : "—"} by <@${by}>.`
    : `:x: <@${by}> declined to extend the protection of *${dealTitle(deal)}*.`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
