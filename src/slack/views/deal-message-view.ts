import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import type { Decision } from "../../domain/deals/registration";
import { nextStage, STAGE_LABELS } from "../../domain/deals/stages";
import { isoDate } from "../../domain/shared/calendar";
import type { DealRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, fields, type Mrkdwn, md, mention, section, truncate } from "./block-kit";
import { dayOf, dealAmount, dealTitle, STATUS_EMOJI, stageLabel, statusLine, when } from "./deal-text";
import { type Message, message, notice } from "./message";

/** How much of the notes the approval message shows: the manager reads them there. */
const NOTES_SHOWN = 2900;

function facts(deal: DealRecord): KnownBlock {
  return fields([
    ["Partner", deal.partnerName],
    ["Amount", dealAmount(deal)],
    ["Stage", stageLabel(deal)],
    ["Expected close", deal.expectedCloseOn ? isoDate(deal.expectedCloseOn) : "—"],
    ["Product", deal.product],
    ["Region", deal.region ?? "—"],
    ["Customer domain", deal.customer.domain ?? "—"],
    ["Registered by", mention(deal.createdBy)],
  ]);
}

/** The deal's own message: where the partner moves it forward. */
export function dealCardMessage(deal: DealRecord): Message {
  const blocks: KnownBlock[] = [
    section(md`:handshake: *Deal ${dealTitle(deal)}*`),
    facts(deal),
    context(md`${STATUS_EMOJI[deal.status]} ${statusLine(deal)}`),
  ];
  if (deal.stage === "won") {
    blocks.push(context(md`:trophy: Won${deal.closedAt ? ` on ${dayOf(deal, deal.closedAt)}` : ""}`));
  } else if (deal.stage === "lost") {
    blocks.push(context(md`:heavy_multiplication_x: Lost: ${deal.lostReason ?? "no reason given"}`));
  } else if (deal.status !== "rejected" && deal.status !== "expired") {
    const value = String(deal.id);
    const next = nextStage(deal.stage);
    const buttons: Button[] = [];
    if (next) buttons.push(button(ACTIONS.advanceStage, `Move to ${STAGE_LABELS[next]}`, `${deal.id}:${next}`));
    buttons.push(button(ACTIONS.markWon, "Mark won", value, "primary"), button(ACTIONS.markLost, "Mark lost", value));
    // Offered once the expiry reminder went out: earlier, an extension request has no point.
    if (deal.status === "approved" && deal.reminderSentAt && !deal.extensionRequestedAt) {
      buttons.push(button(ACTIONS.requestExtension, "Request extension", value));
    }
    blocks.push(actions(buttons, BLOCKS.dealCard(deal.id)));
  }
  return message(md`Deal #${deal.id} · ${deal.customerName} · ${dealAmount(deal)} · ${statusLine(deal)}`, blocks);
}

function conflictBlock(deal: DealRecord, conflict: DealRecord | null): KnownBlock[] {
  if (deal.status !== "conflict" && !conflict) return [];
  const detail = conflict
    ? md`#${conflict.id} by *${conflict.partnerName}* (${statusLine(conflict)}, ${dealAmount(conflict)})`
    : md`deal #${deal.conflictDealId ?? "?"}`;
  return [section(md`:warning: *Conflict:* the same customer is registered in ${detail}.`)];
}

/** Approve / Reject / Ask for info on a registration waiting for a decision. */
export function decisionButtons(deal: DealRecord): ActionsBlock {
  const value = String(deal.id);
  return actions(
    [
      button(ACTIONS.approveDeal, "Approve", value, "primary"),
      button(ACTIONS.rejectDeal, "Reject", value, "danger"),
      ...(deal.status === "info_requested" ? [] : [button(ACTIONS.askInfo, "Ask for info", value)]),
    ],
    BLOCKS.dealApproval(deal.id),
  );
}

/** The request in the approvals channel, with the decision buttons until someone decides. */
export function approvalMessage(deal: DealRecord, conflict: DealRecord | null = null): Message {
  const open = deal.status === "pending" || deal.status === "conflict" || deal.status === "info_requested";
  const blocks: KnownBlock[] = [section(md`:inbox_tray: *Deal registration ${dealTitle(deal)}*`), facts(deal)];
  if (deal.notes) blocks.push(section(md`*Notes*\n${truncate(deal.notes, NOTES_SHOWN)}`));
  blocks.push(...conflictBlock(deal, conflict));
  if (open) {
    if (deal.status === "info_requested") {
      blocks.push(context(md`${STATUS_EMOJI.info_requested} ${statusLine(deal)}`));
    }
    blocks.push(decisionButtons(deal));
  } else {
    const by = deal.decidedBy ? md` by ${mention(deal.decidedBy)}` : "";
    const at = deal.decidedAt ? ` on ${when(deal.decidedAt, deal.timezone)}` : "";
    blocks.push(context(md`${STATUS_EMOJI[deal.status]} ${statusLine(deal)}${by}${at}`));
  }
  return message(
    md`Deal registration #${deal.id} from ${deal.partnerName}: ${deal.customerName}, ${dealAmount(deal)}`,
    blocks,
  );
}

const DECISION_TEXT: Record<Decision, (deal: DealRecord) => Mrkdwn> = {
  approve: (deal) =>
    md`:white_check_mark: Your registration *${dealTitle(deal)}* was approved${deal.protectedUntil ? `: the customer is protected for you until ${dayOf(deal, deal.protectedUntil)}` : ""}.`,
  reject: (deal) => md`:x: Your registration *${dealTitle(deal)}* was rejected: ${deal.decisionNote ?? ""}`,
  request_info: (deal) =>
    md`:speech_balloon: A manager needs more information about *${dealTitle(deal)}*: “${deal.decisionNote ?? ""}” Reply in the deal's thread.`,
};

export function decisionNotice(deal: DealRecord, decision: Decision, by: string): Message {
  return notice(md`${DECISION_TEXT[decision](deal)} (${mention(by)})`);
}

export function stageNotice(deal: DealRecord, by: string): Message {
  const who = mention(by);
  return notice(
    deal.stage === "won"
      ? md`:trophy: ${who} marked *${dealTitle(deal)}* as won — ${dealAmount(deal)}.`
      : deal.stage === "lost"
        ? md`${who} marked *${dealTitle(deal)}* as lost: ${deal.lostReason ?? ""}`
        : md`${who} moved *${dealTitle(deal)}* to ${stageLabel(deal)}.`,
  );
}

export function reminderNotice(deal: DealRecord): Message {
  const until = deal.protectedUntil ? dayOf(deal, deal.protectedUntil) : "soon";
  const text = md`:alarm_clock: Protection of *${dealTitle(deal)}* ends on ${until}. Still working on it? Ask for an extension.`;
  return message(text, [
    section(text),
    actions([button(ACTIONS.requestExtension, "Request extension", String(deal.id), "primary")]),
  ]);
}

export function expiredNotice(deal: DealRecord): Message {
  return notice(
    md`:hourglass: Protection of *${dealTitle(deal)}* has expired; other partners may now register this customer.`,
  );
}

export function extensionRequestMessage(deal: DealRecord, by: string): Message {
  const until = deal.protectedUntil ? dayOf(deal, deal.protectedUntil) : "—";
  const text = md`:hourglass_flowing_sand: ${mention(by)} asks to extend the protection of *${dealTitle(deal)}* (${deal.partnerName}, ${dealAmount(deal)}), which ends on ${until}.`;
  return message(text, [
    section(text),
    actions(
      [
        button(ACTIONS.approveExtension, "Extend", String(deal.id), "primary"),
        button(ACTIONS.declineExtension, "Decline", String(deal.id)),
      ],
      BLOCKS.dealExtension(deal.id),
    ),
  ]);
}

export function extensionDecidedNotice(deal: DealRecord, approved: boolean, by: string): Message {
  return notice(
    approved
      ? md`:white_check_mark: Protection of *${dealTitle(deal)}* was extended to ${deal.protectedUntil ? dayOf(deal, deal.protectedUntil) : "—"} by ${mention(by)}.`
      : md`:x: ${mention(by)} declined to extend the protection of *${dealTitle(deal)}*.`,
  );
}
