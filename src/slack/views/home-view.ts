import type { HomeView, KnownBlock } from "@slack/types";
import type { HomeDeals } from "../../services/deal-service";
import type { DealRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { dealLine } from "./deal-list-view";
import { decisionButtons } from "./deal-message-view";
import { statusLine } from "./deal-text";

function dealSection(deal: DealRecord, today: string, withPartner: boolean): KnownBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: `${dealLine(deal, today, withPartner)}\n${statusLine(deal)}` },
  };
}

function moreNote(shown: number, total: number, where: string): KnownBlock[] {
  if (total <= shown) return [];
  return [
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: `The ${shown} newest of ${total}: ${where} shows them all.` }],
    },
  ];
}

function dealSections(deals: DealRecord[], today: string, withPartner: boolean): KnownBlock[] {
  return deals.map((deal) => dealSection(deal, today, withPartner));
}

/** Managers decide right from their Home: the same buttons as the approval message. */
function decisionSections(deals: DealRecord[], today: string): KnownBlock[] {
  return deals.flatMap((deal) => [dealSection(deal, today, true), decisionButtons(deal)]);
}

/** The App Home tab: a Register button, the person's open deals, and what awaits managers. */
export function homeView(
  input: HomeDeals & {
    isManager: boolean;
    hasPartner: boolean;
    today: string;
  },
): HomeView {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "Partner Hub" } },
    {
      type: "actions",
      block_id: BLOCKS.homeActions,
      elements: [
        {
          type: "button",
          action_id: ACTIONS.registerDeal,
          style: "primary",
          text: { type: "plain_text", text: "Register a deal", emoji: true },
        },
      ],
    },
  ];
  if (input.hasPartner) {
    blocks.push(
      { type: "divider" },
      { type: "header", text: { type: "plain_text", text: `My deals (${input.mineTotal})` } },
    );
    blocks.push(
      ...(input.mine.length > 0
        ? [
            ...dealSections(input.mine, input.today, false),
            ...moreNote(input.mine.length, input.mineTotal, "`/deal list`"),
          ]
        : [
            {
              type: "section",
              text: { type: "mrkdwn", text: "No open deals yet. Register one with the button above or `/deal`." },
            } as KnownBlock,
          ]),
    );
  } else if (!input.isManager) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: "You're not in a partner company yet: ask a channel manager to add you with `/partner assign`.",
      },
    });
  }
  if (input.isManager) {
    blocks.push(
      { type: "divider" },
      {
        type: "header",
        text: { type: "plain_text", text: `Waiting for a decision (${input.awaitingTotal})` },
      },
      ...(input.awaitingDecision.length > 0
        ? [
            ...decisionSections(input.awaitingDecision, input.today),
            ...moreNote(input.awaitingDecision.length, input.awaitingTotal, "`/deal list`"),
          ]
        : [{ type: "section", text: { type: "mrkdwn", text: "Nothing waits for you. :tada:" } } as KnownBlock]),
    );
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "Type `/hub help` for every command." }] });
  return { type: "home", blocks };
}
