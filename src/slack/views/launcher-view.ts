import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, section, trusted } from "./block-kit";
import { type Message, message } from "./message";

/** Slash commands do not cross Slack Connect, so partner channels get this message with buttons. */
export function launcherMessage(): Message {
  return message(trusted("Partner Hub: register deals here"), [
    section(
      trusted(
        ":handshake: *Partner Hub* — register your deals here and we'll protect them for you once approved. Share what worked for you as a best practice, and give a shout-out to someone who helped.",
      ),
    ),
    actions(
      [
        button(ACTIONS.registerDeal, "Register a deal", undefined, "primary"),
        button(ACTIONS.sharePractice, "Share a practice"),
        button(ACTIONS.giveShoutout, "Give a shout-out"),
      ],
      BLOCKS.launcher,
    ),
  ]);
}
