import type { WebClient } from "@slack/web-api";
import type { SlackIdentity } from "../../services/access-service";
import { belongsTo, type InstallationIdentity, type UserHome, workspaceKeyOf } from "./installation-identity";

/** The Web API client of the installation that Bolt authorized a request for. */
export type InstallationClientFor = (requestTeamId: string) => Promise<WebClient>;

/** What a listener knows from the payload about who acted. */
export interface IdentityRequest {
  /** The team Bolt authorized the request for (context.teamId): it picks the installation, never the workspace. */
  requestTeamId: string | undefined;
  userId: string;
  /** An interaction's user.team_id; commands and events carry none. */
  userTeamId?: string | undefined;
  commandChannelId?: string | undefined;
}

/** People rarely move between organizations; an hour bounds how long a changed answer lingers. */
const HOME_TTL_MS = 60 * 60 * 1000;
const MAX_CACHED_HOMES = 10_000;

/**
 * Turns a request into the plain facts the services take: the installation's workspace (from
 * auth.test of the installation's own token, so a guest's team never becomes a workspace) and
 * whether the person is internal (from the payload, else users.info). Both answers are cached; a
 * failed look-up is not, and fails the request rather than guessing who someone is.
 */
export class SlackIdentities {
  private readonly installations = new WeakMap<WebClient, Promise<InstallationIdentity>>();
  private readonly homes = new Map<string, { home: UserHome; until: number }>();

  constructor(private readonly clientFor: InstallationClientFor) {}

  async identify(request: IdentityRequest): Promise<SlackIdentity> {
    const client = await this.clientFor(request.requestTeamId ?? "");
    const installation = await this.installationOf(client);
    const teamId = workspaceKeyOf(installation);
    const home = await this.homeOf(client, installation, request);
    return {
      teamId,
      userId: request.userId,
      userTeamId: home.teamId,
      internal: belongsTo(installation, home),
      commandChannelId: request.commandChannelId,
      timezone: home.timezone,
    };
  }

  /**
   * Whether someone the actor named (a mention in a command) is from another organization: the
   * same installation rule as for the person acting, settled by users.info.
   */
  async isExternal(requestTeamId: string | undefined, userId: string): Promise<boolean> {
    const client = await this.clientFor(requestTeamId ?? "");
    const installation = await this.installationOf(client);
    const home = await this.homeOf(client, installation, { requestTeamId, userId });
    return !belongsTo(installation, home);
  }

  private installationOf(client: WebClient): Promise<InstallationIdentity> {
    let found = this.installations.get(client);
    if (!found) {
      found = client.auth.test().then((answer) => ({
        teamId: answer.team_id || undefined,
        enterpriseId: answer.enterprise_id || undefined,
      }));
      found.catch(() => this.installations.delete(client));
      this.installations.set(client, found);
    }
    return found;
  }

  /**
   * A payload's user.team_id settles it when it names the installation, or when there is no
   * organization that a different team could still belong to; otherwise users.info says.
   */
  private async homeOf(
    client: WebClient,
    installation: InstallationIdentity,
    request: IdentityRequest,
  ): Promise<UserHome> {
    if (request.userTeamId) {
      const home = { teamId: request.userTeamId, enterpriseId: undefined };
      if (belongsTo(installation, home) || !installation.enterpriseId) return home;
    }
    const key = `${workspaceKeyOf(installation)}:${request.userId}`;
    const cached = this.homes.get(key);
    if (cached && cached.until > Date.now()) return cached.home;
    const { user } = await client.users.info({ user: request.userId });
    const home = {
      teamId: user?.team_id || undefined,
      enterpriseId: user?.enterprise_user?.enterprise_id || undefined,
      timezone: user?.tz || undefined,
    };
    this.homes.delete(key);
    this.homes.set(key, { home, until: Date.now() + HOME_TTL_MS });
    if (this.homes.size > MAX_CACHED_HOMES) {
      const oldest = this.homes.keys().next().value;
      if (oldest !== undefined) this.homes.delete(oldest);
    }
    return home;
  }
}
