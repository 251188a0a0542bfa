/** What the recognition use cases read and write; implemented in src/data/repositories/shoutout-repository.ts. */

export interface ShoutoutRecipientRecord {
  /** A person (Slack user id; a Slack Connect guest's id comes from their own organization)… */
  userId: string | null;
  /** …or a whole partner company. */
  partnerId: number | null;
  partnerName: string | null;
}

export interface ShoutoutRecord {
  id: number;
  workspaceId: number;
  /** The Slack team of the workspace: what messages about it are sent through. */
  teamId: string;
  fromUserId: string;
  message: string;
  /** One of the program's company values, or null. */
  value: string | null;
  /** A manager's award: its name (e.g. "Partner of the month"); null for a peer shout-out. */
  award: string | null;
  /** Posted in the channel (true) or delivered privately to its recipients only. */
  announce: boolean;
  /** Where it was given (null: from the App Home or a DM). */
  channelId: string | null;
  recipients: ShoutoutRecipientRecord[];
  plusOneCount: number;
  createdAt: Date;
}

export interface NewShoutout {
  workspaceId: number;
  fromUserId: string;
  message: string;
  value: string | null;
  award: string | null;
  announce: boolean;
  channelId: string | null;
  recipients: { userId: string | null; partnerId: number | null }[];
  /** The modal's view id or the command's trigger: a repeat finds the shout-out it created. */
  idempotencyKey: string;
  createdAt: Date;
}

export interface ShoutoutRepository {
  /** Creates it with its recipients; null when the idempotency key is taken. */
  create(shoutout: NewShoutout): Promise<ShoutoutRecord | null>;
  findByIdempotencyKey(key: string): Promise<ShoutoutRecord | null>;
  findById(workspaceId: number, id: number): Promise<ShoutoutRecord | null>;
  /** Recipients `fromUserId` recognized since `since` (the daily allowance counts recipients). */
  recipientsGivenSince(workspaceId: number, fromUserId: string, since: Date): Promise<number>;
  /** One +1 per person: adds it, or takes it back when it exists. */
  togglePlusOne(shoutoutId: number, userId: string): Promise<{ added: boolean; plusOneCount: number }>;
  /** Newest first. */
  received(workspaceId: number, userId: string, limit: number): Promise<ShoutoutRecord[]>;
  given(workspaceId: number, userId: string, limit: number): Promise<ShoutoutRecord[]>;
  recent(workspaceId: number, limit: number): Promise<ShoutoutRecord[]>;
  /**
   * Announced (public) shout-outs given in [start, end), most +1s first (ties: newest), with how
   * many there were in all. With `recipients`: only those recognizing that partner or one of these people.
   */
  announcedBetween(
    filter: {
      workspaceId: number;
      start: Date;
      end: Date;
      recipients?: { partnerId: number; userIds: readonly string[] };
    },
    limit: number,
  ): Promise<{ shoutouts: ShoutoutRecord[]; total: number }>;
}

/** A milestone celebrated once: the unique key makes a second claim (another instance, a retry) a no-op. */
export interface MilestoneRepository {
  /** True when this call recorded it; false when it was celebrated already. */
  claim(milestone: { workspaceId: number; partnerId: number; kind: string; key: string; at: Date }): Promise<boolean>;
}
