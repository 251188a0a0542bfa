import type { KnownBlock } from "@slack/types";
import type { CsvExport, DealExport } from "../../services/exports";
import { context, type Mrkdwn, md, section, trusted } from "./block-kit";
import { type Message, message, notice } from "./message";

export const DEAL_EXPORT_USAGE =
  "Usage: `/deal export [open|won|lost|all] [partner <name>] [since:YYYY-MM-DD]` (managers and admins)";
export const PARTNER_EXPORT_USAGE = "Usage: `/partner export` (managers and admins)";

const count = (value: number) => value.toLocaleString("en-US");

/** "won deals of Acme Resellers registered since 2026-01-01": what the file holds, in words. */
export function dealSelection(result: Pick<DealExport, "filter" | "partner" | "since">): Mrkdwn {
  const which = result.filter === "all" ? md`deals` : md`${result.filter} deals`;
  const whose = result.partner ? md` of ${result.partner.name}` : md``;
  const since = result.since ? md` registered since ${result.since}` : md``;
  return md`${which}${whose}${since}`;
}

/** The comment above the file in the requester's DM: what it holds, and what was left out. */
export function exportComment(what: Mrkdwn, result: CsvExport): string {
  const capped = result.capped ? md` (the first ${count(result.rows)} of ${count(result.total)})` : md``;
  return md`:page_facing_up: Export of ${what}: ${count(result.rows)} ${result.rows === 1 ? "row" : "rows"}${capped}.`
    .text;
}

/** The ephemeral answer once the file is in the DM: its name and size, and what was left out. */
export function exportSentMessage(result: CsvExport, kind: "deals" | "partners"): Message {
  const rows = `${count(result.rows)} ${result.rows === 1 ? "row" : "rows"}`;
  const line = md`:page_facing_up: Sent to your DM: ${result.filename} (${rows})`;
  const blocks: KnownBlock[] = [section(line)];
  if (result.capped) {
    blocks.push(
      context(
        md`Only the first ${count(result.rows)} of ${count(result.total)} ${kind} fit in one file. ${
          kind === "deals" ? trusted("Narrow it with `since:YYYY-MM-DD` or `partner <name>`.") : md``
        }`,
      ),
    );
  }
  return message(md`Sent to your DM: ${result.filename} (${rows})`, blocks);
}

/** Nothing matched: no empty file is sent. */
export function exportEmptyMessage(selection: Mrkdwn): Message {
  return notice(md`No ${selection} to export: nothing was sent.`);
}

/** The upload failed: nothing reached the DM, and the person can try again. */
export function exportFailedMessage(slackError: string | null): Message {
  const why = slackError ? md` (Slack said ${slackError})` : md``;
  return notice(
    md`:warning: I couldn't send the file to your DM${why}. Nothing was sent; please try again, and if it keeps failing tell your Partner Hub admin.`,
  );
}
