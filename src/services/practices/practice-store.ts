/** What the practice use cases read and write; implemented in src/data/repositories/practice-repository.ts. */

export interface PracticeRecord {
  id: number;
  workspaceId: number;
  /** The Slack team of the workspace: what messages about it are sent through. */
  teamId: string;
  /** Who shared it in Partner Hub. */
  authorId: string;
  /** Saved from someone else's message: the person who wrote it, credited on the card. */
  creditedUserId: string | null;
  title: string;
  body: string;
  /** Lower-case slugs, in the order given. */
  tags: string[];
  region: string | null;
  link: string | null;
  /** Permalink of the Slack message it was saved from. */
  sourcePermalink: string | null;
  /** Where its card was posted (null: the author's DM). */
  channelId: string | null;
  helpfulCount: number;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewPractice {
  workspaceId: number;
  authorId: string;
  creditedUserId: string | null;
  title: string;
  body: string;
  tags: string[];
  region: string | null;
  link: string | null;
  sourcePermalink: string | null;
  channelId: string | null;
  /** The modal's view id: a repeated submit finds the practice it created. */
  idempotencyKey: string;
  /** When it was shared; the demo seed backdates its practices, everyone else leaves it to the database (now). */
  createdAt?: Date;
}

export type PracticePatch = Pick<NewPractice, "title" | "body" | "tags" | "region" | "link">;

export interface PracticeRepository {
  /** Creates it with its tags and its search entry; null when the idempotency key is taken. */
  create(practice: NewPractice): Promise<PracticeRecord | null>;
  findByIdempotencyKey(key: string): Promise<PracticeRecord | null>;
  /** Deleted ones too (their card still needs redrawing); callers check deletedAt. */
  findById(workspaceId: number, id: number): Promise<PracticeRecord | null>;
  /** Replaces text, tags, region and link, and its search entry. Null when it is deleted. */
  update(id: number, patch: PracticePatch): Promise<PracticeRecord | null>;
  /** Soft delete (the card is redrawn as deleted; search and lists leave it out). Null when already deleted. */
  markDeleted(id: number, at: Date): Promise<PracticeRecord | null>;
  /** One vote per person: adds it, or takes it back when it exists. Returns the new state. */
  toggleVote(practiceId: number, userId: string): Promise<{ voted: boolean; helpfulCount: number }>;
  /** Whether `userId` has voted for each of `practiceIds`. */
  votedBy(userId: string, practiceIds: readonly number[]): Promise<Set<number>>;
  /**
   * Full-text search over title, body and tags with the database's own engine (SQLite FTS5 with the
   * porter tokenizer, PostgreSQL tsvector + GIN), case-, accent- and word-form-insensitive; ranked
   * by relevance, then helpful votes. `terms` are plain words (no operators); none matches nothing.
   */
  search(workspaceId: number, terms: readonly string[], limit: number): Promise<PracticeRecord[]>;
  /** Most helpful first (ties: newest), created at or after `since` (null: all time). */
  top(workspaceId: number, since: Date | null, limit: number): Promise<PracticeRecord[]>;
  /** Shared in [start, end), most helpful first (ties: newest), with how many were in all: the digest's week. */
  createdBetween(
    workspaceId: number,
    range: { start: Date; end: Date },
    limit: number,
  ): Promise<{ practices: PracticeRecord[]; total: number }>;
  byTag(workspaceId: number, tag: string, limit: number): Promise<PracticeRecord[]>;
  byAuthor(workspaceId: number, userId: string, limit: number): Promise<PracticeRecord[]>;
  newest(workspaceId: number, limit: number): Promise<PracticeRecord[]>;
  /** Tags in use, most used first: the modal offers them. */
  knownTags(workspaceId: number, limit: number): Promise<string[]>;
}
