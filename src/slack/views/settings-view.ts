import type { MemberRecord, WorkspaceRecord } from "../../services/records";
import { joinMd, md, mention } from "./block-kit";
import { type Message, notice } from "./message";

const onOff = (on: boolean) => (on ? "on" : "off");

/** `changed` is a sentence the listener wrote about the change just made; `member` adds the person's own choices. */
export function settingsMessage(workspace: WorkspaceRecord, changed?: string, member?: MemberRecord): Message {
  const lines = [
    changed ? md`:white_check_mark: ${changed}` : md`*Partner Hub settings*`,
    md`• Approvals channel: ${workspace.approvalsChannel ? mention(workspace.approvalsChannel, "#") : "not set"} — \`/hub approvals #channel\``,
    md`• Time zone: ${workspace.timezone} — \`/hub timezone Europe/Berlin\``,
    md`• Reporting currency: ${workspace.reportingCurrency} — \`/hub currency EUR\``,
    md`• Deal protection: ${workspace.protectionDays} days — \`/hub protection 120\``,
    md`• Company values: ${workspace.companyValues.join(", ") || "none"} — \`/hub values Customer first, Own it\``,
    md`• Shout-out allowance: ${workspace.shoutoutAllowance} recipients a day per person — \`/hub shoutouts allowance 5\``,
    md`• Celebrations: first won deal ${onOff(workspace.celebrateFirstWin)}, record month ${onOff(workspace.celebrateRecordMonth)}, in ${workspace.celebrationsChannel ? mention(workspace.celebrationsChannel, "#") : "the partner's channel"} — \`/hub shoutouts first-win|record-month on|off\`, \`/hub shoutouts channel #wins\``,
    md`Admins change these; every change is recorded in the audit log.`,
  ];
  if (member) {
    lines.push(
      md`*Your own:* shout-outs you receive are ${member.announceShoutouts ? "announced in the channel" : "delivered to you privately"} — \`/hub settings shoutouts public|private\``,
    );
  }
  return notice(joinMd(lines, "\n"));
}
