import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultDirectory, type FakeChannel, type FakeDirectory, type FakeUser } from "./fake-slack-directory";

/**
 * A local stand-in for Slack's Web API, used by the end-to-end tests and the sandbox. It answers
 * the methods the app calls with bodies shaped like Slack's, keeps the messages, views and home
 * tabs it was given, records every call, accepts response_url posts, and can be told to fail.
 */

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  at: number;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  threadTs?: string | undefined;
  user: string;
  botId?: string | undefined;
  text: string;
  blocks: unknown[];
  /** Set for ephemeral messages: only this user sees it. */
  visibleTo?: string | undefined;
  replyCount: number;
  edited?: boolean;
}

export interface FakeView {
  id: string;
  userId: string;
  hash: string;
  view: Record<string, unknown>;
  rootViewId: string;
  previousViewId: string | null;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  channel: string;
  userId: string;
}

/** What of the fake Slack outlives a restart (the sandbox keeps it in a file): see snapshot(). */
export interface FakeSlackSnapshot {
  version: 1;
  sequence: number;
  clock: number;
  messages: FakeMessage[];
  homeTabs: Record<string, Record<string, unknown>>;
  /** The app's DM channels, created on first use. */
  dms: { id: string; user: string }[];
}

export type Failure =
  | { kind: "error"; error: string }
  | { kind: "rateLimited"; retryAfterSeconds: number }
  | { kind: "http"; status: number }
  | { kind: "slow"; ms: number };

interface ResponseUrlContext {
  channel: string;
  userId: string;
  messageTs?: string | undefined;
  expiresAt: number;
  uses: number;
}

type MethodResult = Record<string, unknown>;
type Handler = (args: Record<string, unknown>) => MethodResult;

class SlackError extends Error {
  constructor(readonly error: string) {
    super(error);
  }
}

/** Slack's own user id for Slackbot, the author of Slack's notes to a person. */
export const SLACKBOT_USER_ID = "USLACKBOT";

const TRIGGER_LIFETIME_MS = 3_000;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
const RESPONSE_URL_USES = 5;

export class FakeSlack extends EventEmitter {
  readonly directory: FakeDirectory;
  readonly calls: RecordedCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly messages: FakeMessage[] = [];
  readonly views = new Map<string, FakeView>();
  /** The modal stack each user currently has open, bottom first. */
  readonly openModals = new Map<string, string[]>();
  readonly homeTabs = new Map<string, Record<string, unknown>>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly triggers = new Map<string, { userId: string; expiresAt: number }>();
  private readonly responseUrls = new Map<string, ResponseUrlContext>();
  private server: Server | undefined;
  private sequence = 0;
  private clock = Math.floor(Date.now() / 1000);
  url = "";

  constructor(directory: FakeDirectory = defaultDirectory()) {
    super();
    this.directory = directory;
  }

  /** The base URL to give the app as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error: "fatal_error", detail: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ---- what tests and the sandbox use -------------------------------------------------------

  /** The next `times` calls of `method` fail as described. */
  failNext(method: string, failure: Failure, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(method, queue);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  user(id: string): FakeUser | undefined {
    return this.directory.users.find((user) => user.id === id);
  }

  channel(id: string): FakeChannel | undefined {
    return this.directory.channels.find((channel) => channel.id === id);
  }

  /** A trigger_id as Slack sends with an interaction: views.open accepts it for 3 seconds, once. */
  issueTrigger(userId: string): string {
    const id = `${++this.sequence}.${Date.now()}.${Math.random().toString(16).slice(2, 10)}`;
    this.triggers.set(id, { userId, expiresAt: Date.now() + TRIGGER_LIFETIME_MS });
    return id;
  }

  /** A response_url for an interaction in `channel` by `userId` (optionally about one message). */
  issueResponseUrl(context: { channel: string; userId: string; messageTs?: string | undefined }): string {
    const id = `R${++this.sequence}${Math.random().toString(16).slice(2, 8)}`;
    this.responseUrls.set(id, { ...context, expiresAt: Date.now() + RESPONSE_URL_LIFETIME_MS, uses: 0 });
    return `${this.url}/response/${id}`;
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
    const messages = snapshot.messages.map((message) => ({
      ...message,
      replyCount: snapshot.messages.filter(
        (reply) => reply.channel === message.channel && reply.threadTs === message.ts && reply.ts !== message.ts,
      ).length,
    }));
    this.messages.splice(0, this.messages.length, ...messages);
    this.homeTabs.clear();
    for (const [userId, view] of Object.entries(snapshot.homeTabs)) this.homeTabs.set(userId, view);
    this.sequence = Math.max(this.sequence, snapshot.sequence);
    this.clock = Math.max(this.clock, snapshot.clock);
    this.emit("change", { kind: "restore" });
  }

  /** The DM channel between the app and a user, created on first use. */
  dmChannel(userId: string): FakeChannel {
    const existing = this.directory.channels.find((channel) => channel.isIm && channel.user === userId);
    if (existing) return existing;
    const created: FakeChannel = { id: `D${userId.slice(1)}`, name: `dm-${userId}`, isIm: true, user: userId };
    this.directory.channels.push(created);
    return created;
  }

  topModal(userId: string): FakeView | undefined {
    const stack = this.openModals.get(userId) ?? [];
    const id = stack[stack.length - 1];
    return id ? this.views.get(id) : undefined;
  }

  /** Posts a message as a person (the sandbox composer). */
  postAsUser(userId: string, channel: string, text: string, threadTs?: string): FakeMessage {
    const message = this.addMessage({ channel, user: userId, text, blocks: [], threadTs });
    return message;
  }

  /**
   * A message Slack itself shows, not sent through the Web API: a slash command's immediate answer
   * (the body of the app's ack) or Slackbot's notes. Ephemeral when `visibleTo` is set.
   */
  postAsSlack(input: {
    channel: string;
    text: string;
    blocks?: unknown[] | undefined;
    visibleTo?: string | undefined;
    from: "app" | "slackbot";
  }): FakeMessage {
    const app = input.from === "app";
    return this.addMessage({
      channel: input.channel,
      user: app ? this.directory.botUserId : SLACKBOT_USER_ID,
      botId: app ? this.directory.botId : undefined,
      text: input.text,
      blocks: input.blocks ?? [],
      visibleTo: input.visibleTo,
    });
  }

  /** What a view_submission's response_action does to the user's modal stack. */
  applyViewResponse(userId: string, viewId: string, response: Record<string, unknown> | undefined): void {
    const action = response?.response_action;
    const stack = this.openModals.get(userId) ?? [];
    if (action === "errors") return;
    if (action === "update" && response?.view) {
      this.replaceView(viewId, response.view as Record<string, unknown>);
      return;
    }
    if (action === "push" && response?.view) {
      this.openView(userId, response.view as Record<string, unknown>, viewId);
      return;
    }
    if (action === "clear") this.openModals.set(userId, []);
    else
      this.openModals.set(
        userId,
        stack.filter((id) => id !== viewId),
      );
    this.emit("change", { kind: "modal", userId });
  }

  /** The user closed the top modal (the sandbox's Cancel). */
  closeModal(userId: string, viewId: string): void {
    this.openModals.set(
      userId,
      (this.openModals.get(userId) ?? []).filter((id) => id !== viewId),
    );
    this.emit("change", { kind: "modal", userId });
  }

  /** Resolves with the first recorded call matching, waiting for it up to `timeoutMs`. */
  async waitForCall(
    method: string,
    matches: (args: Record<string, unknown>) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<RecordedCall> {
    return this.waitFor(
      () => this.calls.find((call) => call.method === method && matches(call.args)),
      timeoutMs,
      method,
    );
  }

  /** Resolves with the `index`-th response_url post (0 = first ever). */
  async waitForResponse(index: number, timeoutMs = 5_000): Promise<ResponseUrlPost> {
    return this.waitFor(() => this.responses[index], timeoutMs, `response #${index}`);
  }

  async waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`fake Slack: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // ---- HTTP ---------------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url || "http://127.0.0.1");
    const raw = await readBody(req);
    const api = /^\/api\/([a-zA-Z.]+)$/.exec(url.pathname);
    if (api?.[1] && req.method === "POST") return this.answerApi(api[1], req, raw, res);
    const response = /^\/response\/(\w+)$/.exec(url.pathname);
    if (response?.[1] && req.method === "POST") {
      // Failures for response_url posts are queued under the pseudo-method "response_url".
      const failure = this.failures.get("response_url")?.shift();
      if (failure?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, failure.ms));
      if (failure?.kind === "http") {
        res.writeHead(failure.status, { "content-type": "text/plain" });
        res.end("upstream failure");
        return;
      }
      return this.answerResponseUrl(response[1], raw, res);
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }

  private async answerApi(method: string, req: IncomingMessage, raw: string, res: ServerResponse): Promise<void> {
    const args = parseArgs(req.headers["content-type"], raw);
    const token = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "") || (args.token as string | undefined);
    delete args.token;
    this.calls.push({ method, args, token, at: Date.now() });
    this.emit("call", { method, args });

    const failure = this.failures.get(method)?.shift();
    if (failure?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, failure.ms));
    if (failure?.kind === "rateLimited") {
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(failure.retryAfterSeconds) });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    if (failure?.kind === "http") {
      res.writeHead(failure.status, { "content-type": "text/plain" });
      res.end("upstream failure");
      return;
    }
    let body: MethodResult;
    if (failure?.kind === "error") body = { ok: false, error: failure.error };
    else if (!token) body = { ok: false, error: "not_authed" };
    else {
      const handler = this.handlers[method];
      try {
        body = handler ? { ok: true, ...handler(args) } : { ok: false, error: "unknown_method" };
      } catch (error) {
        if (!(error instanceof SlackError)) throw error;
        body = { ok: false, error: error.error };
      }
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private answerResponseUrl(id: string, raw: string, res: ServerResponse): void {
    const context = this.responseUrls.get(id);
    if (!context || context.expiresAt < Date.now() || context.uses >= RESPONSE_URL_USES) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("expired_url");
      return;
    }
    context.uses++;
    const body = JSON.parse(raw || "{}") as Record<string, unknown>;
    this.responses.push({ id, body, channel: context.channel, userId: context.userId });
    this.applyResponse(context, body);
    this.emit("change", { kind: "response", channel: context.channel });
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  }

  /** What Slack does with a response_url post: ephemeral reply, channel post, replace or delete. */
  private applyResponse(context: ResponseUrlContext, body: Record<string, unknown>): void {
    const original = context.messageTs
      ? this.messages.find((message) => message.channel === context.channel && message.ts === context.messageTs)
      : undefined;
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

  // ---- Web API methods ----------------------------------------------------------------------

  private readonly handlers: Record<string, Handler> = {
    "auth.test": () => ({
      url: `https://${this.directory.team.domain}.slack.com/`,
      team: this.directory.team.name,
      user: "partner_hub",
      team_id: this.directory.team.id,
      user_id: this.directory.botUserId,
      bot_id: this.directory.botId,
      is_enterprise_install: false,
    }),
    "team.info": () => ({
      team: { id: this.directory.team.id, name: this.directory.team.name, domain: this.directory.team.domain },
    }),
    "users.info": (args) => {
      const user = this.user(String(args.user ?? ""));
      if (!user) throw new SlackError("user_not_found");
      return { user: slackUser(user) };
    },
    "conversations.info": (args) => {
      const channel = this.channel(String(args.channel ?? ""));
      if (!channel) throw new SlackError("channel_not_found");
      return { channel: slackChannel(channel) };
    },
    "conversations.open": (args) => {
      const userId = String(args.users ?? "").split(",")[0] ?? "";
      if (!this.user(userId)) throw new SlackError("user_not_found");
      return { channel: { id: this.dmChannel(userId).id } };
    },
    "chat.postMessage": (args) => {
      const channel = this.resolveChannel(String(args.channel ?? ""));
      requireContent(args);
      const threadTs = args.thread_ts ? String(args.thread_ts) : undefined;
      if (threadTs && !this.messages.some((message) => message.channel === channel && message.ts === threadTs)) {
        throw new SlackError("thread_not_found");
      }
      const message = this.addMessage({
        channel,
        user: this.directory.botUserId,
        botId: this.directory.botId,
        text: String(args.text ?? ""),
        blocks: jsonArray(args.blocks),
        threadTs,
      });
      return { channel, ts: message.ts, message: slackMessage(message) };
    },
    "chat.postEphemeral": (args) => {
      const channel = this.resolveChannel(String(args.channel ?? ""));
      const userId = String(args.user ?? "");
      if (!this.user(userId)) throw new SlackError("user_not_found");
      requireContent(args);
      const message = this.addMessage({
        channel,
        user: this.directory.botUserId,
        botId: this.directory.botId,
        text: String(args.text ?? ""),
        blocks: jsonArray(args.blocks),
        visibleTo: userId,
        threadTs: args.thread_ts ? String(args.thread_ts) : undefined,
      });
      return { message_ts: message.ts };
    },
    "chat.update": (args) => {
      const channel = this.resolveChannel(String(args.channel ?? ""));
      const message = this.messages.find((entry) => entry.channel === channel && entry.ts === String(args.ts ?? ""));
      if (!message) throw new SlackError("message_not_found");
      if (message.user !== this.directory.botUserId) throw new SlackError("cant_update_message");
      requireContent(args);
      message.text = String(args.text ?? "");
      message.blocks = jsonArray(args.blocks);
      message.edited = true;
      this.emit("change", { kind: "message", channel });
      return { channel, ts: message.ts, text: message.text, message: slackMessage(message) };
    },
    "chat.delete": (args) => {
      const channel = this.resolveChannel(String(args.channel ?? ""));
      const index = this.messages.findIndex((entry) => entry.channel === channel && entry.ts === String(args.ts ?? ""));
      if (index < 0) throw new SlackError("message_not_found");
      this.messages.splice(index, 1);
      this.emit("change", { kind: "message", channel });
      return { channel, ts: String(args.ts) };
    },
    "chat.getPermalink": (args) => {
      const channel = this.resolveChannel(String(args.channel ?? ""));
      const ts = String(args.message_ts ?? "");
      if (!this.messages.some((entry) => entry.channel === channel && entry.ts === ts)) {
        throw new SlackError("message_not_found");
      }
      return {
        channel,
        permalink: `https://${this.directory.team.domain}.slack.com/archives/${channel}/p${ts.replace(".", "")}`,
      };
    },
    "views.open": (args) => {
      const trigger = this.triggers.get(String(args.trigger_id ?? ""));
      if (!trigger) throw new SlackError("invalid_trigger_id");
      this.triggers.delete(String(args.trigger_id));
      if (trigger.expiresAt < Date.now()) throw new SlackError("expired_trigger_id");
      const view = jsonObject(args.view);
      validateModal(view);
      return { view: this.slackView(this.openView(trigger.userId, view, null)) };
    },
    "views.push": (args) => {
      const trigger = this.triggers.get(String(args.trigger_id ?? ""));
      if (!trigger) throw new SlackError("invalid_trigger_id");
      this.triggers.delete(String(args.trigger_id));
      const top = this.topModal(trigger.userId);
      if (!top) throw new SlackError("not_found");
      const view = jsonObject(args.view);
      validateModal(view);
      return { view: this.slackView(this.openView(trigger.userId, view, top.id)) };
    },
    "views.update": (args) => {
      const id =
        args.view_id !== undefined
          ? String(args.view_id)
          : [...this.views.values()].find((entry) => entry.view.external_id === args.external_id)?.id;
      const existing = id ? this.views.get(id) : undefined;
      if (!existing) throw new SlackError("not_found");
      if (args.hash !== undefined && args.hash !== existing.hash) throw new SlackError("hash_conflict");
      const view = jsonObject(args.view);
      validateModal(view);
      return { view: this.slackView(this.replaceView(existing.id, view)) };
    },
    "views.publish": (args) => {
      const userId = String(args.user_id ?? "");
      if (!this.user(userId)) throw new SlackError("user_not_found");
      const view = jsonObject(args.view);
      if (view.type !== "home") throw new SlackError("invalid_arguments");
      this.homeTabs.set(userId, view);
      this.emit("change", { kind: "home", userId });
      return { view: { id: `VHOME${userId}`, type: "home", ...view } };
    },
  };

  private resolveChannel(id: string): string {
    if (/^[UW]/.test(id)) {
      if (!this.user(id)) throw new SlackError("channel_not_found");
      return this.dmChannel(id).id;
    }
    if (!this.channel(id)) throw new SlackError("channel_not_found");
    return id;
  }

  private nextTs(): string {
    this.clock = Math.max(this.clock, Math.floor(Date.now() / 1000));
    return `${this.clock}.${String(++this.sequence).padStart(6, "0")}`;
  }

  private addMessage(input: Omit<FakeMessage, "ts" | "replyCount">): FakeMessage {
    const message: FakeMessage = { ...input, ts: this.nextTs(), replyCount: 0 };
    if (message.threadTs) {
      const parent = this.messages.find((entry) => entry.channel === message.channel && entry.ts === message.threadTs);
      if (parent) parent.replyCount++;
    }
    this.messages.push(message);
    this.emit("change", { kind: "message", channel: message.channel });
    return message;
  }

  private openView(userId: string, view: Record<string, unknown>, previousViewId: string | null): FakeView {
    const id = `V${String(++this.sequence).padStart(8, "0")}`;
    const root = previousViewId ? (this.views.get(previousViewId)?.rootViewId ?? id) : id;
    const entry: FakeView = {
      id,
      userId,
      hash: `${Date.now()}.${this.sequence}`,
      view,
      rootViewId: root,
      previousViewId,
    };
    this.views.set(id, entry);
    const stack = previousViewId ? (this.openModals.get(userId) ?? []) : [];
    this.openModals.set(userId, [...stack, id]);
    this.emit("change", { kind: "modal", userId });
    return entry;
  }

  private replaceView(id: string, view: Record<string, unknown>): FakeView {
    const existing = this.views.get(id);
    if (!existing) throw new SlackError("not_found");
    existing.view = view;
    existing.hash = `${Date.now()}.${++this.sequence}`;
    this.emit("change", { kind: "modal", userId: existing.userId });
    return existing;
  }

  /** A view as Slack returns it (and sends it back in view_submission). */
  slackView(entry: FakeView): Record<string, unknown> {
    return {
      id: entry.id,
      team_id: this.directory.team.id,
      app_id: this.directory.appId,
      bot_id: this.directory.botId,
      hash: entry.hash,
      root_view_id: entry.rootViewId,
      previous_view_id: entry.previousViewId,
      private_metadata: "",
      callback_id: "",
      external_id: "",
      state: { values: {} },
      ...entry.view,
    };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseArgs(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

/** The Web API client sends blocks and views as JSON strings inside a form. */
function jsonArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) throw new SlackError("invalid_blocks_format");
  return parsed;
}

function jsonObject(value: unknown): Record<string, unknown> {
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  if (typeof parsed !== "object" || parsed === null) throw new SlackError("invalid_arguments");
  return parsed as Record<string, unknown>;
}

function requireContent(args: Record<string, unknown>): void {
  if (!args.text && jsonArray(args.blocks).length === 0) throw new SlackError("no_text");
  if (jsonArray(args.blocks).length > 50) throw new SlackError("invalid_blocks");
}

function validateModal(view: Record<string, unknown>): void {
  if (view.type !== "modal") throw new SlackError("invalid_arguments");
  if (jsonArray(view.blocks).length > 100) throw new SlackError("invalid_arguments");
}

function slackUser(user: FakeUser) {
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    real_name: user.realName,
    tz: user.tz,
    is_bot: user.isBot ?? false,
    profile: { real_name: user.realName, display_name: user.name, team: user.teamId },
  };
}

function slackChannel(channel: FakeChannel) {
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isIm && !channel.isPrivate,
    is_group: channel.isPrivate ?? false,
    is_im: channel.isIm ?? false,
    is_private: channel.isPrivate ?? false,
    is_ext_shared: channel.isExtShared ?? false,
    is_shared: channel.isExtShared ?? false,
    user: channel.user,
  };
}

function slackMessage(message: FakeMessage) {
  return {
    type: "message",
    user: message.user,
    bot_id: message.botId,
    text: message.text,
    blocks: message.blocks,
    ts: message.ts,
    thread_ts: message.threadTs,
  };
}
