import {
  type ProgramSettingsPatch,
  parseApprovalReminderDays,
  parseLeaderboardAmounts,
  parseProtectionDays,
  parseReportingCurrency,
  parseTimezone,
} from "../domain/partners/program-settings";
import { requireAdmin, requireManager } from "../domain/partners/roles";
import { DomainError } from "../domain/shared/domain-error";
import type { Actor } from "./access-service";
import type { WorkspaceRecord } from "./records";
import type { Store } from "./store";

export const PROGRAM_SETTINGS = [
  "timezone",
  "currency",
  "protection",
  "approval-reminder",
  "leaderboard-amounts",
] as const;
export type ProgramSetting = (typeof PROGRAM_SETTINGS)[number];

const SETTING_PARSERS: Record<ProgramSetting, (text: string) => ProgramSettingsPatch> = {
  timezone: (text) => ({ timezone: parseTimezone(text) }),
  currency: (text) => ({ reportingCurrency: parseReportingCurrency(text) }),
  protection: (text) => ({ protectionDays: parseProtectionDays(text) }),
  "approval-reminder": (text) => ({ approvalReminderDays: parseApprovalReminderDays(text) }),
  "leaderboard-amounts": (text) => ({ leaderboardAmounts: parseLeaderboardAmounts(text) }),
};

/** Program settings changed from `/hub`; every change is audited. */
export class SettingsService {
  constructor(private readonly store: Store) {}

  /** Changes one setting from what the admin typed; the text is validated here. */
  async change(
    actor: Actor,
    setting: ProgramSetting,
    text: string,
  ): Promise<{ workspace: WorkspaceRecord; value: string }> {
    requireAdmin(actor.role, "change_settings");
    const patch = SETTING_PARSERS[setting](text);
    const workspace = await this.update(actor, patch);
    return { workspace, value: String(Object.values(patch)[0]) };
  }

  private async update(actor: Actor, patch: ProgramSettingsPatch): Promise<WorkspaceRecord> {
    return this.store.transaction(async (tx) => {
      const updated = await tx.workspaces.updateSettings(actor.workspace.id, patch);
      await tx.audit.record({
        workspaceId: actor.workspace.id,
        actor: actor.userId,
        action: "settings.update",
        data: { changed: patch },
      });
      return updated;
    });
  }

  /** The launcher invites partners to register deals in a channel: a manager's call. */
  checkCanPostLauncher(actor: Actor): void {
    requireManager(actor.role, "post_launcher");
  }

  /** Every partner's registrations go there: never a channel tied to one partner or shared with another organization. */
  async setApprovalsChannel(actor: Actor, channelId: string, channel: { shared: boolean }): Promise<void> {
    requireAdmin(actor.role, "choose_approvals_channel");
    await requireProgramChannel(this.store, actor.workspace.id, channelId, channel);
    await this.store.transaction(async (tx) => {
      await tx.workspaces.setApprovalsChannel(actor.workspace.id, channelId, false);
      await tx.audit.record({
        workspaceId: actor.workspace.id,
        actor: actor.userId,
        action: "settings.approvals_channel",
        target: channelId,
        data: { previous: actor.workspace.approvalsChannel },
      });
    });
  }
}

/**
 * A channel that shows every partner's news (approvals, celebrations): refused when it is tied to
 * one partner or shared with another organization, whose people would read the others' deals.
 */
export async function requireProgramChannel(
  store: Store,
  workspaceId: number,
  channelId: string,
  channel: { shared: boolean },
): Promise<void> {
  const partner = await store.partners.findByChannel(workspaceId, channelId);
  if (partner) throw new DomainError("channel_tied", { partner: partner.name });
  if (channel.shared) throw new DomainError("channel_shared");
}
