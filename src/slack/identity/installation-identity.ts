/**
 * Who is who, decided by the installation rather than by comparing one team id: on Enterprise
 * Grid Slack reports the org's own people with the organization's id (E…) as their team, and a
 * person of a sibling workspace of the same org is no outsider either.
 */

/** The installation a request belongs to: its workspace and, on Enterprise Grid, its organization. */
export interface InstallationIdentity {
  teamId: string | undefined;
  enterpriseId: string | undefined;
}

/** Where a person belongs, as Slack reports it (an interaction's user.team_id, or users.info). */
export interface UserHome {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  /** The person's own time zone, when users.info said (their day ends at their midnight). */
  timezone?: string | undefined;
}

/** The program's key for an installation: its workspace, or its organization for an org-wide install. */
export function workspaceKeyOf(installation: InstallationIdentity): string {
  return installation.teamId ?? installation.enterpriseId ?? "";
}

/** True when the person belongs to the installing workspace or its organization. */
export function belongsTo(installation: InstallationIdentity, home: UserHome): boolean {
  const ours = [installation.teamId, installation.enterpriseId].filter((id): id is string => Boolean(id));
  return [home.teamId, home.enterpriseId].some((id) => id !== undefined && ours.includes(id));
}
