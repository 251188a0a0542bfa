import type { WorkspaceRecord } from "../../services/records";
import { joinMd, md, mention } from "./block-kit";
import { type Message, notice } from "./message";

/** `changed` is a sentence the listener wrote about the change just made. */
export function settingsMessage(workspace: WorkspaceRecord, changed?: string): Message {
  const lines = [
    changed ? md`:white_check_mark: ${changed}` : md`*Partner Hub settings*`,
    md`• Approvals channel: ${workspace.approvalsChannel ? mention(workspace.approvalsChannel, "#") : "not set"} — \`/hub approvals #channel\``,
    md`• Time zone: ${workspace.timezone} — \`/hub timezone Europe/Berlin\``,
    md`• Reporting currency: ${workspace.reportingCurrency} — \`/hub currency EUR\``,
    md`• Deal protection: ${workspace.protectionDays} days — \`/hub protection 120\``,
    md`Admins change these; every change is recorded in the audit log.`,
  ];
  return notice(joinMd(lines, "\n"));
}
