import type { HomeView, KnownBlock } from "@slack/types";
import type { HomeDeals } from "../../services/deals/deal-queries";
import type { DealRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, divider, header, md, section, trusted } from "./block-kit";
import { dealLine } from "./deal-list-view";
import { decisionButtons } from "./deal-message-view";
import { statusLine } from "./deal-text";
import { type HomePractices, practiceHomeBlocks } from "./practice-home-view";
import { type HomeShoutouts, shoutoutHomeBlocks } from "./shoutout-home-view";

function dealSection(deal: DealRecord, today: string, withPartner: boolean): KnownBlock {
  return section(md`${dealLine(deal, today, withPartner)}\n${statusLine(deal)}`);
}

function moreNote(shown: number, total: number): KnownBlock[] {
  if (total <= shown) return [];
  return [context(md`The ${shown} newest of ${total}: \`/deal list\` shows them all.`)];
}

function dealSections(deals: DealRecord[], today: string, withPartner: boolean): KnownBlock[] {
  return deals.map((deal) => dealSection(deal, today, withPartner));
}

/** Managers decide right from their Home: the same buttons as the approval message. */
function decisionSections(deals: DealRecord[], today: string): KnownBlock[] {
  return deals.flatMap((deal) => [dealSection(deal, today, true), decisionButtons(deal)]);
}

/** The App Home tab: a Register button, the person's open deals, what awaits managers, best practices and shout-outs. */
export function homeView(
  input: HomeDeals & {
    isManager: boolean;
    hasPartner: boolean;
    today: string;
    /** Absent: nobody has shared one yet. */
    practices?: HomePractices;
    /** Absent: the person has given and received none. */
    shoutouts?: HomeShoutouts;
  },
): HomeView {
  const blocks: KnownBlock[] = [
    header("Partner Hub"),
    actions([button(ACTIONS.registerDeal, "Register a deal", undefined, "primary")], BLOCKS.homeActions),
  ];
  if (input.hasPartner) {
    blocks.push(divider(), header(`My deals (${input.mineTotal})`));
    blocks.push(
      ...(input.mine.length > 0
        ? [...dealSections(input.mine, input.today, false), ...moreNote(input.mine.length, input.mineTotal)]
        : [section(trusted("No open deals yet. Register one with the button above or `/deal`."))]),
    );
  } else if (!input.isManager) {
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
            ...decisionSections(input.awaitingDecision, input.today),
            ...moreNote(input.awaitingDecision.length, input.awaitingTotal),
          ]
        : [section(trusted("Nothing waits for you. :tada:"))]),
    );
  }
  blocks.push(...practiceHomeBlocks(input.practices ?? { newest: [], mostHelpful: [] }));
  blocks.push(...shoutoutHomeBlocks(input.shoutouts ?? { received: [], given: [] }));
  blocks.push(context(trusted("Type `/hub help` for every command.")));
  return { type: "home", blocks };
}
