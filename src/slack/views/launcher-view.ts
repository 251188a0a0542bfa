import { ACTIONS, BLOCKS } from "../ids";
import type { Message } from "./message";

/** Slash commands do not cross Slack Connect, so partner channels get this message with buttons. */
export function launcherMessage(): Message {
  return {
    text: "Partner Hub: register deals here",
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: ":handshake: *Partner Hub* — register your deals here and we'll protect them for you once approved.",
        },
      },
      {
        type: "actions",
        block_id: BLOCKS.launcher,
        elements: [
          {
            type: "button",
            action_id: ACTIONS.registerDeal,
            style: "primary",
            text: { type: "plain_text", text: "Register a deal", emoji: true },
          },
        ],
      },
    ],
  };
}
