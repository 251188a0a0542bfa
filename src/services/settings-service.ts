import {
  type ProgramSettingsPatch,
  parseProtectionDays,
  parseReportingCurrency,
  parseTimezone,
} from "../domain/partners/program-settings";
import { requireAdmin, requireManager } from "../domain/partners/roles";
import type { Actor } from "./access-service";
import type { WorkspaceRecord } from "./records";
import type { Store } from "./store";

export const PROGRAM_SETTINGS = ["timezone", "currency", "protection"] as const;
export type ProgramSetting = (typeof PROGRAM_SETTINGS)[number];

const SETTING_PARSERS: Record<ProgramSetting, (text: string) => ProgramSettingsPatch> = {
  timezone: (text) => ({ timezone: parseTimezone(text) }),
  currency: (text) => ({ reportingCurrency: parseReportingCurrency(text) }),
  protection: (text) => ({ protectionDays: parseProtectionDays(text) }),
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

  async setApprovalsChannel(actor: Actor, channelId: string): Promise<void> {
    requireAdmin(actor.role, "choose_approvals_channel");
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
