import type { Role } from "../domain/partners/roles";
import { isValidTimeZone } from "../domain/shared/calendar";
import { DomainError } from "../domain/shared/domain-error";
import type { MemberRecord, WorkspaceRecord } from "./records";
import type { Store } from "./store";

/** Who is asking, in which workspace, with which effective role. */
export interface Actor {
  workspace: WorkspaceRecord;
  member: MemberRecord;
  userId: string;
  role: Role;
  /** A Slack Connect user from another organization. */
  external: boolean;
  /** This request made them the workspace's first admin: tell them. */
  becameAdmin: boolean;
}

export interface SlackIdentity {
  /** The installation's workspace: never a guest's own team. */
  teamId: string;
  userId: string;
  /** The team (or Grid organization) Slack says the user belongs to; recorded on the member. */
  userTeamId?: string | undefined;
  /**
   * Whether the user belongs to the installing workspace or its organization, as the Slack layer
   * found out from the installation (payload, users.info). Callers inside the process (jobs, the
   * sandbox's seeds, tests) that act for a known internal person leave it out.
   */
  internal?: boolean | undefined;
  /**
   * The channel of a slash command: the first one an admin uses becomes the default approvals
   * channel. Only commands pass it, and only an admin's counts, so a partner's shared channel
   * (where managers and guests click buttons) never becomes it by accident.
   */
  commandChannelId?: string | undefined;
  /** The person's own time zone when Slack told it (users.info): remembered on the member. */
  timezone?: string | undefined;
}

export class AccessService {
  /** `hubAdmins` (HUB_ADMINS) when non-empty is the whole list of admins. */
  constructor(
    private readonly store: Store,
    private readonly hubAdmins: readonly string[],
  ) {}

  get adminsFromConfig(): boolean {
    return this.hubAdmins.length > 0;
  }

  isConfiguredAdmin(userId: string): boolean {
    return this.hubAdmins.includes(userId);
  }

  async identify(identity: SlackIdentity): Promise<Actor> {
    if (!identity.teamId || !identity.userId) throw new DomainError("no_identity");
    const external = identity.internal === false;
    const workspace = await this.store.workspaces.ensure(identity.teamId);
    let member = await this.store.members.ensure(workspace.id, identity.userId, identity.userTeamId ?? identity.teamId);
    if (identity.timezone && identity.timezone !== member.timezone && isValidTimeZone(identity.timezone)) {
      member = await this.store.members.setTimezone(member.id, identity.timezone);
    }
    let becameAdmin = false;
    if (!this.adminsFromConfig && workspace.firstAdminUserId === null && !external) {
      becameAdmin = await this.store.transaction(async (tx) => {
        if (!(await tx.workspaces.claimFirstAdmin(workspace.id, identity.userId))) return false;
        member = await tx.members.setRole(member.id, "admin");
        await tx.audit.record({
          workspaceId: workspace.id,
          actor: identity.userId,
          action: "role.first_admin",
          target: identity.userId,
        });
        return true;
      });
      if (becameAdmin) workspace.firstAdminUserId = identity.userId;
    }
    const role = this.effectiveRole(member, external);
    const channel = identity.commandChannelId;
    if (workspace.approvalsChannel === null && role === "admin" && channel && /^[CG]/.test(channel)) {
      // A partner's own channel would show it every other partner's registrations.
      const tied = await this.store.partners.findByChannel(workspace.id, channel);
      const claimed =
        !tied &&
        (await this.store.transaction(async (tx) => {
          if (!(await tx.workspaces.setApprovalsChannel(workspace.id, channel, true))) return false;
          await tx.audit.record({
            workspaceId: workspace.id,
            actor: identity.userId,
            action: "settings.approvals_channel",
            target: channel,
            data: { previous: null, automatic: true },
          });
          return true;
        }));
      if (claimed) workspace.approvalsChannel = channel;
    }
    return {
      workspace,
      member,
      userId: identity.userId,
      role,
      external,
      becameAdmin,
    };
  }

  /** HUB_ADMINS, when set, decides who is admin; Slack Connect guests never manage the program. */
  effectiveRole(member: MemberRecord, external: boolean): Role {
    if (external) return "member";
    if (this.adminsFromConfig) {
      if (this.isConfiguredAdmin(member.slackUserId)) return "admin";
      return member.role === "admin" ? "member" : member.role;
    }
    return member.role;
  }
}
