import type { NewPartner } from "../domain/partners/partner-rules";
import type { Role } from "../domain/partners/roles";
import type { MemberRecord, PartnerRecord, PartnerSummary, WorkspaceRecord } from "./records";

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
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
}

export interface WorkspaceRepository {
  /** The workspace for a Slack team, created with defaults on first sight. */
  ensure(teamId: string): Promise<WorkspaceRecord>;
  /** Atomically records `userId` as the first admin; false when someone already is. */
  claimFirstAdmin(workspaceId: number, userId: string): Promise<boolean>;
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
