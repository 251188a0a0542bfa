import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, section, trusted } from "./block-kit";
import { type Message, message } from "./message";

/** Slash commands do not cross Slack Connect, so partner channels get this message with buttons. */
export function launcherMessage(): Message {
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
      ],
      BLOCKS.launcher,
    ),
  ]);
}
