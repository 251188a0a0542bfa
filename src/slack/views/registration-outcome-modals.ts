import type { ModalView } from "@slack/types";
import type { DealRecord } from "../../services/records";
import { joinMd, link, type Mrkdwn, md, mention, modal, section } from "./block-kit";
import { dealAmount, dealTitle } from "./deal-text";

/** Who registered: a Slack Connect guest gets no DM from the app, so they're told where to look. */
export interface RegistrantFacts {
  external: boolean;
}

/** Where the decision will reach the person who registered. */
function decisionWhere(deal: DealRecord, registrant: RegistrantFacts): Mrkdwn {
  if (!registrant.external) return md`you'll get a DM with the decision.`;
  // A shared channel's thread is the one place both organizations read.
  if (deal.channelId && /^[CG]/.test(deal.channelId)) {
    return md`the decision will be posted in the thread of the deal's card in ${mention(deal.channelId, "#")}.`;
  }
  return md`the decision will be posted on the deal's card; your channel manager can tell you too.`;
}

/** Shown in place of the form once the deal is registered. */
export function registeredModal(
  deal: DealRecord,
  conflict: boolean,
  registrant: RegistrantFacts = { external: false },
): ModalView {
  const lines: Mrkdwn[] = [
    md`:white_check_mark: *Deal ${dealTitle(deal)} is registered* for ${deal.partnerName} — ${dealAmount(deal)}.`,
    md`A channel manager will review it; ${decisionWhere(deal, registrant)}`,
  ];
  if (conflict) {
    lines.push(
      md`:warning: Another partner has already registered this customer, so a manager will decide who gets it.`,
    );
  }
  return modal({
    title: "Deal registered",
    close: "Done",
    blocks: [section(joinMd(lines, "\n"))],
  });
}

/** Same partner, same customer: the existing deal is linked instead of creating a twin. */
export function duplicateModal(existing: DealRecord, permalink: string | null): ModalView {
  const open = permalink ? md` ${link(permalink, "Open it")}.` : "";
  return modal({
    title: "Already registered",
    close: "OK",
    blocks: [
      section(
        md`:information_source: Your company already registered *${existing.customerName}*: deal *#${existing.id}* (${dealAmount(existing)}), so no second deal was created.${open}\nUse \`/deal history ${existing.id}\` to see it.`,
      ),
    ],
  });
}
