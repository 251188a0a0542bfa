import type { KnownBlock } from "@slack/types";
import type { ShoutoutRecipientRecord, ShoutoutRecord } from "../../services/recognition/recognition-store";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, joinMd, type Mrkdwn, md, mention, section } from "./block-kit";
import { type Message, message, notice, userMention } from "./message";

export function plusOneLabel(shoutout: ShoutoutRecord): string {
  return `:raised_hands: +1 (${shoutout.plusOneCount})`;
}

/** A person is mentioned (Slack shows a guest's name from their own organization); a partner is named. */
export function recipientName(recipient: ShoutoutRecipientRecord): Mrkdwn {
  if (recipient.userId) return userMention(recipient.userId);
  return md`*${recipient.partnerName ?? "a partner"}*`;
}

export function recipientList(shoutout: ShoutoutRecord): Mrkdwn {
  const names = shoutout.recipients.map(recipientName);
  if (names.length <= 1) return names[0] ?? md``;
  return md`${joinMd(names.slice(0, -1), ", ")} and ${names.at(-1) ?? md``}`;
}

/** The badge line: an award stands apart from a peer's shout-out, and the value it honours. */
function badgeLine(shoutout: ShoutoutRecord): Mrkdwn {
  const parts: Mrkdwn[] = [];
  if (shoutout.award) parts.push(md`:trophy: *Award: ${shoutout.award}*`);
  if (shoutout.value) parts.push(md`:gem: ${shoutout.value}`);
  return joinMd(parts, " · ");
}

function headline(shoutout: ShoutoutRecord): Mrkdwn {
  return shoutout.award
    ? md`:trophy: ${userMention(shoutout.fromUserId)} gave ${recipientList(shoutout)} an award`
    : md`:tada: ${userMention(shoutout.fromUserId)} gave ${recipientList(shoutout)} a shout-out`;
}

function bodyBlocks(shoutout: ShoutoutRecord): KnownBlock[] {
  const badge = badgeLine(shoutout);
  return [
    section(headline(shoutout)),
    // The why is the giver's own text: escaped, so `<!channel>` or `@here` shows and pings no one.
    section(md`> ${shoutout.message}`),
    ...(badge.text === "" ? [] : [context(badge)]),
  ];
}

/** The shout-out as posted in the channel, with the +1 button everybody can click once. */
export function shoutoutPostMessage(shoutout: ShoutoutRecord): Message {
  return message(md`${headline(shoutout)}: ${shoutout.message}`, [
    ...bodyBlocks(shoutout),
    actions(
      [button(ACTIONS.shoutoutPlusOne, plusOneLabel(shoutout), String(shoutout.id))],
      BLOCKS.shoutoutPost(shoutout.id),
    ),
  ]);
}

/** What a recipient reads in their DM: the shout-out, and whether it was announced in a channel. */
export function shoutoutDmMessage(shoutout: ShoutoutRecord, announced: boolean): Message {
  const inChannel = announced && shoutout.channelId !== null && /^[CG]/.test(shoutout.channelId);
  const where = inChannel
    ? md`It was announced in ${mention(shoutout.channelId ?? "", "#")}.`
    : md`It was delivered to you privately; it still counts towards your kudos.`;
  return message(md`${headline(shoutout)}: ${shoutout.message}`, [...bodyBlocks(shoutout), context(where)]);
}

/** The giver's ephemeral confirmation after `/shoutout`. */
export function shoutoutGivenMessage(shoutout: ShoutoutRecord): Message {
  const where = shoutout.announce
    ? md`It will show in this channel in a moment.`
    : md`It goes to them privately: someone asked for their shout-outs not to be announced.`;
  return notice(md`:tada: You recognized ${recipientList(shoutout)}. ${where}`);
}
