import type { ValidDeal } from "../domain/deals/deal-input";
import type { RegistrationStatus } from "../domain/deals/registration";
import type { PartnerStatus, Tier } from "../domain/partners/partner-rules";
import type { LeaderboardAmounts } from "../domain/partners/program-settings";
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
  /** Recipients one person may recognize per day. */
  shoutoutAllowance: number;
  /** The company values a shout-out may name, in the admins' order. */
  companyValues: string[];
  celebrateFirstWin: boolean;
  celebrateRecordMonth: boolean;
  /** Where milestones are celebrated when the partner has no channel of its own. */
  celebrationsChannel: string | null;
  /** Managers are reminded of registrations waiting longer than this many working days; 0 = never. */
  approvalReminderDays: number;
  /** What partner members see of other partners on leaderboards: only ranks ("own") or amounts too ("all"). */
  leaderboardAmounts: LeaderboardAmounts;
  /** The admins' own rules of engagement (`/hub rules edit`), shown below the ones built from the settings. */
  programRules: string | null;
}

export interface MemberRecord {
  id: number;
  workspaceId: number;
  slackUserId: string;
  slackTeamId: string | null;
  /** A name stored with the person (the demo seed's); the app shows Slack's own profile name. */
  displayName: string | null;
  role: Role;
  partnerId: number | null;
  /** False: shout-outs this person receives are delivered privately (they still count). */
  announceShoutouts: boolean;
  /** The person's own IANA time zone when known; the workspace's otherwise. */
  timezone: string | null;
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
  /** When the partner joined the program (the demo's established partners have it). */
  onboardedAt: Date | null;
  /** After managers kept its tier in a review: no new demotion review opens before this instant. */
  tierHeldUntil: Date | null;
}

export interface PartnerSummary extends PartnerRecord {
  memberCount: number;
}

/** A stored deal: the registration as validated, plus who, where and what happened since. */
export interface DealRecord extends ValidDeal {
  id: number;
  workspaceId: number;
  /** The Slack team of the workspace: what notifications are sent through. */
  teamId: string;
  /** The workspace's time zone: instants (protected until, decided at) are shown in it. */
  timezone: string;
  partnerId: number;
  partnerName: string;
  createdBy: string;
  status: RegistrationStatus;
  conflictDealId: number | null;
  protectedUntil: Date | null;
  reminderSentAt: Date | null;
  extensionRequestedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  closedAt: Date | null;
  lostReason: string | null;
  channelId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DealEventRecord {
  id: number;
  dealId: number;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** Units of the reporting currency per one unit of `currency`, as a decimal string. */
export interface ExchangeRateRecord {
  id: number;
  workspaceId: number;
  currency: string;
  rate: string;
  updatedBy: string;
  updatedAt: Date;
}
