import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import { blocksNewRegistrations } from "../../domain/deals/conflicts";
import type { Decision } from "../../domain/deals/registration";
import { nextStage, STAGE_LABELS } from "../../domain/deals/stages";
import { isoDate } from "../../domain/shared/calendar";
import type { InfoExchange } from "../../services/deals/deal-queries";
import type { DealRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, fields, type Mrkdwn, md, mention, section, truncate, trusted } from "./block-kit";
import { dayOf, dealAmount, dealTitle, isClosed, STATUS_EMOJI, stageLabel, statusLine, when } from "./deal-text";
import { type Message, message } from "./message";
import { withDateFallbacks } from "./slack-date";

/** How much of the notes the approval message shows: the manager reads them there. */
const NOTES_SHOWN = 2900;
/** The approval card shows the latest questions; older ones are in `/deal history`. */
const EXCHANGES_SHOWN = 4;
const QUESTION_SHOWN = 500;
const ANSWER_SHOWN = 1000;

/**
 * A message whose notification text is `text` with every date token replaced by its fallback:
 * notifications and clients without token support then read a plain date.
 */
export function datedMessage(text: Mrkdwn, blocks: KnownBlock[]): Message {
  return message(trusted(withDateFallbacks(text.text)), blocks);
}

/** One section saying `text`, which is also the (token-free) notification text. */
export function datedNotice(text: Mrkdwn, extra: KnownBlock[] = []): Message {
  return datedMessage(text, [section(text), ...extra]);
}

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

const editButton = (deal: DealRecord): Button => button(ACTIONS.editDeal, "Edit", String(deal.id));
export const resubmitButton = (deal: DealRecord): Button =>
  button(ACTIONS.resubmitDeal, "Correct and resubmit", String(deal.id), "primary");

/** The deal's own message: where the partner moves it forward. */
export function dealCardMessage(deal: DealRecord): Message {
  const blocks: KnownBlock[] = [
    section(md`:handshake: *Deal ${dealTitle(deal)}*`),
    facts(deal),
    context(md`${STATUS_EMOJI[deal.status]} ${statusLine(deal)}`),
  ];
  const value = String(deal.id);
  if (deal.stage === "won") {
    blocks.push(context(md`:trophy: Won${deal.closedAt ? md` on ${dayOf(deal, deal.closedAt)}` : ""}`));
    blocks.push(actions([editButton(deal)], BLOCKS.dealCard(deal.id)));
  } else if (deal.stage === "lost") {
    blocks.push(context(md`:x: Lost: ${deal.lostReason ?? "no reason given"}`));
    blocks.push(actions([editButton(deal)], BLOCKS.dealCard(deal.id)));
  } else if (deal.status === "rejected") {
    blocks.push(actions([resubmitButton(deal)], BLOCKS.dealCard(deal.id)));
  } else if (deal.status === "expired") {
    blocks.push(actions([editButton(deal)], BLOCKS.dealCard(deal.id)));
  } else {
    const next = nextStage(deal.stage);
    const buttons: Button[] = [];
    if (next) buttons.push(button(ACTIONS.advanceStage, `Move to ${STAGE_LABELS[next]}`, `${deal.id}:${next}`));
    buttons.push(button(ACTIONS.markWon, "Mark won", value, "primary"), button(ACTIONS.markLost, "Mark lost", value));
    // Offered once the expiry reminder went out: earlier, an extension request has no point.
    if (deal.status === "approved" && deal.reminderSentAt && !deal.extensionRequestedAt) {
      buttons.push(button(ACTIONS.requestExtension, "Request extension", value));
    }
    buttons.push(editButton(deal));
    blocks.push(actions(buttons, BLOCKS.dealCard(deal.id)));
  }
  return datedMessage(md`Deal #${deal.id} · ${deal.customerName} · ${dealAmount(deal)} · ${statusLine(deal)}`, blocks);
}

/** What the approval card shows beside the deal: the other registrations of the customer, the Q&A. */
export interface ApprovalContext {
  rivals: DealRecord[];
  exchanges: InfoExchange[];
  /** Whether a rival still holds or claims the customer is decided against this instant. */
  now: Date;
}

/** No rivals, no questions: how a registration nobody else claims is shown. */
const NOTHING_BESIDE: ApprovalContext = { rivals: [], exchanges: [], now: new Date(0) };

/** Rivals that still hold or claim the customer: approving then means resolving the conflict. */
export function liveRivals(rivals: readonly DealRecord[], now: Date): DealRecord[] {
  return rivals.filter((rival) => blocksNewRegistrations(rival, now));
}

/** "#7 by *Sakura* (Approved · protected until …, EUR 5,000.00)": who else registered the customer. */
export function rivalLine(rival: DealRecord): Mrkdwn {
  return md`#${rival.id} by *${rival.partnerName}* (${statusLine(rival)}, ${stageLabel(rival)}, ${dealAmount(rival)})`;
}

/** The conflict note: stays on the card whatever happens next (questions, answers, decisions). */
export function conflictNote(deal: DealRecord, rivals: readonly DealRecord[]): Mrkdwn | null {
  if (rivals.length === 0) {
    if (deal.status !== "conflict" && deal.conflictDealId === null) return null;
    return md`:warning: *Conflict:* the same customer is registered in deal #${deal.conflictDealId ?? "?"}.`;
  }
  const lines = rivals.map((rival) => md`• ${rivalLine(rival)}`);
  const text = lines.map((line) => line.text).join("\n");
  const who = rivals.length === 1 ? "another partner" : "other partners";
  return md`:warning: *Conflict:* the same customer is registered by ${who}:\n${trusted(text)}`;
}

function exchangeBlocks(exchanges: readonly InfoExchange[], timeZone: string): KnownBlock[] {
  if (exchanges.length === 0) return [];
  const shown = exchanges.slice(-EXCHANGES_SHOWN);
  const blocks: KnownBlock[] = shown.map((exchange) => {
    const asked = md`:speech_balloon: *Question* from ${mention(exchange.askedBy)} on ${when(exchange.askedAt, timeZone)}:\n“${truncate(exchange.question, QUESTION_SHOWN)}”`;
    const answer =
      exchange.answer === null
        ? md`_Waiting for the partner's answer._`
        : md`*Answer*${exchange.answeredBy ? md` from ${mention(exchange.answeredBy)}` : ""}:\n“${truncate(exchange.answer, ANSWER_SHOWN)}”`;
    return section(md`${asked}\n${answer}`);
  });
  if (exchanges.length > shown.length) {
    blocks.unshift(context(md`${exchanges.length - shown.length} earlier questions: see \`/deal history\`.`));
  }
  return blocks;
}

/**
 * Approve / Reject / Ask for info on a registration waiting for a decision. While another partner
 * holds or claims the customer, Approve becomes Resolve conflict (the side-by-side choice).
 */
export function decisionButtons(deal: DealRecord, conflicted: boolean = deal.status === "conflict"): ActionsBlock {
  const value = String(deal.id);
  return actions(
    [
      conflicted
        ? button(ACTIONS.resolveConflict, "Resolve conflict", value, "primary")
        : button(ACTIONS.approveDeal, "Approve", value, "primary"),
      button(ACTIONS.rejectDeal, "Reject", value, "danger"),
      ...(deal.status === "info_requested" ? [] : [button(ACTIONS.askInfo, "Ask for info", value)]),
    ],
    BLOCKS.dealApproval(deal.id),
  );
}

/** The request in the approvals channel, with the decision buttons until someone decides. */
export function approvalMessage(deal: DealRecord, approval: ApprovalContext = NOTHING_BESIDE): Message {
  const open = deal.status === "pending" || deal.status === "conflict" || deal.status === "info_requested";
  const blocks: KnownBlock[] = [section(md`:inbox_tray: *Deal registration ${dealTitle(deal)}*`), facts(deal)];
  if (deal.notes) blocks.push(section(md`*Notes*\n${truncate(deal.notes, NOTES_SHOWN)}`));
  const note = conflictNote(deal, approval.rivals);
  if (note) blocks.push(section(note));
  blocks.push(...exchangeBlocks(approval.exchanges, deal.timezone));
  if (open) {
    if (deal.status === "info_requested") {
      blocks.push(context(md`${STATUS_EMOJI.info_requested} ${statusLine(deal)}`));
    }
    blocks.push(decisionButtons(deal, liveRivals(approval.rivals, approval.now).length > 0));
  } else {
    const by = deal.decidedBy ? md` by ${mention(deal.decidedBy)}` : "";
    const at = deal.decidedAt ? md` on ${when(deal.decidedAt, deal.timezone)}` : "";
    blocks.push(context(md`${STATUS_EMOJI[deal.status]} ${statusLine(deal)}${by}${at}`));
  }
  return datedMessage(
    md`Deal registration #${deal.id} from ${deal.partnerName}: ${deal.customerName}, ${dealAmount(deal)}`,
    blocks,
  );
}

const DECISION_TEXT: Record<Decision, (deal: DealRecord) => Mrkdwn> = {
  approve: (deal) =>
    md`:white_check_mark: Your registration *${dealTitle(deal)}* was approved${deal.protectedUntil && !isClosed(deal) ? md`: the customer is protected for you until ${dayOf(deal, deal.protectedUntil)}` : ""}.`,
  reject: (deal) => md`:x: Your registration *${dealTitle(deal)}* was rejected: ${deal.decisionNote ?? ""}`,
  request_info: (deal) =>
    md`:speech_balloon: A manager needs more information about *${dealTitle(deal)}*: “${deal.decisionNote ?? ""}” Answer with the button below.`,
};

/** The partner's DM and the card's thread: a rejection can be corrected, a question answered, from here. */
export function decisionNotice(deal: DealRecord, decision: Decision, by: string): Message {
  const text = md`${DECISION_TEXT[decision](deal)} (${mention(by)})`;
  const buttons: Button[] = [];
  if (decision === "request_info" && deal.status === "info_requested") {
    buttons.push(button(ACTIONS.answerInfo, "Answer", String(deal.id), "primary"));
  }
  if (decision === "reject" && deal.status === "rejected") buttons.push(resubmitButton(deal));
  return datedNotice(text, buttons.length > 0 ? [actions(buttons, BLOCKS.dealNotice(deal.id))] : []);
}

export function stageNotice(deal: DealRecord, by: string): Message {
  const who = mention(by);
  return datedNotice(
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
  return datedMessage(text, [
    section(text),
    actions([button(ACTIONS.requestExtension, "Request extension", String(deal.id), "primary")]),
  ]);
}

export function expiredNotice(deal: DealRecord): Message {
  return datedNotice(
    md`:hourglass: Protection of *${dealTitle(deal)}* has expired; other partners may now register this customer.`,
  );
}

export function extensionRequestMessage(deal: DealRecord, by: string): Message {
  const until = deal.protectedUntil ? dayOf(deal, deal.protectedUntil) : "—";
  const text = md`:hourglass_flowing_sand: ${mention(by)} asks to extend the protection of *${dealTitle(deal)}* (${deal.partnerName}, ${dealAmount(deal)}), which ends on ${until}.`;
  return datedMessage(text, [
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
  return datedNotice(
    approved
      ? md`:white_check_mark: Protection of *${dealTitle(deal)}* was extended to ${deal.protectedUntil ? dayOf(deal, deal.protectedUntil) : "—"} by ${mention(by)}.`
      : md`:x: ${mention(by)} declined to extend the protection of *${dealTitle(deal)}*.`,
  );
}
