import type { ProgramSettingsPatch } from "../../domain/partners/program-settings";
import { requireAdmin } from "../../domain/partners/roles";
import { parseAllowance } from "../../domain/recognition/allowance";
import { parseCompanyValues } from "../../domain/recognition/company-values";
import type { Actor } from "../access-service";
import type { MemberRecord, WorkspaceRecord } from "../records";
import { requireProgramChannel } from "../settings-service";
import type { RecognitionContext } from "./recognition-context";

export interface CelebrationSettings {
  firstWin?: boolean;
  recordMonth?: boolean;
  /** Where milestones go when the partner has no channel; null: the approvals channel. */
  channel?: string | null;
}

/** The person's own choice: shout-outs they receive are announced, or delivered privately. */
export async function setAnnounce(context: RecognitionContext, actor: Actor, on: boolean): Promise<MemberRecord> {
  return context.store.members.setAnnounceShoutouts(actor.member.id, on);
}

export async function setCompanyValues(
  context: RecognitionContext,
  actor: Actor,
  values: string[],
): Promise<WorkspaceRecord> {
  requireAdmin(actor.role, "change_settings");
  return updateRecognition(context, actor, { companyValues: parseCompanyValues(values) });
}

export async function setAllowance(context: RecognitionContext, actor: Actor, n: number): Promise<WorkspaceRecord> {
  requireAdmin(actor.role, "change_settings");
  return updateRecognition(context, actor, { shoutoutAllowance: parseAllowance(n) });
}

/** `channel.shared`: the new celebrations channel is shared with another organization, as Slack says. */
export async function setCelebrations(
  context: RecognitionContext,
  actor: Actor,
  settings: CelebrationSettings,
  channel: { shared: boolean } = { shared: false },
): Promise<WorkspaceRecord> {
  requireAdmin(actor.role, "change_settings");
  if (typeof settings.channel === "string") {
    // Every partner's milestones are celebrated there: the same rule as the approvals channel.
    await requireProgramChannel(context.store, actor.workspace.id, settings.channel, channel);
  }
  return updateRecognition(context, actor, {
    ...(settings.firstWin !== undefined && { celebrateFirstWin: settings.firstWin }),
    ...(settings.recordMonth !== undefined && { celebrateRecordMonth: settings.recordMonth }),
    ...(settings.channel !== undefined && { celebrationsChannel: settings.channel }),
  });
}

/** Every change to the program's recognition settings is audited with what changed. */
function updateRecognition(
  context: RecognitionContext,
  actor: Actor,
  patch: ProgramSettingsPatch,
): Promise<WorkspaceRecord> {
  return context.store.transaction(async (tx) => {
    const updated = await tx.workspaces.updateSettings(actor.workspace.id, patch);
    await tx.audit.record({
      workspaceId: actor.workspace.id,
      actor: actor.userId,
      action: "settings.recognition",
      data: { changed: patch },
    });
    return updated;
  });
}
