import type { DigestSchedule } from "../../domain/digest/schedule";

/** A channel's digest, or a manager's own (`kind` manager: `channelId` is their user id, posted to their DM). */
export type DigestKind = "channel" | "manager";

export interface DigestSubscriptionRecord extends DigestSchedule {
  id: number;
  workspaceId: number;
  channelId: string;
  kind: DigestKind;
  active: boolean;
  createdBy: string;
}

export type DigestSubscriptionInput = Omit<DigestSubscriptionRecord, "id" | "active">;

/** One week's run to claim: a subscription and the period it reports. */
export interface DigestRunKey {
  subscriptionId: number;
  periodKey: string;
}

export interface DigestRepository {
  /** Subscribes the channel (or turns it back on) with this schedule: one subscription per channel. */
  upsert(input: DigestSubscriptionInput): Promise<DigestSubscriptionRecord>;
  /** The channel's subscription, on or off; null when it never had one. */
  find(workspaceId: number, channelId: string): Promise<DigestSubscriptionRecord | null>;
  findById(id: number): Promise<DigestSubscriptionRecord | null>;
  /** Turns the channel's digest off; false when it had none that was on. */
  deactivate(workspaceId: number, channelId: string): Promise<boolean>;
  /** Every subscription that is on, in every workspace, by id. */
  listActive(): Promise<DigestSubscriptionRecord[]>;
  /** Of these runs, the ones claimed already (by anyone), as `${subscriptionId}:${periodKey}`. */
  claimedRuns(keys: readonly DigestRunKey[]): Promise<Set<string>>;
  /**
   * Claims runs by inserting their unique rows; returns the ones this call inserted. A run another
   * instance claimed (committed or still in its transaction) is left out, never an error, so the
   * caller's transaction goes on and enqueues the posts of exactly the runs it won.
   */
  claimRuns(keys: readonly DigestRunKey[], at: Date): Promise<DigestRunKey[]>;
}
