import { MILESTONE_KINDS } from "../../domain/recognition/milestones";
import { monthLabel } from "../../domain/shared/calendar";
import { type Mrkdwn, md } from "./block-kit";
import { type Message, notice } from "./message";
import { tierName } from "./tier-views";

/** A partner's milestone (a tier promotion's key is `${tier}:${localDay}`), celebrated by the app in the partner's (or the program's) channel. */
export function milestoneMessage(partnerName: string, kind: string, key: string): Message {
  const sentence: Mrkdwn =
    kind === MILESTONE_KINDS.firstWin
      ? md`:confetti_ball: *${partnerName}* just won their first deal with us. Congratulations, and welcome to the winners' circle!`
      : kind === MILESTONE_KINDS.recordMonth
        ? md`:rocket: *${partnerName}* is having a record month: more deals won in ${monthLabel(key)} than in any month before.`
        : kind === MILESTONE_KINDS.tierPromotion
          ? md`*${partnerName}* moved up to *${tierName(key.split(":")[0] ?? "")}* :tada:`
          : md`:tada: *${partnerName}* reached a milestone.`;
  return notice(sentence);
}
