import type { WorkspaceRecord } from "../../services/records";
import { type Message, plain } from "./message";

export function settingsMessage(workspace: WorkspaceRecord, changed?: string): Message {
  const lines = [
    changed ? `:white_check_mark: ${changed}` : "*Partner Hub settings*",
    `• Approvals channel: ${workspace.approvalsChannel ? `<#${workspace.approvalsChannel}>` : "not set"} — \`/hub approvals #channel\``,
    `• Time zone: ${workspace.timezone} — \`/hub timezone Europe/Berlin\``,
    `• Reporting currency: ${workspace.reportingCurrency} — \`/hub currency EUR\``,
    `• Deal protection: ${workspace.protectionDays} days — \`/hub protection 120\``,
    "Admins change these; every change is recorded in the audit log.",
  ];
  return plain(lines.join("\n"));
}
