import type { ProgramSettingsPatch } from "../domain/partners/program-settings";
import { requireAdmin } from "../domain/partners/roles";
import type { Actor } from "./access-service";
import type { WorkspaceRecord } from "./records";
import type { Store } from "./store";

/** Program settings changed from `/hub`; every change is audited. */
export class SettingsService {
  constructor(private readonly store: Store) {}

  async update(actor: Actor, patch: ProgramSettingsPatch): Promise<WorkspaceRecord> {
    requireAdmin(actor.role, "change program settings");
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

  async setApprovalsChannel(actor: Actor, channelId: string): Promise<void> {
    requireAdmin(actor.role, "choose the approvals channel");
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
