import { EventEmitter } from "node:events";
import type { Db } from "../data/database";
import { createStore } from "../data/prisma-store";
import type { Logger } from "../logger";
import { AccessService } from "../services/access-service";
import { type FakeMessage, type FakeSlack, SLACKBOT_USER_ID } from "./fake-slack";
import type { FakeChannel } from "./fake-slack-directory";
import { canSeeChannel, PERSONAS } from "./personas";
import type { SandboxManifest } from "./sandbox-manifest";
import type {
  ActionRequest,
  ActionResult,
  ChannelView,
  Entered,
  MessageView,
  ModalView,
  PersonaView,
  SandboxState,
} from "./sandbox-protocol";
import type { AppAnswer, SlackClientSimulator } from "./slack-client-simulator";
import { encodeTypedText } from "./typed-text";

/**
 * Slack's side of the sandbox: what each person sees (channels, messages, their modal, their App
 * Home) and what happens when they type, click or submit — sent to the app through the
 * simulator exactly as Slack would, with Slack's own reactions to failures (Slackbot notes,
 * "We had some trouble connecting") shown where Slack shows them.
 */

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface DriverOptions {
  fake: FakeSlack;
  simulator: SlackClientSimulator;
  db: Db;
  manifest: SandboxManifest;
  hubAdmins: readonly string[];
  logger: Logger;
  /** How long Slack waits for the app to acknowledge (3 s; tests shorten it). */
  deadlineMs?: number;
}

/** Slack gives the app 3 seconds to acknowledge. */
const SLACK_DEADLINE_MS = 3_000;
const TROUBLE_CONNECTING = "We had some trouble connecting. Try again?";

interface ModalNote {
  viewId: string;
  hash: string;
  errors: Record<string, string>;
  failure?: string | undefined;
}

async function withinDeadline(work: Promise<AppAnswer>, deadlineMs: number): Promise<AppAnswer | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), deadlineMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([key, text]) => [key, String(text)]));
}

export class SandboxDriver extends EventEmitter {
  private readonly notes = new Map<string, ModalNote>();
  private readonly access: AccessService;
  private readonly forward = (change: unknown) => this.emit("change", change);

  constructor(private readonly options: DriverOptions) {
    super();
    // One listener per open page (server-sent events): many tabs are normal here.
    this.setMaxListeners(0);
    this.access = new AccessService(createStore(options.db), options.hubAdmins);
    options.fake.on("change", this.forward);
  }

  detach(): void {
    this.options.fake.off("change", this.forward);
  }

  private withinSlackDeadline(work: Promise<AppAnswer>): Promise<AppAnswer | "timeout"> {
    return withinDeadline(work, this.options.deadlineMs ?? SLACK_DEADLINE_MS);
  }

  private get fake(): FakeSlack {
    return this.options.fake;
  }

  private get team() {
    return this.fake.directory.team;
  }

  // ---- what a person sees ----------------------------------------------------------------------

  isExternal(userId: string): boolean {
    return (this.fake.user(userId)?.teamId ?? this.team.id) !== this.team.id;
  }

  private requirePersona(userId: string): void {
    if (!PERSONAS.some((persona) => persona.userId === userId)) {
      throw new SandboxError(404, `No sandbox person ${userId}.`);
    }
  }

  private dmOf = (userId: string) => this.fake.dmChannel(userId).id;

  private visibleChannels(userId: string): FakeChannel[] {
    const channels = this.fake.directory.channels.filter(
      (channel) => !channel.isIm && canSeeChannel(userId, channel.id, this.dmOf),
    );
    return this.isExternal(userId) ? channels : [...channels, this.fake.dmChannel(userId)];
  }

  private requireChannel(userId: string, channelId: string): FakeChannel {
    const channel = this.visibleChannels(userId).find((entry) => entry.id === channelId);
    if (!channel) throw new SandboxError(403, "You are not in that channel.");
    return channel;
  }

  private canSeeMessage(userId: string, message: FakeMessage): boolean {
    return (
      (message.visibleTo === undefined || message.visibleTo === userId) &&
      this.visibleChannels(userId).some((channel) => channel.id === message.channel)
    );
  }

  private async personaViews(): Promise<PersonaView[]> {
    const db = this.options.db;
    const store = createStore(db);
    const workspace = await db.workspace.findUnique({ where: { teamId: this.team.id }, select: { id: true } });
    const views: PersonaView[] = [];
    for (const persona of PERSONAS) {
      const user = this.fake.user(persona.userId);
      if (!user) continue;
      const external = this.isExternal(user.id);
      const member = workspace ? await store.members.find(workspace.id, user.id) : null;
      const role = member
        ? this.access.effectiveRole(member, external)
        : !external && this.access.isConfiguredAdmin(user.id)
          ? "admin"
          : "member";
      const partner =
        member?.partnerId != null
          ? await db.partner.findUnique({ where: { id: member.partnerId }, select: { name: true } })
          : external
            ? await db.partner.findFirst({ where: { connectTeamId: user.teamId }, select: { name: true } })
            : null;
      views.push({
        userId: user.id,
        name: user.name,
        realName: user.realName,
        role,
        company: partner?.name ?? (external ? `${user.teamId} (another organization)` : this.team.name),
        external,
        about: persona.about,
      });
    }
    return views;
  }

  private messageView(message: FakeMessage): MessageView {
    return {
      channel: message.channel,
      ts: message.ts,
      threadTs: message.threadTs,
      user: message.user,
      isBot: message.botId !== undefined || message.user === SLACKBOT_USER_ID,
      text: message.text,
      blocks: message.blocks as MessageView["blocks"],
      ephemeral: message.visibleTo !== undefined,
      replyCount: message.replyCount,
      edited: message.edited ?? false,
    };
  }

  private modalView(userId: string): ModalView | undefined {
    const top = this.fake.topModal(userId);
    if (!top) return undefined;
    const note = this.notes.get(userId);
    const current = note && note.viewId === top.id && note.hash === top.hash ? note : undefined;
    return {
      id: top.id,
      hash: top.hash,
      view: top.view,
      depth: (this.fake.openModals.get(userId) ?? []).length - 1,
      errors: current?.errors ?? {},
      failure: current?.failure,
    };
  }

  async state(userId: string, channelId?: string, threadTs?: string): Promise<SandboxState> {
    this.requirePersona(userId);
    const personas = await this.personaViews();
    const me = personas.find((persona) => persona.userId === userId);
    if (!me) throw new SandboxError(404, `No sandbox person ${userId}.`);
    const channels: ChannelView[] = this.visibleChannels(userId).map((channel) => ({
      id: channel.id,
      name: channel.isIm ? this.options.manifest.appName : channel.name,
      kind: channel.isIm ? "dm" : "channel",
      shared: channel.isExtShared ?? false,
      messageCount: this.fake.channelMessages(channel.id, { userId }).length,
    }));
    const channel = channels.find((entry) => entry.id === channelId);
    const external = this.isExternal(userId);
    return {
      team: { id: this.team.id, name: this.team.name },
      app: { name: this.options.manifest.appName, botUserId: this.fake.directory.botUserId },
      me,
      personas,
      channels,
      channel,
      messages: channel
        ? this.fake.channelMessages(channel.id, { userId }).map((entry) => this.messageView(entry))
        : [],
      thread:
        channel && threadTs
          ? this.fake.channelMessages(channel.id, { userId, threadTs }).map((entry) => this.messageView(entry))
          : [],
      modal: this.modalView(userId),
      home: external ? undefined : this.fake.homeTabs.get(userId),
      homeOpenedEvent: this.options.manifest.botEvents.has("app_home_opened"),
      homeAvailable: !external,
      commands: external ? [] : this.options.manifest.commands.map(({ shouldEscape: _, ...hint }) => hint),
      shortcuts: external ? [] : this.options.manifest.shortcuts,
      users: this.fake.directory.users
        .filter((user) => !user.isBot)
        .map((user) => ({ id: user.id, name: user.name, realName: user.realName, teamId: user.teamId, tz: user.tz })),
      allChannels: this.visibleChannels(userId)
        .filter((entry) => !entry.isIm)
        .map((entry) => ({ id: entry.id, name: entry.name })),
    };
  }

  // ---- what a person does ------------------------------------------------------------------------

  private slackbot(userId: string, channel: string, text: string): void {
    this.fake.postAsSlack({ channel, text, visibleTo: userId, from: "slackbot" });
  }

  /** `/partner list` typed in the composer. */
  async command(userId: string, channelId: string, typed: string): Promise<ActionResult> {
    this.requirePersona(userId);
    this.requireChannel(userId, channelId);
    const match = /^(\/\S+)\s*([\s\S]*)$/.exec(typed.trim());
    if (!match) throw new SandboxError(400, "A slash command starts with /.");
    const name = (match[1] ?? "").toLowerCase();
    const declared = this.options.manifest.commands.find((command) => command.command === name);
    if (!declared) {
      this.slackbot(
        userId,
        channelId,
        `\`${name}\` is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.`,
      );
      return { ok: true };
    }
    if (this.isExternal(userId)) {
      this.slackbot(
        userId,
        channelId,
        `\`${name}\` isn't available to you: ${this.options.manifest.appName} is installed in ${this.team.name}, and Slack doesn't share slash commands with people of other organizations in Slack Connect channels. Use the buttons on its messages instead.`,
      );
      return { ok: true };
    }
    const text = encodeTypedText(
      match[2] ?? "",
      this.fake.directory,
      declared.shouldEscape ? "command" : "escaped-only",
    );
    const answer = await this.withinSlackDeadline(
      this.options.simulator.command(userId, declared.command, text, channelId),
    );
    if (answer === "timeout" || answer.status !== 200) {
      const error = answer === "timeout" ? "operation_timeout" : "dispatch_failed";
      const detail = answer === "timeout" ? "no answer within 3 seconds" : `HTTP ${answer.status}`;
      this.slackbot(userId, channelId, `\`${name}\` failed with the error "${error}" (${detail}).`);
      return { ok: false, notice: `${name} failed: ${detail}` };
    }
    this.showAckBody(userId, channelId, answer);
    return { ok: true };
  }

  /** A command's ack with content is Slack's first answer: shown like a response_url message. */
  private showAckBody(userId: string, channelId: string, answer: AppAnswer): void {
    if (answer.body.trim() === "") return;
    const json = answer.json;
    const text = json ? String(json.text ?? "") : answer.body;
    const blocks = json && Array.isArray(json.blocks) ? (json.blocks as unknown[]) : [];
    if (text === "" && blocks.length === 0) return;
    this.fake.postAsSlack({
      channel: channelId,
      text,
      blocks,
      visibleTo: json?.response_type === "in_channel" ? undefined : userId,
      from: "app",
    });
  }

  /** Plain text typed in the composer: a message in the channel (or thread), and the events the app subscribed to. */
  async message(userId: string, channelId: string, typed: string, threadTs?: string): Promise<ActionResult> {
    this.requirePersona(userId);
    const channel = this.requireChannel(userId, channelId);
    if (typed.trim() === "") return { ok: true };
    if (
      threadTs &&
      !this.fake.messages.some(
        (entry) => entry.channel === channelId && entry.ts === threadTs && this.canSeeMessage(userId, entry),
      )
    ) {
      throw new SandboxError(404, "That thread is gone.");
    }
    const text = encodeTypedText(typed, this.fake.directory, "message");
    const posted = this.fake.postAsUser(userId, channelId, text, threadTs);
    const channelType = channel.isIm ? "im" : channel.isPrivate ? "group" : "channel";
    const subscription = channel.isIm ? "message.im" : channel.isPrivate ? "message.groups" : "message.channels";
    const event = { channel: channelId, user: userId, text, ts: posted.ts, ...(threadTs && { thread_ts: threadTs }) };
    const events = this.options.manifest.botEvents;
    if (events.has(subscription)) await this.deliver({ type: "message", channel_type: channelType, ...event });
    if (events.has("app_mention") && text.includes(`<@${this.fake.directory.botUserId}>`)) {
      await this.deliver({ type: "app_mention", ...event });
    }
    return { ok: true };
  }

  private async deliver(event: Record<string, unknown>): Promise<void> {
    const answer = await this.options.simulator.event(event);
    if (answer.status !== 200) {
      this.options.logger.warn({ event: event.type, status: answer.status }, "sandbox: the app refused an event");
    }
  }

  /** A click or selection on a message, in the open modal or on the App Home. */
  async action(request: ActionRequest): Promise<ActionResult> {
    const { user, target, actionId, blockId, value } = request;
    this.requirePersona(user);
    const simulator = this.options.simulator;
    let work: Promise<AppAnswer>;
    if (target.where === "message") {
      const message = this.fake.messages.find((entry) => entry.channel === target.channel && entry.ts === target.ts);
      if (!message || !this.canSeeMessage(user, message)) throw new SandboxError(404, "That message is gone.");
      work = simulator.messageAction(user, target, actionId, value, blockId);
    } else if (target.where === "modal") {
      if (!this.fake.topModal(user)) throw new SandboxError(404, "No modal is open.");
      work = simulator.viewAction(user, "modal", actionId, value, target.entered, blockId);
    } else {
      if (this.isExternal(user)) throw new SandboxError(403, "People of other organizations have no App Home here.");
      work = simulator.viewAction(user, "home", actionId, value, {}, blockId);
    }
    const answer = await this.withinSlackDeadline(
      work.catch((error: Error) => Promise.reject(new SandboxError(400, error.message))),
    );
    if (answer === "timeout") return { ok: false, notice: "The app did not acknowledge within 3 seconds." };
    if (answer.status !== 200) return { ok: false, notice: `The app answered HTTP ${answer.status} to that click.` };
    return { ok: true };
  }

  /** Submit of the person's top modal with what they entered. */
  async submit(userId: string, viewId: string, entered: Entered): Promise<ActionResult> {
    this.requirePersona(userId);
    const top = this.fake.topModal(userId);
    if (!top || top.id !== viewId) throw new SandboxError(409, "That view is no longer open.");
    const note = (errors: Record<string, string>, failure?: string) => {
      this.notes.set(userId, { viewId: top.id, hash: top.hash, errors, failure });
      this.emit("change", { kind: "modal", userId });
    };
    const answer = await this.withinSlackDeadline(
      this.options.simulator
        .submitView(userId, entered)
        .catch((error: Error) => Promise.reject(new SandboxError(400, error.message))),
    );
    if (answer === "timeout" || answer.status !== 200) {
      note({}, TROUBLE_CONNECTING);
      const detail = answer === "timeout" ? "no answer within 3 seconds" : `HTTP ${answer.status}`;
      return { ok: false, notice: `The app did not accept the submission (${detail}).` };
    }
    if (answer.json?.response_action === "errors") {
      const errors = stringRecord(answer.json.errors);
      const inputs = new Set(
        ((top.view.blocks as Record<string, unknown>[] | undefined) ?? [])
          .filter((block) => block.type === "input")
          .map((block) => String(block.block_id ?? "")),
      );
      const strays = Object.keys(errors).filter((blockId) => !inputs.has(blockId));
      // Slack rejects errors for blocks that are not inputs of the view: the person sees only a failure.
      if (strays.length > 0) {
        note({}, `${TROUBLE_CONNECTING} (The app sent errors for blocks that are not inputs: ${strays.join(", ")}.)`);
        return { ok: false, notice: "The app's response_action errors name unknown blocks." };
      }
      note(errors);
      return { ok: false, errors };
    }
    this.notes.delete(userId);
    return { ok: true };
  }

  /** Cancel / back (the top view) or the X (every view of the stack). */
  async close(userId: string, viewId: string, all: boolean): Promise<ActionResult> {
    this.requirePersona(userId);
    const top = this.fake.topModal(userId);
    if (!top || top.id !== viewId) throw new SandboxError(409, "That view is no longer open.");
    do {
      await this.options.simulator.closeView(userId);
    } while (all && this.fake.topModal(userId));
    this.notes.delete(userId);
    return { ok: true };
  }

  /** The person opened the app's Home or Messages tab: Slack tells the app if it subscribed. */
  async openApp(userId: string, tab: "home" | "messages"): Promise<ActionResult> {
    this.requirePersona(userId);
    if (this.isExternal(userId)) throw new SandboxError(403, "People of other organizations have no App Home here.");
    if (!this.options.manifest.botEvents.has("app_home_opened")) return { ok: true };
    const home = this.fake.homeTabs.get(userId);
    await this.deliver({
      type: "app_home_opened",
      user: userId,
      channel: this.fake.dmChannel(userId).id,
      tab,
      ...(home && { view: { id: `VHOME${userId}`, type: "home", ...home } }),
    });
    return { ok: true };
  }

  /** A global shortcut (lightning menu) or a message shortcut (a message's "More actions"). */
  async shortcut(userId: string, callbackId: string, target?: { channel: string; ts: string }): Promise<ActionResult> {
    this.requirePersona(userId);
    const declared = this.options.manifest.shortcuts.find((entry) => entry.callbackId === callbackId);
    if (!declared || this.isExternal(userId)) throw new SandboxError(404, "No such shortcut here.");
    let work: Promise<AppAnswer>;
    if (declared.type === "message") {
      const message = target
        ? this.fake.messages.find((entry) => entry.channel === target.channel && entry.ts === target.ts)
        : undefined;
      if (!message || !this.canSeeMessage(userId, message)) throw new SandboxError(404, "That message is gone.");
      work = this.options.simulator.messageShortcut(userId, callbackId, { channel: message.channel, ts: message.ts });
    } else {
      work = this.options.simulator.globalShortcut(userId, callbackId);
    }
    const answer = await this.withinSlackDeadline(work);
    if (answer === "timeout" || answer.status !== 200) {
      return { ok: false, notice: "The app did not acknowledge the shortcut." };
    }
    return { ok: true };
  }
}
