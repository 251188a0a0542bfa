import type { FakeChannel, FakeDirectory, FakeUser } from "./fake-slack-directory";
import { FakeFiles } from "./fake-slack-file-store";
import type { FakeMessage, FakeSlackChange, FakeSlackSnapshot, FakeView, ResponseUrlPost } from "./fake-slack-types";
import { SlackError } from "./fake-slack-wire";

/**
 * What the fake Slack remembers: messages and threads, modal stacks, Home tabs, DM channels, the
 * trigger_ids and response_urls it handed out. The Web API methods and the FakeSlack facade both
 * change it only through here, so every change is announced once.
 */

export interface ResponseUrlContext {
  channel: string;
  userId: string;
  messageTs?: string | undefined;
  expiresAt: number;
  uses: number;
}

const TRIGGER_LIFETIME_MS = 3_000;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
const RESPONSE_URL_USES = 5;

export class SlackState {
  readonly messages: FakeMessage[] = [];
  readonly views = new Map<string, FakeView>();
  /** The modal stack each user currently has open, bottom first. */
  readonly openModals = new Map<string, string[]>();
  readonly homeTabs = new Map<string, Record<string, unknown>>();
  readonly responses: ResponseUrlPost[] = [];
  /** Uploaded files and their bytes, the last FILE_LIMIT of them. */
  readonly files: FakeFiles;
  private readonly triggers = new Map<string, { userId: string; expiresAt: number }>();
  private readonly responseUrls = new Map<string, ResponseUrlContext>();
  private sequence = 0;
  private clock = Math.floor(Date.now() / 1000);

  constructor(
    readonly directory: FakeDirectory,
    private readonly changed: (change: FakeSlackChange) => void,
    /** The fake's base URL (for upload and file URLs), known once its server listens. */
    baseUrl: () => string = () => "",
  ) {
    this.files = new FakeFiles(() => this.nextSequence(), baseUrl);
  }

  /** A number never handed out before, for ids of every kind. */
  nextSequence(): number {
    return ++this.sequence;
  }

  user(id: string): FakeUser | undefined {
    return this.directory.users.find((user) => user.id === id);
  }

  channel(id: string): FakeChannel | undefined {
    return this.directory.channels.find((channel) => channel.id === id);
  }

  /** The DM channel between the app and a user, created on first use. */
  dmChannel(userId: string): FakeChannel {
    const existing = this.directory.channels.find((channel) => channel.isIm && channel.user === userId);
    if (existing) return existing;
    const created: FakeChannel = { id: `D${userId.slice(1)}`, name: `dm-${userId}`, isIm: true, user: userId };
    this.directory.channels.push(created);
    return created;
  }

  /** A channel id as the Web API takes it: a user id (U…, W…) means the app's DM with that person. */
  resolveChannel(id: string): string {
    if (/^[UW]/.test(id)) {
      if (!this.user(id)) throw new SlackError("channel_not_found");
      return this.dmChannel(id).id;
    }
    if (!this.channel(id)) throw new SlackError("channel_not_found");
    return id;
  }

  // ---- messages ------------------------------------------------------------------------------

  findMessage(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.find((message) => message.channel === channel && message.ts === ts);
  }

  /** Messages of a channel (top level unless `threadTs`), as `userId` would see them. */
  channelMessages(channel: string, options: { userId?: string; threadTs?: string } = {}): FakeMessage[] {
    return this.messages.filter(
      (message) =>
        message.channel === channel &&
        (options.threadTs
          ? message.threadTs === options.threadTs || message.ts === options.threadTs
          : !message.threadTs) &&
        (message.visibleTo === undefined || message.visibleTo === options.userId),
    );
  }

  addMessage(input: Omit<FakeMessage, "ts" | "replyCount">): FakeMessage {
    const message: FakeMessage = { ...input, ts: this.nextTs(), replyCount: 0 };
    if (message.threadTs) {
      const parent = this.findMessage(message.channel, message.threadTs);
      if (parent) parent.replyCount++;
    }
    this.messages.push(message);
    this.changed({ kind: "message", channel: message.channel });
    return message;
  }

  editMessage(message: FakeMessage, content: { text: string; blocks: unknown[] }): void {
    message.text = content.text;
    message.blocks = content.blocks;
    message.edited = true;
    this.changed({ kind: "message", channel: message.channel });
  }

  /** False when there is no such message. */
  deleteMessage(channel: string, ts: string): boolean {
    const index = this.messages.findIndex((entry) => entry.channel === channel && entry.ts === ts);
    if (index < 0) return false;
    this.messages.splice(index, 1);
    this.changed({ kind: "message", channel });
    return true;
  }

  /** Slack's ts: seconds since the epoch, then a sequence that keeps messages of a second apart. */
  private nextTs(): string {
    this.clock = Math.max(this.clock, Math.floor(Date.now() / 1000));
    return `${this.clock}.${String(this.nextSequence()).padStart(6, "0")}`;
  }

  // ---- interactions: trigger_id and response_url ---------------------------------------------

  /** A trigger_id as Slack sends with an interaction: views.open accepts it for 3 seconds, once. */
  issueTrigger(userId: string): string {
    const id = `${this.nextSequence()}.${Date.now()}.${Math.random().toString(16).slice(2, 10)}`;
    this.triggers.set(id, { userId, expiresAt: Date.now() + TRIGGER_LIFETIME_MS });
    return id;
  }

  /** Uses up a trigger_id; `checkExpiry` as views.open does. */
  takeTrigger(id: string, checkExpiry: boolean): { userId: string } {
    const trigger = this.triggers.get(id);
    if (!trigger) throw new SlackError("invalid_trigger_id");
    this.triggers.delete(id);
    if (checkExpiry && trigger.expiresAt < Date.now()) throw new SlackError("expired_trigger_id");
    return trigger;
  }

  /** The id part of a response_url for an interaction in `channel` by `userId`. */
  issueResponseUrl(context: { channel: string; userId: string; messageTs?: string | undefined }): string {
    const id = `R${this.nextSequence()}${Math.random().toString(16).slice(2, 8)}`;
    this.responseUrls.set(id, { ...context, expiresAt: Date.now() + RESPONSE_URL_LIFETIME_MS, uses: 0 });
    return id;
  }

  /** A post to a response_url; false when the url is unknown, expired or used up (Slack: 404). */
  postToResponseUrl(id: string, body: Record<string, unknown>): boolean {
    const context = this.responseUrls.get(id);
    if (!context || context.expiresAt < Date.now() || context.uses >= RESPONSE_URL_USES) return false;
    context.uses++;
    this.responses.push({ id, body, channel: context.channel, userId: context.userId });
    this.applyResponse(context, body);
    this.changed({ kind: "response", channel: context.channel });
    return true;
  }

  /** What Slack does with a response_url post: ephemeral reply, channel post, replace or delete. */
  private applyResponse(context: ResponseUrlContext, body: Record<string, unknown>): void {
    const original = context.messageTs ? this.findMessage(context.channel, context.messageTs) : undefined;
    if (body.delete_original === true && original) {
      this.messages.splice(this.messages.indexOf(original), 1);
      return;
    }
    if (body.replace_original === true && original) {
      original.text = String(body.text ?? "");
      original.blocks = (body.blocks as unknown[]) ?? [];
      return;
    }
    this.addMessage({
      channel: context.channel,
      user: this.directory.botUserId,
      botId: this.directory.botId,
      text: String(body.text ?? ""),
      blocks: (body.blocks as unknown[]) ?? [],
      visibleTo: body.response_type === "in_channel" ? undefined : context.userId,
      threadTs: typeof body.thread_ts === "string" ? body.thread_ts : undefined,
    });
  }

  // ---- modals and Home tabs ------------------------------------------------------------------

  topModal(userId: string): FakeView | undefined {
    const stack = this.openModals.get(userId) ?? [];
    const id = stack[stack.length - 1];
    return id ? this.views.get(id) : undefined;
  }

  findViewByExternalId(externalId: unknown): FakeView | undefined {
    return [...this.views.values()].find((entry) => entry.view.external_id === externalId);
  }

  /** Opens a modal, on top of `previousViewId` (views.push) or as a new stack (views.open). */
  openView(userId: string, view: Record<string, unknown>, previousViewId: string | null): FakeView {
    const sequence = this.nextSequence();
    const id = `V${String(sequence).padStart(8, "0")}`;
    const root = previousViewId ? (this.views.get(previousViewId)?.rootViewId ?? id) : id;
    const entry: FakeView = { id, userId, hash: `${Date.now()}.${sequence}`, view, rootViewId: root, previousViewId };
    this.views.set(id, entry);
    const stack = previousViewId ? (this.openModals.get(userId) ?? []) : [];
    this.openModals.set(userId, [...stack, id]);
    this.changed({ kind: "modal", userId });
    return entry;
  }

  replaceView(id: string, view: Record<string, unknown>): FakeView {
    const existing = this.views.get(id);
    if (!existing) throw new SlackError("not_found");
    existing.view = view;
    existing.hash = `${Date.now()}.${this.nextSequence()}`;
    this.changed({ kind: "modal", userId: existing.userId });
    return existing;
  }

  /** Removes views from the user's stack: `viewId`, or all of them. */
  closeViews(userId: string, viewId: string | "all"): void {
    const stack = this.openModals.get(userId) ?? [];
    this.openModals.set(userId, viewId === "all" ? [] : stack.filter((id) => id !== viewId));
    this.changed({ kind: "modal", userId });
  }

  publishHome(userId: string, view: Record<string, unknown>): void {
    this.homeTabs.set(userId, view);
    this.changed({ kind: "home", userId });
  }

  // ---- restarts ------------------------------------------------------------------------------

  /**
   * What a restart keeps, as Slack would: messages and threads, edits, the Home tabs the app
   * published, its DM channels. Ephemeral messages ("Only visible to you") and open modals are
   * gone after a reload in Slack too, so they are left out.
   */
  snapshot(): FakeSlackSnapshot {
    return {
      version: 1,
      sequence: this.sequence,
      clock: this.clock,
      messages: this.messages.filter((message) => message.visibleTo === undefined).map((message) => ({ ...message })),
      homeTabs: Object.fromEntries(this.homeTabs),
      dms: this.directory.channels
        .filter((channel) => channel.isIm && channel.user)
        .map((channel) => ({ id: channel.id, user: channel.user as string })),
    };
  }

  /** Takes back what snapshot() kept, replacing the messages and Home tabs. */
  restore(snapshot: FakeSlackSnapshot): void {
    for (const dm of snapshot.dms) {
      if (this.channel(dm.id)) continue;
      this.directory.channels.push({ id: dm.id, name: `dm-${dm.user}`, isIm: true, user: dm.user });
    }
    // Counted in one pass: a saved workspace can hold thousands of messages.
    const replies = new Map<string, number>();
    for (const reply of snapshot.messages) {
      if (!reply.threadTs || reply.threadTs === reply.ts) continue;
      const key = `${reply.channel}/${reply.threadTs}`;
      replies.set(key, (replies.get(key) ?? 0) + 1);
    }
    const messages = snapshot.messages.map((message) => ({
      ...message,
      replyCount: replies.get(`${message.channel}/${message.ts}`) ?? 0,
    }));
    this.messages.splice(0, this.messages.length, ...messages);
    this.homeTabs.clear();
    for (const [userId, view] of Object.entries(snapshot.homeTabs)) this.homeTabs.set(userId, view);
    this.sequence = Math.max(this.sequence, snapshot.sequence);
    this.clock = Math.max(this.clock, snapshot.clock);
    this.changed({ kind: "restore" });
  }
}
