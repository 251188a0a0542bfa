import type { Button, KnownBlock } from "@slack/types";
import type { PracticeRecord } from "../../services/practices/practice-store";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, header, joinMd, link, type Mrkdwn, md, section, text } from "./block-kit";
import { type Message, message, userMention } from "./message";

export function helpfulLabel(practice: PracticeRecord): string {
  return `:thumbsup: Helpful (${practice.helpfulCount})`;
}

/** `#pricing #emea`: tags are slugs, still escaped as user text. */
export function tagLine(practice: PracticeRecord): Mrkdwn {
  return joinMd(
    practice.tags.map((tag) => `#${tag}`),
    " ",
  );
}

/** Who shared it, whom it credits, where it came from, region, tags and link: one context line. */
export function practiceMeta(practice: PracticeRecord): Mrkdwn {
  const parts: Mrkdwn[] = [md`Shared by ${userMention(practice.authorId)}`];
  if (practice.creditedUserId && practice.creditedUserId !== practice.authorId) {
    const source = practice.sourcePermalink ? md` (${link(practice.sourcePermalink, "original message")})` : md``;
    parts.push(md`credit: ${userMention(practice.creditedUserId)}${source}`);
  } else if (practice.sourcePermalink) {
    parts.push(link(practice.sourcePermalink, "original message"));
  }
  if (practice.region) parts.push(md`:earth_africa: ${practice.region}`);
  if (practice.tags.length > 0) parts.push(tagLine(practice));
  if (practice.link) parts.push(link(practice.link, practice.link));
  return joinMd(parts, " · ");
}

/** Delete goes through Slack's own confirmation dialog before the app hears of it. */
function deleteButton(practice: PracticeRecord): Button {
  return {
    ...button(ACTIONS.practiceDelete, "Delete", String(practice.id), "danger"),
    confirm: {
      title: text("Delete this practice?", 100),
      text: text("It leaves search, lists and the App Home, and its card says it was deleted.", 300),
      confirm: text("Delete", 30),
      deny: text("Keep it", 30),
      style: "danger",
    },
  };
}

/**
 * The practice as posted in a channel: one message for everybody, so Edit and Delete are shown to
 * all and the service refuses anyone who is neither the author nor a manager.
 */
export function practiceCardMessage(practice: PracticeRecord): Message {
  if (practice.deletedAt) {
    return message(md`This practice was deleted.`, [context(md`:wastebasket: This practice was deleted.`)]);
  }
  const blocks: KnownBlock[] = [
    header(practice.title),
    section(practice.body),
    context(practiceMeta(practice)),
    actions(
      [
        button(ACTIONS.practiceHelpful, helpfulLabel(practice), String(practice.id)),
        button(ACTIONS.practiceEdit, "Edit", String(practice.id)),
        deleteButton(practice),
      ],
      BLOCKS.practiceCard(practice.id),
    ),
  ];
  return message(md`Best practice: ${practice.title}`, blocks);
}
