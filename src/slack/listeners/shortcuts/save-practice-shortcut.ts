import type { App, MessageShortcut } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { SlackDeps } from "../../deps";
import { SHORTCUTS } from "../../ids";
import { unescapeSlack } from "../../parse/command-text";
import { truncate } from "../../views/block-kit";
import { answerInteraction, identifyInteraction } from "../interaction";
import { openShareModal } from "../open-practice-modal";

/** The message's first line makes the title, cut to this; the person can rewrite it in the form. */
const TITLE_FROM_FIRST_LINE = 80;

async function permalinkOf(client: WebClient, channel: string, ts: string): Promise<string | null> {
  try {
    return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink ?? null;
  } catch {
    // Without a link the practice is still worth saving; the credit stays.
    return null;
  }
}

/**
 * "Save as best practice" on any message: the share modal, prefilled with the message's text,
 * linking back to it and crediting whoever wrote it. Message text arrives with Slack's entities
 * (&amp; &lt; &gt;); the form shows it as typed.
 */
export function registerSavePracticeShortcut(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUTS.savePractice, async ({ ack, body, client, context }) => {
    await ack();
    await answerInteraction(deps, SHORTCUTS.savePractice, { client, userId: body.user.id }, async () => {
      const [actor, sourcePermalink] = await Promise.all([
        identifyInteraction(deps, body, context.teamId),
        permalinkOf(client, body.channel.id, body.message_ts),
      ]);
      const text = unescapeSlack(body.message.text ?? "").trim();
      const firstLine = text.split("\n", 1)[0]?.trim() ?? "";
      const metadata = {
        channelId: body.channel.id,
        creditedUserId: body.message.user ?? null,
        sourcePermalink,
        fromHome: false,
      };
      await openShareModal(deps, client, actor, body.trigger_id, metadata, {
        title: truncate(firstLine, TITLE_FROM_FIRST_LINE),
        body: text,
      });
    });
  });
}
