import type { FakeMessage, FakeSlack } from "./fake-slack";
import type { FakeChannel } from "./fake-slack-directory";
import { canSeeChannel, PERSONAS } from "./personas";

/**
 * What Slack lets a sandbox person see before the app has a say: their own channels and DM, the
 * messages there that are not someone else's ephemeral note. Every page request and every click
 * is checked against it, so the page cannot reach what the person could not reach in Slack.
 */

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class PersonaSight {
  constructor(private readonly fake: FakeSlack) {}

  /** A Slack Connect person: their user belongs to another organization's team. */
  isExternal(userId: string): boolean {
    const team = this.fake.directory.team.id;
    return (this.fake.user(userId)?.teamId ?? team) !== team;
  }

  requirePersona(userId: string): void {
    if (!PERSONAS.some((persona) => persona.userId === userId)) {
      throw new SandboxError(404, `No sandbox person ${userId}.`);
    }
  }

  private dmOf = (userId: string) => this.fake.dmChannel(userId).id;

  /** The person's channels, and for people of the app's own organization their DM with the app. */
  visibleChannels(userId: string): FakeChannel[] {
    const channels = this.fake.directory.channels.filter(
      (channel) => !channel.isIm && canSeeChannel(userId, channel.id, this.dmOf),
    );
    return this.isExternal(userId) ? channels : [...channels, this.fake.dmChannel(userId)];
  }

  requireChannel(userId: string, channelId: string): FakeChannel {
    const channel = this.visibleChannels(userId).find((entry) => entry.id === channelId);
    if (!channel) throw new SandboxError(403, "You are not in that channel.");
    return channel;
  }

  canSeeMessage(userId: string, message: FakeMessage): boolean {
    return (
      (message.visibleTo === undefined || message.visibleTo === userId) &&
      this.visibleChannels(userId).some((channel) => channel.id === message.channel)
    );
  }

  /** The message at `channel`/`ts` if the person can see it. */
  visibleMessage(userId: string, channel: string, ts: string): FakeMessage | undefined {
    const message = this.fake.messages.find((entry) => entry.channel === channel && entry.ts === ts);
    return message && this.canSeeMessage(userId, message) ? message : undefined;
  }
}
