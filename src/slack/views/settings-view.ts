import type { MemberRecord, WorkspaceRecord } from "../../services/records";
import { joinMd, type Mrkdwn, md } from "./block-kit";
import { type Message, notice } from "./message";

const onOff = (on: boolean) => (on ? "on" : "off");

/** Channel id → name (without "#"), as Slack told it; null or absent: Slack did not say. */
export type ChannelNames = ReadonlyMap<string, string | null>;

/**
 * A channel by name, as text: a mention of a channel the reader can't see (a guest, a private
 * channel) shows its raw id in Slack, so the settings never rely on one.
 */
function channelName(channelId: string, names: ChannelNames): Mrkdwn {
  const name = names.get(channelId);
  return name ? md`#${name}` : md`a channel I can't see (invite me to it)`;
}

function reminderLine(days: number): string {
  if (days <= 0) return "off";
  return `after ${days} working ${days === 1 ? "day" : "days"} waiting`;
}

function amountsLine(amounts: WorkspaceRecord["leaderboardAmounts"]): string {
  return amounts === "all"
    ? "partner members see every partner's amounts"
    : "partner members see their own amounts and only the others' ranks";
}

/**
 * `changed` is a sentence the listener wrote about the change just made; `member` adds the
 * person's own choices; `names` are the names of the channels mentioned (identity/channel-info).
 */
export function settingsMessage(
  workspace: WorkspaceRecord,
  changed?: string,
  member?: MemberRecord,
  names: ChannelNames = new Map(),
): Message {
  const approvals = workspace.approvalsChannel ? channelName(workspace.approvalsChannel, names) : md`not set`;
  const celebrations = workspace.celebrationsChannel
    ? channelName(workspace.celebrationsChannel, names)
    : md`the partner's channel`;
  const lines = [
    changed ? md`:white_check_mark: ${changed}` : md`*Partner Hub settings*`,
    md`• Approvals channel: ${approvals} — \`/hub approvals #channel\``,
    md`• Approval reminder: ${reminderLine(workspace.approvalReminderDays)} — \`/hub settings approval-reminder 3|off\``,
    md`• Time zone: ${workspace.timezone} — \`/hub timezone Europe/Berlin\``,
    md`• Reporting currency: ${workspace.reportingCurrency} — \`/hub currency EUR\``,
    md`• Deal protection: ${workspace.protectionDays} days — \`/hub protection 120\``,
    md`• Leaderboard amounts: ${amountsLine(workspace.leaderboardAmounts)} — \`/hub settings leaderboard-amounts own|all\``,
    md`• Company values: ${workspace.companyValues.join(", ") || "none"} — \`/hub values Customer first, Own it\``,
    md`• Shout-out allowance: ${workspace.shoutoutAllowance} recipients a day per person — \`/hub shoutouts allowance 5\``,
    md`• Celebrations: first won deal ${onOff(workspace.celebrateFirstWin)}, record month ${onOff(workspace.celebrateRecordMonth)}, in ${celebrations} — \`/hub shoutouts first-win|record-month on|off\`, \`/hub shoutouts channel #wins\``,
    md`Admins change these; every change is recorded in the audit log.`,
  ];
  if (member) {
    lines.push(
      md`*Your own:* shout-outs you receive are ${member.announceShoutouts ? "announced in the channel" : "delivered to you privately"} — \`/hub settings shoutouts public|private\``,
    );
  }
  return notice(joinMd(lines, "\n"));
}
