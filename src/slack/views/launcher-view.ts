import type { Button } from "@slack/types";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, section, trusted } from "./block-kit";
import { type Message, message } from "./message";

/**
 * Slash commands do not cross Slack Connect, so partner channels get this message with buttons.
 * In a channel tied to a partner its people find their partnership; in one tied to none (a
 * prospect's shared channel, an internal one), whoever is in no partner yet can apply.
 */
export function launcherMessage(where: { tiedToPartner: boolean } = { tiedToPartner: true }): Message {
  const program: Button[] = where.tiedToPartner
    ? [button(ACTIONS.partnerCardShow, "Our partnership", ""), button(ACTIONS.resourcesShow, "Resources")]
    : [button(ACTIONS.applyOpen, "Apply to become a partner"), button(ACTIONS.resourcesShow, "Resources")];
  return message(trusted("Partner Hub: register deals here"), [
    section(
      trusted(
        ":handshake: *Partner Hub* — register your deals here and we'll protect them for you once approved. Share what worked for you as a best practice, give a shout-out to someone who helped, and see where your company ranks and how far it is from its goals.",
      ),
    ),
    actions(
      [
        button(ACTIONS.registerDeal, "Register a deal", undefined, "primary"),
        button(ACTIONS.sharePractice, "Share a practice"),
        button(ACTIONS.giveShoutout, "Give a shout-out"),
        button(ACTIONS.showLeaderboard, "Leaderboard"),
        button(ACTIONS.showGoals, "Our goals"),
        button(ACTIONS.showRules, "Program rules"),
        ...program,
      ],
      BLOCKS.launcher,
    ),
  ]);
}
