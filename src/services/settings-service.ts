import { requireAdmin } from "../domain/partners/roles";
import type { Actor } from "./access-service";
import type { Store } from "./store";

/** Program settings changed from `/hub`. */
export class SettingsService {
  constructor(private readonly store: Store) {}

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
