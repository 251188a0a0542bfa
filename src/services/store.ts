import type { CustomerKeys } from "../domain/deals/customer";
import type { RegistrationStatus } from "../domain/deals/registration";
import type { Stage } from "../domain/deals/stages";
import type { NewPartner, PartnerStatus, Tier } from "../domain/partners/partner-rules";
import type { ProgramSettingsPatch } from "../domain/partners/program-settings";
import type { Role } from "../domain/partners/roles";
import type { DigestRepository } from "./digest/digest-store";
import type { GoalRepository, LeaderboardRepository } from "./leaderboard/leaderboard-store";
import type { JobRunRepository } from "./operations/operations-store";
import type { OutboxRepository } from "./outbox/outbox-message";
import type { PracticeRepository } from "./practices/practice-store";
import type {
  ApplicationRepository,
  OnboardingRepository,
  ProgramConfigRepository,
  ResourceRepository,
  ScorecardReviewRepository,
  TierReviewRepository,
} from "./program/program-store";
import type { MilestoneRepository, ShoutoutRepository } from "./recognition/recognition-store";
import type {
  DealEventRecord,
  DealRecord,
  ExchangeRateRecord,
  MemberRecord,
  PartnerRecord,
  PartnerSummary,
  WorkspaceRecord,
} from "./records";

/**
 * The persistence the services need, declared here and implemented in src/data. A service that
 * must change several things at once runs them in `transaction`, which hands it a Store whose
 * repositories all write through the same transaction.
 */
export interface Store {
  workspaces: WorkspaceRepository;
  members: MemberRepository;
  partners: PartnerRepository;
  audit: AuditLog;
  deals: DealRepository;
  outbox: OutboxRepository;
  practices: PracticeRepository;
  shoutouts: ShoutoutRepository;
  milestones: MilestoneRepository;
  jobRuns: JobRunRepository;
  exchangeRates: ExchangeRateRepository;
  leaderboard: LeaderboardRepository;
  goals: GoalRepository;
  digests: DigestRepository;
  programConfig: ProgramConfigRepository;
  applications: ApplicationRepository;
  onboarding: OnboardingRepository;
  tierReviews: TierReviewRepository;
  resources: ResourceRepository;
  scorecardReviews: ScorecardReviewRepository;
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
}

export interface WorkspaceRepository {
  /** The workspace for a Slack team, created with defaults on first sight. */
  ensure(teamId: string): Promise<WorkspaceRecord>;
  /** The workspace for a Slack team, without creating it (readers that must not write). */
  find(teamId: string): Promise<WorkspaceRecord | null>;
  /** Atomically records `userId` as the first admin; false when someone already is. */
  claimFirstAdmin(workspaceId: number, userId: string): Promise<boolean>;
  /** Sets the approvals channel; with `onlyIfUnset`, only when none is set yet (first use). */
  setApprovalsChannel(workspaceId: number, channel: string, onlyIfUnset: boolean): Promise<boolean>;
  updateSettings(workspaceId: number, patch: ProgramSettingsPatch): Promise<WorkspaceRecord>;
  /** Sets (null: clears) the admins' rules text; with `onlyIfUnset`, only when there is none (the demo seed). */
  setProgramRules(workspaceId: number, text: string | null, onlyIfUnset: boolean): Promise<boolean>;
  /**
   * Inside a transaction: takes the workspace's row lock until it ends, so check-then-write rules
   * (conflict detection, "keep one admin") run one at a time per workspace even on PostgreSQL's
   * READ COMMITTED.
   */
  lock(workspaceId: number): Promise<void>;
  /** Returns null when the team has a workspace already. */
  create(workspace: NewWorkspace): Promise<WorkspaceRecord | null>;
  /** Names the workspace when it has no name yet; false when it has one. */
  fillName(workspaceId: number, name: string): Promise<boolean>;
  /** How many workspaces there are: none means a new, empty database. */
  count(): Promise<number>;
  findById(workspaceId: number): Promise<WorkspaceRecord | null>;
  /** Every workspace (the daily tier recalculation walks them). */
  all(): Promise<WorkspaceRecord[]>;
}

/** A workspace set up in one go (the demo seed) rather than created with defaults on first sight. */
export type NewWorkspace = Pick<
  WorkspaceRecord,
  "teamId" | "timezone" | "reportingCurrency" | "approvalsChannel" | "firstAdminUserId"
> & { name: string | null };

export interface MemberRepository {
  find(workspaceId: number, slackUserId: string): Promise<MemberRecord | null>;
  /** The member for a Slack user, created as a plain member on first sight. */
  ensure(workspaceId: number, slackUserId: string, slackTeamId: string | null): Promise<MemberRecord>;
  setRole(memberId: number, role: Role): Promise<MemberRecord>;
  setPartner(memberId: number, partnerId: number | null): Promise<MemberRecord>;
  countByRole(workspaceId: number, role: Role): Promise<number>;
  listByPartner(partnerId: number): Promise<MemberRecord[]>;
  /** A person known before they first use the app (the demo seed); null when they are known already. */
  create(member: NewMember): Promise<MemberRecord | null>;
  update(memberId: number, patch: MemberPatch): Promise<MemberRecord>;
  setAnnounceShoutouts(memberId: number, on: boolean): Promise<MemberRecord>;
  setTimezone(memberId: number, timezone: string | null): Promise<MemberRecord>;
}

// The recognition preferences have defaults, so a person known in advance need not state them.
export type NewMember = Omit<MemberRecord, "id" | "announceShoutouts" | "timezone"> &
  Partial<Pick<MemberRecord, "announceShoutouts" | "timezone">>;
export type MemberPatch = Partial<Pick<MemberRecord, "slackTeamId" | "displayName" | "role" | "partnerId">>;

export interface PartnerRepository {
  /** Returns null when a partner with the same name key exists already. */
  create(workspaceId: number, partner: NewPartner): Promise<PartnerRecord | null>;
  findByKey(workspaceId: number, nameKey: string): Promise<PartnerRecord | null>;
  findById(workspaceId: number, id: number): Promise<PartnerRecord | null>;
  list(workspaceId: number): Promise<PartnerSummary[]>;
  /** The partner whose people come from this Slack Connect team. */
  findByConnectTeam(workspaceId: number, connectTeamId: string): Promise<PartnerRecord | null>;
  /** A partner already in the program, as given; null when the name key is taken. */
  createEstablished(workspaceId: number, partner: EstablishedPartner): Promise<PartnerRecord | null>;
  /** The partner a channel is tied to (`/partner channel`). */
  findByChannel(workspaceId: number, channelId: string): Promise<PartnerRecord | null>;
  /** Ties (or with null unties) the partner's own channel; one partner per channel (unique index). */
  setHomeChannel(partnerId: number, channelId: string | null): Promise<PartnerRecord>;
  /** Moves the partner to `tier` only while it is still at `expected`; null when it no longer is. */
  setTier(partnerId: number, expected: Tier, tier: Tier): Promise<PartnerRecord | null>;
  /** onboarding → active sets `onboardedAt`; a partner starting onboarding has none yet. */
  setStatus(partnerId: number, status: PartnerStatus, onboardedAt: Date | null): Promise<PartnerRecord>;
  /** After managers keep a tier: no new demotion review before `until` (null: none held). */
  holdTier(partnerId: number, until: Date | null): Promise<PartnerRecord>;
}

/** A partner with its place in the program already settled: status, channels, onboarding date. */
export type EstablishedPartner = NewPartner &
  Pick<PartnerRecord, "status" | "connectTeamId" | "homeChannel"> & { onboardedAt: Date | null };

/** One audit entry as read back: `data` is what the service recorded (an empty object when unreadable). */
export interface AuditEntryRecord {
  id: number;
  actor: string;
  action: string;
  target: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface AuditLog {
  record(entry: { workspaceId: number; actor: string; action: string; target?: string; data?: object }): Promise<void>;
  /** Newest first; `actionPrefix` keeps actions that start with it ("goal." for every goal change). */
  latest(query: {
    workspaceId: number;
    limit: number;
    actor?: string;
    actionPrefix?: string;
  }): Promise<AuditEntryRecord[]>;
}

/** A deal as first written: the registration's fields, before any decision or message. */
export type NewDeal = Pick<
  DealRecord,
  | "workspaceId"
  | "partnerId"
  | "createdBy"
  | "customerName"
  | "customer"
  | "product"
  | "amountMinor"
  | "currency"
  | "stage"
  | "status"
  | "conflictDealId"
  | "expectedCloseOn"
  | "region"
  | "notes"
  | "channelId"
> & {
  idempotencyKey: string;
  /** When it was registered, by the services' clock (reminders count working days from it). */
  createdAt?: Date;
};

/** Fields a deal change may write. */
export type DealPatch = Partial<
  Pick<
    DealRecord,
    | "customerName"
    | "customer"
    | "product"
    | "currency"
    | "expectedCloseOn"
    | "region"
    | "notes"
    | "conflictDealId"
    | "stage"
    | "status"
    | "amountMinor"
    | "protectedUntil"
    | "reminderSentAt"
    | "extensionRequestedAt"
    | "decidedBy"
    | "decidedAt"
    | "decisionNote"
    | "closedAt"
    | "lostReason"
    | "channelId"
  >
>;

/** What the deal must still look like for a change to apply (optimistic concurrency). */
export type DealExpectation = Partial<
  Pick<DealRecord, "status" | "stage" | "protectedUntil" | "reminderSentAt" | "extensionRequestedAt">
>;

export interface DealListFilter {
  workspaceId: number;
  partnerId?: number;
  stages?: readonly Stage[];
  statuses?: readonly RegistrationStatus[];
  /** Only deals decided at or after this instant (the Home's rejected registrations of the last 30 days). */
  decidedSince?: Date;
  /** Only deals registered in [from, before): the digest's week. */
  createdFrom?: Date;
  createdBefore?: Date;
  /** Only deals closed in [from, before). */
  closedFrom?: Date;
  closedBefore?: Date;
  /** Only deals flagged as conflicting with another at registration. */
  conflicted?: boolean;
  /** Only deals whose partner asked for a longer protection, not yet answered. */
  extensionRequested?: boolean;
  /** Default newest first; a queue reads oldest first (who waited longest). */
  order?: "newest" | "oldest";
}

export interface DealRepository {
  /** Returns null when a deal with this idempotency key exists already. */
  create(deal: NewDeal): Promise<DealRecord | null>;
  findByIdempotencyKey(key: string): Promise<DealRecord | null>;
  findById(workspaceId: number, id: number): Promise<DealRecord | null>;
  /** Deals of the same customer (same domain or same name key) that are not lost. */
  findSameCustomer(workspaceId: number, customer: CustomerKeys): Promise<DealRecord[]>;
  /** Applies `patch` only if the deal still matches `expected`; null when it no longer does. */
  update(id: number, expected: DealExpectation, patch: DealPatch): Promise<DealRecord | null>;
  list(
    filter: DealListFilter,
    page: { offset: number; limit: number },
  ): Promise<{ deals: DealRecord[]; total: number }>;
  /**
   * Deals whose customer name key or domain contains every one of `words` (already folded with
   * textKey / lower-cased), newest first: `/deal find`.
   */
  searchCustomers(
    filter: { workspaceId: number; partnerId?: number; words: readonly string[] },
    page: { offset: number; limit: number },
  ): Promise<{ deals: DealRecord[]; total: number }>;
  /** Registrations still waiting for a decision, in every workspace, oldest first. */
  undecided(): Promise<DealRecord[]>;
  /** Approved, still open deals whose protection ends before `until`, in every workspace. */
  protectionEndingBefore(until: Date): Promise<DealRecord[]>;
  /** Appends to the deal's history; returns the event's id (outbox dedupe keys are made of it). */
  addEvent(event: { dealId: number; actor: string; type: string; data?: object; at: Date }): Promise<number>;
  events(dealId: number): Promise<DealEventRecord[]>;
  /**
   * Writes a deal with the history it already has and returns its id. For bulk writes (the demo
   * seed) that check their keys first with idsByKeyPrefix: a key that is taken throws.
   */
  createWithHistory(deal: PastDeal, events: PastDealEvent[]): Promise<number>;
  /** Deal id by idempotency key, for the workspace's keys that start with `prefix` (the demo seed's demo:<n>). */
  idsByKeyPrefix(workspaceId: number, prefix: string): Promise<Map<string, number>>;
}

/** A deal as its past left it (the demo seed's year of deals): its own dates, decision and outcome. */
export type PastDeal = NewDeal &
  Pick<
    DealRecord,
    | "protectedUntil"
    | "reminderSentAt"
    | "decidedBy"
    | "decidedAt"
    | "decisionNote"
    | "closedAt"
    | "lostReason"
    | "createdAt"
    | "updatedAt"
  >;

export interface PastDealEvent {
  actor: string;
  type: string;
  data?: object;
  at: Date;
}

export interface ExchangeRateRepository {
  /** Returns null when the workspace has a rate for this currency already. */
  create(rate: NewExchangeRate): Promise<ExchangeRateRecord | null>;
  /** Sets the rate of a currency from a day on (`/hub rates EUR 1.08 2026-03-01`), replacing one of the same day. */
  set(rate: DatedExchangeRate): Promise<DatedExchangeRate>;
  /** Every rate of the workspace, by currency then date. */
  list(workspaceId: number): Promise<DatedExchangeRate[]>;
}

/** A rate valid from its local day (YYYY-MM-DD) until the currency's next one. */
export interface DatedExchangeRate {
  workspaceId: number;
  currency: string;
  rate: string;
  validFrom: string;
  updatedBy: string;
}

export type NewExchangeRate = Omit<ExchangeRateRecord, "id" | "updatedAt">;
