import { EventEmitter } from "node:events";
import type { Logger } from "../logger";
import type { AccessService } from "../services/access-service";
import type { Store } from "../services/store";
import type { FakeSlack } from "./fake-slack";
import { PersonaSight, SandboxError } from "./sandbox-driver-sight";
import { type ModalNote, SandboxStateReader } from "./sandbox-driver-state";
import { describeJobsReport, type ScheduledJobsReport } from "./sandbox-jobs";
import type { SandboxManifest } from "./sandbox-manifest";
import type { ActionRequest, ActionResult, Entered, SandboxState } from "./sandbox-protocol";
import type { AppAnswer, SlackClientSimulator } from "./slack-client-simulator";
import { encodeTypedText } from "./typed-text";

export { SandboxError } from "./sandbox-driver-sight";

/**
 * Slack's side of the sandbox: what happens when a person types, clicks or submits — sent to the
 * app through the simulator exactly as Slack would, with Slack's own reactions to failures
 * (Slackbot notes, "We had some trouble connecting") shown where Slack shows them. What each
 * person sees is sandbox-driver-state.ts; what they may reach is sandbox-driver-sight.ts.
 */

export interface DriverOptions {
  fake: FakeSlack;
  simulator: SlackClientSimulator;
  /** The app's repositories: the page reads roles and companies as the app has them. */
  store: Store;
  /** The app's own access rules (HUB_ADMINS, Slack Connect guests), not a second copy. */
  access: AccessService;
  manifest: SandboxManifest;
  logger: Logger;
  /** How long Slack waits for the app to acknowledge (3 s; tests shorten it). */
  deadlineMs?: number;
  /** The app's scheduled jobs, run now (the admins' control on the page); left out, the page has none. */
  runJobs?: () => Promise<ScheduledJobsReport>;
}

/** Slack gives the app 3 seconds to acknowledge. */
const SLACK_DEADLINE_MS = 3_000;
const TROUBLE_CONNECTING = "We had some trouble connecting. Try again?";

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
  private readonly sight: PersonaSight;
  private readonly reader: SandboxStateReader;
  private readonly forward = (change: unknown) => this.emit("change", change);

  constructor(private readonly options: DriverOptions) {
    super();
    // One listener per open page (server-sent events): many tabs are normal here.
    this.setMaxListeners(0);
    this.sight = new PersonaSight(options.fake);
    this.reader = new SandboxStateReader({ ...options, sight: this.sight, notes: this.notes });
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

  /** What `userId` sees: their channels, the channel and thread open, their modal, their App Home. */
  state(userId: string, channelId?: string, threadTs?: string): Promise<SandboxState> {
    return this.reader.state(userId, channelId, threadTs);
  }

  /** An uploaded file's bytes and type, for the page's images; undefined once the fake let go of it. */
  file(id: string): { bytes: Buffer; mimetype: string } | undefined {
    const file = this.options.fake.file(id);
    return file?.bytes ? { bytes: file.bytes, mimetype: file.mimetype } : undefined;
  }

  // ---- what a person does ------------------------------------------------------------------------

  private slackbot(userId: string, channel: string, text: string): void {
    this.fake.postAsSlack({ channel, text, visibleTo: userId, from: "slackbot" });
  }

  /** `/partner list` typed in the composer. */
  async command(userId: string, channelId: string, typed: string): Promise<ActionResult> {
    this.sight.requirePersona(userId);
    this.sight.requireChannel(userId, channelId);
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
    if (this.sight.isExternal(userId)) {
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
    this.sight.requirePersona(userId);
    const channel = this.sight.requireChannel(userId, channelId);
    if (typed.trim() === "") return { ok: true };
    if (threadTs && !this.sight.visibleMessage(userId, channelId, threadTs)) {
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
    this.sight.requirePersona(user);
    const simulator = this.options.simulator;
    let work: Promise<AppAnswer>;
    if (target.where === "message") {
      if (!this.sight.visibleMessage(user, target.channel, target.ts)) {
        throw new SandboxError(404, "That message is gone.");
      }
      work = simulator.messageAction(user, target, actionId, value, blockId);
    } else if (target.where === "modal") {
      if (!this.fake.topModal(user)) throw new SandboxError(404, "No modal is open.");
      work = simulator.viewAction(user, "modal", actionId, value, target.entered, blockId);
    } else {
      if (this.sight.isExternal(user))
        throw new SandboxError(403, "People of other organizations have no App Home here.");
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
    this.sight.requirePersona(userId);
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
    this.sight.requirePersona(userId);
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
    this.sight.requirePersona(userId);
    if (this.sight.isExternal(userId))
      throw new SandboxError(403, "People of other organizations have no App Home here.");
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

  /** "Run scheduled jobs now": for the app's admins only, as any operations control would be. */
  async runScheduledJobs(userId: string): Promise<ActionResult> {
    this.sight.requirePersona(userId);
    const runJobs = this.options.runJobs;
    if (!runJobs) throw new SandboxError(404, "This sandbox runs no scheduled jobs.");
    if ((await this.reader.role(userId)) !== "admin") {
      throw new SandboxError(403, "Only Partner Hub admins can run the scheduled jobs.");
    }
    return { ok: true, notice: describeJobsReport(await runJobs()) };
  }

  /** A global shortcut (lightning menu) or a message shortcut (a message's "More actions"). */
  async shortcut(userId: string, callbackId: string, target?: { channel: string; ts: string }): Promise<ActionResult> {
    this.sight.requirePersona(userId);
    const declared = this.options.manifest.shortcuts.find((entry) => entry.callbackId === callbackId);
    if (!declared || this.sight.isExternal(userId)) throw new SandboxError(404, "No such shortcut here.");
    let work: Promise<AppAnswer>;
    if (declared.type === "message") {
      const message = target && this.sight.visibleMessage(userId, target.channel, target.ts);
      if (!message) throw new SandboxError(404, "That message is gone.");
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
