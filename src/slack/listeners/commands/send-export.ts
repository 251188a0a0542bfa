import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../services/access-service";
import type { CsvExport, PeopleNames } from "../../../services/exports";
import type { SlackDeps } from "../../deps";
import { namesOf } from "../../identity/people-names";
import type { Mrkdwn } from "../../views/block-kit";
import { exportComment, exportFailedMessage, exportSentMessage } from "../../views/export-view";
import type { Message } from "../../views/message";

/** users.info calls one export may make: Slack allows about 100 a minute, and ids are a fine fallback. */
const NAME_LOOKUPS = 100;
const LOOKUPS_AT_ONCE = 10;

/** Names for the "registered by" column, within a budget of Slack calls; the rest stay Slack ids. */
export function boundedPeopleNames(client: WebClient): PeopleNames {
  let left = NAME_LOOKUPS;
  return async (userIds) => {
    const asked = userIds.slice(0, Math.max(0, left));
    left -= asked.length;
    const found = new Map<string, string>();
    for (let start = 0; start < asked.length; start += LOOKUPS_AT_ONCE) {
      const batch = await namesOf(client, asked.slice(start, start + LOOKUPS_AT_ONCE));
      for (const [id, name] of batch) found.set(id, name);
    }
    return found;
  };
}

function slackErrorCode(error: unknown): string | null {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === "string" ? code : null;
}

/**
 * Puts the file in the requester's own DM with the app (files.uploadV2 with the DM's channel, so
 * Slack shares it there with the comment) and answers with its name and size. A file is data
 * about every partner: it never goes to the channel the command was typed in.
 */
export async function sendExport(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  result: CsvExport,
  what: Mrkdwn,
  kind: "deals" | "partners",
): Promise<Message> {
  try {
    const opened = await client.conversations.open({ users: actor.userId });
    const channel = opened.channel?.id;
    if (!channel) return exportFailedMessage(null);
    await client.files.uploadV2({
      channel_id: channel,
      file: Buffer.from(result.csv, "utf8"),
      filename: result.filename,
      title: result.filename,
      initial_comment: exportComment(what, result),
    });
  } catch (error) {
    deps.logger.warn(
      { err: error instanceof Error ? error.message : String(error), file: result.filename },
      "export not sent",
    );
    return exportFailedMessage(slackErrorCode(error));
  }
  return exportSentMessage(result, kind);
}
