import type { PartnerStatus, Tier } from "../domain/partners/partner-rules";
import type { Role } from "../domain/partners/roles";

/** What services read and write, independent of Prisma. Repositories return these shapes. */

export interface WorkspaceRecord {
  id: number;
  teamId: string;
  timezone: string;
  reportingCurrency: string;
  weekStartsOn: number;
  protectionDays: number;
  approvalsChannel: string | null;
  firstAdminUserId: string | null;
}

export interface MemberRecord {
  id: number;
  workspaceId: number;
  slackUserId: string;
  slackTeamId: string | null;
  role: Role;
  partnerId: number | null;
}

export interface PartnerRecord {
  id: number;
  workspaceId: number;
  name: string;
  nameKey: string;
  region: string | null;
  tier: Tier;
  status: PartnerStatus;
  connectTeamId: string | null;
  homeChannel: string | null;
}

export interface PartnerSummary extends PartnerRecord {
  memberCount: number;
}
