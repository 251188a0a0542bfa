import type { KnownBlock } from "@slack/types";
import type { SystemStatus } from "../../services/operations/system-status";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, divider, fields, header, md, section } from "./block-kit";
import { type Message, message } from "./message";

/** "3 min ago", "2 h ago", "5 days ago": how long since an instant, for people scanning a status page. */
export function ago(instant: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - instant.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** Names people know the jobs by; a job not listed here shows its own name. */
const JOB_NAMES: Record<string, string> = {
  "deal-protection": "Deal protection (reminders and expiry, hourly)",
  "approval-reminders": "Approval reminders (waiting registrations, hourly)",
  digests: "Weekly digests (each subscription at its local time, checked every minute)",
  "tier-recalculation": "Partner tiers (trailing 12 months, once a day per workspace, checked hourly)",
};

/** Kinds of outbox messages as people know them. */
const MESSAGE_NAMES: Record<string, string> = {
  "deal.card": "deal message",
  "deal.approval": "approval request",
  "deal.notice": "note to a partner",
  "deal.extension_request": "extension request",
  "deal.approval_reminder": "approval reminder",
  "practice.card": "best practice",
  "shoutout.post": "shout-out",
  "shoutout.dm": "shout-out note",
  "shoutout.update": "shout-out update",
  "milestone.celebration": "celebration",
  "digest.post": "weekly digest",
  "application.card": "partner application",
  "application.card_update": "partner application update",
  "application.applicant": "note to an applicant",
  "onboarding.finished": "onboarding finished",
  "tier.review": "tier review",
  "tier.review_update": "tier review update",
};

/** `/hub status`: what an admin checks when something seems not to arrive. */
export function statusMessage(status: SystemStatus, lastSweepAt: Date | null): Message {
  const { outbox, migrations, at } = status;
  const blocks: KnownBlock[] = [
    header("Partner Hub status"),
    fields([
      ["Version", status.version],
      ["Database", status.dialect === "sqlite" ? "SQLite" : "PostgreSQL"],
      ["Migrations applied", md`${migrations.count}${migrations.latest ? md` · latest ${migrations.latest}` : ""}`],
      [
        "Outbox backlog",
        outbox.pending === 0
          ? "nothing waiting"
          : md`${outbox.pending} waiting${outbox.oldestPendingAt ? md`, oldest ${ago(outbox.oldestPendingAt, at)}` : ""}`,
      ],
      ["Delivered", md`${outbox.sent}`],
      ["Failed", outbox.failed === 0 ? "none" : md`:warning: ${outbox.failed}`],
    ]),
    context(
      lastSweepAt
        ? md`This instance's outbox dispatcher last looked for work ${ago(lastSweepAt, at)}.`
        : "This instance does not deliver the outbox.",
    ),
    divider(),
    section(md`*Scheduled jobs*`),
  ];
  if (status.jobs.length === 0) blocks.push(context("No job has run yet."));
  for (const job of status.jobs) {
    const name = JOB_NAMES[job.name] ?? job.name;
    const result = job.error
      ? md`:x: failed: ${job.error}`
      : job.finishedAt
        ? md`:white_check_mark: ${job.outcome ?? "done"}`
        : md`:hourglass_flowing_sand: running`;
    blocks.push(section(md`*${name}*\nlast ran ${ago(job.startedAt, at)} on ${job.instance} · ${result}`));
  }
  if (outbox.failures.length > 0) {
    blocks.push(divider(), section(md`*Messages Slack refused* (newest first; Retry puts one back in the queue)`));
    for (const failure of outbox.failures) {
      const what = MESSAGE_NAMES[failure.kind] ?? failure.kind;
      blocks.push(
        section(
          md`#${failure.id} · ${what}${failure.channelId ? md` to ${failure.channelId}` : ""} · ${ago(failure.createdAt, at)}\n:x: ${failure.lastError ?? "unknown error"}`,
        ),
        actions(
          [button(ACTIONS.retryOutbox, "Retry", String(failure.id), "primary")],
          BLOCKS.statusFailure(failure.id),
        ),
      );
    }
    if (outbox.failed > outbox.failures.length) {
      blocks.push(context(md`and ${outbox.failed - outbox.failures.length} older failures`));
    }
  }
  const summary =
    outbox.failed > 0
      ? `Partner Hub status: ${outbox.pending} waiting, ${outbox.failed} failed`
      : `Partner Hub status: ${outbox.pending} waiting, nothing failed`;
  return message(summary, blocks);
}
