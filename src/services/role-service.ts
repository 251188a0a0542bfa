import { checkRoleChange, type Role, requireAdmin } from "../domain/partners/roles";
import { DomainError } from "../domain/shared/domain-error";
import type { AccessService, Actor } from "./access-service";
import type { MemberRecord } from "./records";
import type { Store } from "./store";

export class RoleService {
  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
  ) {}

  /**
   * `target.external`: the person is a Slack Connect user from another organization (as the Slack
   * layer found out). They can't run this program, so they stay plain members.
   */
  async setRole(
    actor: Actor,
    targetUserId: string,
    role: Role,
    target: { external: boolean },
  ): Promise<{ member: MemberRecord; previous: Role }> {
    requireAdmin(actor.role, "change_roles");
    if (target.external && role !== "member") throw new DomainError("external_cannot_manage");
    if (this.access.adminsFromConfig && (role === "admin" || this.access.isConfiguredAdmin(targetUserId))) {
      throw new DomainError("admins_from_config");
    }
    return this.store.transaction(async (tx) => {
      await tx.workspaces.lock(actor.workspace.id);
      const target = await tx.members.ensure(actor.workspace.id, targetUserId, null);
      checkRoleChange({
        actorUserId: actor.userId,
        targetUserId,
        newRole: role,
        targetCurrentRole: target.role,
        adminCount: await tx.members.countByRole(actor.workspace.id, "admin"),
      });
      const member = target.role === role ? target : await tx.members.setRole(target.id, role);
      await tx.audit.record({
        workspaceId: actor.workspace.id,
        actor: actor.userId,
        action: "role.set",
        target: targetUserId,
        data: { from: target.role, to: role },
      });
      return { member, previous: target.role };
    });
  }
}
