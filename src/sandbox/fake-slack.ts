import { EventEmitter } from "node:events";
import { defaultDirectory, type FakeChannel, type FakeDirectory, type FakeUser } from "./fake-slack-directory";
import type { FakeFile } from "./fake-slack-file-store";
import { webApiMethods } from "./fake-slack-methods";
import { RateLimiter } from "./fake-slack-rate-limits";
import { FakeSlackServer } from "./fake-slack-server";
import { slackView } from "./fake-slack-shapes";
import { SlackState } from "./fake-slack-state";
import {
  type Failure,
  type FakeMessage,
  type FakeSlackSnapshot,
  type FakeView,
  type RateLimits,
  type RecordedCall,
  type ResponseUrlPost,
  SLACKBOT_USER_ID,
} from "./fake-slack-types";
import { RateLimitedError } from "./fake-slack-wire";

export type { FakeFile } from "./fake-slack-file-store";
export type {
  Failure,
  FakeMessage,
  FakeSlackSnapshot,
  FakeView,
  RateLimits,
  RecordedCall,
  ResponseUrlPost,
} from "./fake-slack-types";
export { SLACKBOT_USER_ID } from "./fake-slack-types";

/**
 * A local stand-in for Slack's Web API, used by the end-to-end tests, the sandbox and the
 * benchmarks. It answers the methods the app calls with bodies shaped like Slack's, keeps the
 * messages, views and home tabs it was given, records every call, accepts response_url posts, can
 * be told to fail, and enforces Slack's posting limits when asked. This class is the facade the
 * callers use; the server, the state, the methods and the wire format live in fake-slack-*.ts.
 */
export class FakeSlack extends EventEmitter {
  readonly directory: FakeDirectory;
  readonly calls: RecordedCall[] = [];
  readonly responses: ResponseUrlPost[];
  readonly messages: FakeMessage[];
  readonly views: Map<string, FakeView>;
  /** The modal stack each user currently has open, bottom first. */
  readonly openModals: Map<string, string[]>;
  readonly homeTabs: Map<string, Record<string, unknown>>;
  /** How many HTTP 429s the fake answered (enforced limits and queued failures); benchmarks print it. */
  rateLimitedCount = 0;
  private readonly state: SlackState;
  private readonly failures = new Map<string, Failure[]>();
  private readonly server: FakeSlackServer;
  private limiter: RateLimiter | undefined;

  constructor(directory: FakeDirectory = defaultDirectory()) {
    super();
    this.directory = directory;
    this.state = new SlackState(
      directory,
      (change) => this.emit("change", change),
      () => this.server.url,
    );
    this.responses = this.state.responses;
    this.messages = this.state.messages;
    this.views = this.state.views;
    this.openModals = this.state.openModals;
    this.homeTabs = this.state.homeTabs;
    const methods = webApiMethods(this.state, {
      admitPost: (channel) => {
        const retryAfter = this.limiter?.admit(channel);
        if (retryAfter !== undefined) throw new RateLimitedError(retryAfter);
      },
    });
    this.server = new FakeSlackServer({
      record: (call) => {
        this.calls.push(call);
        this.emit("call", { method: call.method, args: call.args });
      },
      takeFailure: (method) => this.failures.get(method)?.shift(),
      call: (method, args) => methods[method]?.(args),
      postToResponseUrl: (id, body) => this.state.postToResponseUrl(id, body),
      upload: (key, bytes) => this.state.files.receive(key, bytes),
      download: (id) => this.file(id),
      rateLimited: () => {
        this.rateLimitedCount++;
      },
    });
  }

  /** The base URL of the fake, http://127.0.0.1:<port>; empty until start(). */
  get url(): string {
    return this.server.url;
  }

  /** The base URL to give the app as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async start(port = 0): Promise<this> {
    await this.server.start(port);
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  // ---- what tests and the sandbox use -------------------------------------------------------

  /** The next `times` calls of `method` fail as described. */
  failNext(method: string, failure: Failure, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(method, queue);
  }

  /**
   * Off by default. When on, chat.postMessage answers HTTP 429 with Retry-After as Slack does
   * once a channel had its posts of the last second or the workspace used up its budget for the
   * second; `false` turns it off again. Only chat.postMessage carries Slack's per-channel limit;
   * ephemeral notes and edits answer the one person who acted and are not held back here.
   */
  enforceRateLimits(limits: RateLimits | false): void {
    this.limiter = limits === false ? undefined : new RateLimiter(limits);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** An uploaded file with its bytes, once files.completeUploadExternal made it known. */
  file(id: string): FakeFile | undefined {
    const file = this.state.files.get(id);
    return file?.completed ? file : undefined;
  }

  /** Every uploaded file Slack knows, oldest first (the last FILE_LIMIT). */
  get files(): FakeFile[] {
    return this.state.files.list();
  }

  user(id: string): FakeUser | undefined {
    return this.state.user(id);
  }

  channel(id: string): FakeChannel | undefined {
    return this.state.channel(id);
  }

  /** A trigger_id as Slack sends with an interaction: views.open accepts it for 3 seconds, once. */
  issueTrigger(userId: string): string {
    return this.state.issueTrigger(userId);
  }

  /** A response_url for an interaction in `channel` by `userId` (optionally about one message). */
  issueResponseUrl(context: { channel: string; userId: string; messageTs?: string | undefined }): string {
    return `${this.url}/response/${this.state.issueResponseUrl(context)}`;
  }

  /** Messages of a channel (top level unless `threadTs`), as `userId` would see them. */
  channelMessages(channel: string, options: { userId?: string; threadTs?: string } = {}): FakeMessage[] {
    return this.state.channelMessages(channel, options);
  }

  /** What a restart keeps, as Slack would: see SlackState.snapshot. */
  snapshot(): FakeSlackSnapshot {
    return this.state.snapshot();
  }

  /** Takes back what snapshot() kept, replacing the messages and Home tabs. */
  restore(snapshot: FakeSlackSnapshot): void {
    this.state.restore(snapshot);
  }

  /** The DM channel between the app and a user, created on first use. */
  dmChannel(userId: string): FakeChannel {
    return this.state.dmChannel(userId);
  }

  topModal(userId: string): FakeView | undefined {
    return this.state.topModal(userId);
  }

  /** Posts a message as a person (the sandbox composer). */
  postAsUser(userId: string, channel: string, text: string, threadTs?: string): FakeMessage {
    return this.state.addMessage({ channel, user: userId, text, blocks: [], threadTs });
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
    return this.state.addMessage({
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
    if (action === "errors") return;
    if (action === "update" && response?.view) {
      this.state.replaceView(viewId, response.view as Record<string, unknown>);
      return;
    }
    if (action === "push" && response?.view) {
      this.state.openView(userId, response.view as Record<string, unknown>, viewId);
      return;
    }
    this.state.closeViews(userId, action === "clear" ? "all" : viewId);
  }

  /** The user closed the top modal (the sandbox's Cancel). */
  closeModal(userId: string, viewId: string): void {
    this.state.closeViews(userId, viewId);
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

  /** A view as Slack returns it (and sends it back in view_submission). */
  slackView(entry: FakeView): Record<string, unknown> {
    return slackView(this.directory, entry);
  }
}
