import type { AccessService } from "../services/access-service";
import type { Store } from "../services/store";
import { type FakeMessage, type FakeSlack, SLACKBOT_USER_ID } from "./fake-slack";
import { PERSONAS } from "./personas";
import { type PersonaSight, SandboxError } from "./sandbox-driver-sight";
import type { SandboxManifest } from "./sandbox-manifest";
import type { ChannelView, MessageView, ModalView, PersonaView, SandboxState } from "./sandbox-protocol";

/**
 * The page's picture of Slack for one person: who everyone is (with their role and company as
 * Partner Hub has them, read through the app's own repositories and access rules), the person's
 * channels, messages, thread, open modal and App Home.
 */

/** What Slack shows on a modal after a submit: the app's errors by block, or its failure to answer. */
export interface ModalNote {
  viewId: string;
  hash: string;
  errors: Record<string, string>;
  failure?: string | undefined;
}

export interface StateSources {
  fake: FakeSlack;
  sight: PersonaSight;
  store: Store;
  access: AccessService;
  manifest: SandboxManifest;
  /** The last submit's note per user; the driver writes it, the page reads it with the modal. */
  notes: ReadonlyMap<string, ModalNote>;
}

export class SandboxStateReader {
  constructor(private readonly sources: StateSources) {}

  private get fake(): FakeSlack {
    return this.sources.fake;
  }

  private readonly view = (message: FakeMessage): MessageView => messageView(message, this.sources.fake);

  async state(userId: string, channelId?: string, threadTs?: string): Promise<SandboxState> {
    const { sight, manifest } = this.sources;
    sight.requirePersona(userId);
    const personas = await this.personaViews();
    const me = personas.find((persona) => persona.userId === userId);
    if (!me) throw new SandboxError(404, `No sandbox person ${userId}.`);
    const visible = sight.visibleChannels(userId);
    const channels: ChannelView[] = visible.map((channel) => ({
      id: channel.id,
      name: channel.isIm ? manifest.appName : channel.name,
      kind: channel.isIm ? "dm" : "channel",
      shared: channel.isExtShared ?? false,
      messageCount: this.fake.channelMessages(channel.id, { userId }).length,
    }));
    const channel = channels.find((entry) => entry.id === channelId);
    const external = sight.isExternal(userId);
    const team = this.fake.directory.team;
    return {
      team: { id: team.id, name: team.name, domain: team.domain },
      app: { name: manifest.appName, botUserId: this.fake.directory.botUserId },
      me,
      personas,
      channels,
      channel,
      messages: channel ? this.fake.channelMessages(channel.id, { userId }).map(this.view) : [],
      thread: channel && threadTs ? this.fake.channelMessages(channel.id, { userId, threadTs }).map(this.view) : [],
      modal: this.modalView(userId),
      home: external ? undefined : this.fake.homeTabs.get(userId),
      homeOpenedEvent: manifest.botEvents.has("app_home_opened"),
      homeAvailable: !external,
      commands: external ? [] : manifest.commands.map(({ shouldEscape: _, ...hint }) => hint),
      shortcuts: external ? [] : manifest.shortcuts,
      users: this.fake.directory.users
        .filter((user) => !user.isBot)
        .map((user) => ({ id: user.id, name: user.name, realName: user.realName, teamId: user.teamId, tz: user.tz })),
      allChannels: visible.filter((entry) => !entry.isIm).map((entry) => ({ id: entry.id, name: entry.name })),
    };
  }

  /** The role Partner Hub gives a persona now (admin | manager | member). */
  async role(userId: string): Promise<string | undefined> {
    return (await this.personaViews()).find((persona) => persona.userId === userId)?.role;
  }

  /** Each persona with the role and company Partner Hub gives them (a page read never writes). */
  private async personaViews(): Promise<PersonaView[]> {
    const { store, access, sight } = this.sources;
    const team = this.fake.directory.team;
    const workspace = await store.workspaces.find(team.id);
    const views: PersonaView[] = [];
    for (const persona of PERSONAS) {
      const user = this.fake.user(persona.userId);
      if (!user) continue;
      const external = sight.isExternal(user.id);
      const member = workspace ? await store.members.find(workspace.id, user.id) : null;
      const role = member
        ? access.effectiveRole(member, external)
        : !external && access.isConfiguredAdmin(user.id)
          ? "admin"
          : "member";
      const partner = !workspace
        ? null
        : member?.partnerId != null
          ? await store.partners.findById(workspace.id, member.partnerId)
          : external
            ? await store.partners.findByConnectTeam(workspace.id, user.teamId)
            : null;
      views.push({
        userId: user.id,
        name: user.name,
        realName: user.realName,
        role,
        company: partner?.name ?? (external ? `${user.teamId} (another organization)` : team.name),
        external,
        about: persona.about,
      });
    }
    return views;
  }

  private modalView(userId: string): ModalView | undefined {
    const top = this.fake.topModal(userId);
    if (!top) return undefined;
    const note = this.sources.notes.get(userId);
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
}

function messageView(message: FakeMessage, fake: FakeSlack): MessageView {
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
    files: (message.files ?? []).map((id) => {
      const file = fake.file(id);
      return file
        ? { id, title: file.title, mimetype: file.mimetype, available: true }
        : { id, title: "", mimetype: "", available: false };
    }),
  };
}
