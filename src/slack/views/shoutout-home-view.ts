import type { KnownBlock } from "@slack/types";
import type { ShoutoutRecord } from "../../services/recognition/recognition-store";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, divider, header, joinMd, type Mrkdwn, md, section, trusted } from "./block-kit";
import { userMention } from "./message";
import { recipientList } from "./shoutout-message-view";

export interface HomeShoutouts {
  received: ShoutoutRecord[];
  given: ShoutoutRecord[];
}

const badge = (shoutout: ShoutoutRecord): Mrkdwn => (shoutout.award ? md`:trophy: *${shoutout.award}* ` : md``);

function receivedLine(shoutout: ShoutoutRecord): Mrkdwn {
  return md`${badge(shoutout)}from ${userMention(shoutout.fromUserId)}: ${shoutout.message} · :raised_hands: ${shoutout.plusOneCount}`;
}

function givenLine(shoutout: ShoutoutRecord): Mrkdwn {
  return md`${badge(shoutout)}to ${recipientList(shoutout)}: ${shoutout.message} · :raised_hands: ${shoutout.plusOneCount}`;
}

function listSection(title: string, lines: Mrkdwn[]): KnownBlock[] {
  if (lines.length === 0) return [];
  return [section(md`*${title}*\n${joinMd(lines, "\n")}`)];
}

/** The App Home's recognition part: a Give button, the newest shout-outs received and given. */
export function shoutoutHomeBlocks(shoutouts: HomeShoutouts): KnownBlock[] {
  const lists = [
    ...listSection("Received", shoutouts.received.map(receivedLine)),
    ...listSection("Given", shoutouts.given.map(givenLine)),
  ];
  return [
    divider(),
    header("Shout-outs"),
    actions([button(ACTIONS.giveShoutout, "Give a shout-out")], BLOCKS.homeShoutouts),
    ...(lists.length > 0
      ? lists
      : [context(trusted("No shout-outs yet. Who helped you win lately? Say thanks with the button above."))]),
  ];
}
