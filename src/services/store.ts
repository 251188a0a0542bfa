import type { CustomerKeys } from "../domain/deals/customer";
import type { RegistrationStatus } from "../domain/deals/registration";
import type { Stage } from "../domain/deals/stages";
import type { NewPartner } from "../domain/partners/partner-rules";
import type { ProgramSettingsPatch } from "../domain/partners/program-settings";
import type { Role } from "../domain/partners/roles";
import type {
  DealEventRecord,
  DealRecord,
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
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
}

export interface WorkspaceRepository {
  /** The workspace for a Slack team, created with defaults on first sight. */
  ensure(teamId: string): Promise<WorkspaceRecord>;
  /** Atomically records `userId` as the first admin; false when someone already is. */
  claimFirstAdmin(workspaceId: number, userId: string): Promise<boolean>;
  /** Sets the approvals channel; with `onlyIfUnset`, only when none is set yet (first use). */
  setApprovalsChannel(workspaceId: number, channel: string, onlyIfUnset: boolean): Promise<boolean>;
  updateSettings(workspaceId: number, patch: ProgramSettingsPatch): Promise<WorkspaceRecord>;
  /**
   * Inside a transaction: takes the workspace's row lock until it ends, so check-then-write rules
   * (conflict detection, "keep one admin") run one at a time per workspace even on PostgreSQL's
   * READ COMMITTED.
   */
  lock(workspaceId: number): Promise<void>;
}

export interface MemberRepository {
  find(workspaceId: number, slackUserId: string): Promise<MemberRecord | null>;
  /** The member for a Slack user, created as a plain member on first sight. */
  ensure(workspaceId: number, slackUserId: string, slackTeamId: string | null): Promise<MemberRecord>;
  setRole(memberId: number, role: Role): Promise<MemberRecord>;
  setPartner(memberId: number, partnerId: number | null): Promise<MemberRecord>;
  countByRole(workspaceId: number, role: Role): Promise<number>;
  listByPartner(partnerId: number): Promise<MemberRecord[]>;
}

export interface PartnerRepository {
  /** Returns null when a partner with the same name key exists already. */
  create(workspaceId: number, partner: NewPartner): Promise<PartnerRecord | null>;
  findByKey(workspaceId: number, nameKey: string): Promise<PartnerRecord | null>;
  findById(workspaceId: number, id: number): Promise<PartnerRecord | null>;
  list(workspaceId: number): Promise<PartnerSummary[]>;
}

export interface AuditLog {
  record(entry: { workspaceId: number; actor: string; action: string; target?: string; data?: object }): Promise<void>;
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
> & { idempotencyKey: string };

/** Fields a deal change may write. */
export type DealPatch = Partial<
  Pick<
    DealRecord,
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
    | "messageTs"
    | "approvalChannel"
    | "approvalTs"
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
  /** Approved, still open deals whose protection ends before `until`, in every workspace. */
  protectionEndingBefore(until: Date): Promise<DealRecord[]>;
  addEvent(event: { dealId: number; actor: string; type: string; data?: object; at: Date }): Promise<void>;
  events(dealId: number): Promise<DealEventRecord[]>;
}
