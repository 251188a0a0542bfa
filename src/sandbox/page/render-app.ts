import { html, nothing, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { unsafeHTML } from "lit-html/directives/unsafe-html.js";
import type { ChannelView, MessageView, PersonaView, SandboxState } from "../sandbox-protocol";
import { dom } from "./dom";
import { renderModalOverlay } from "./modal";
import { renderBlocks } from "./render-blocks";
import type { RenderContext } from "./render-context";
import { avatar, type MessageOptions, renderMessage } from "./render-message";
import { dmChannel, markSeen, paneChannelId, renderContext, session, ui, unreadCount } from "./state";

/**
 * The page around the Block Kit surfaces: who is acting, the channel list, the pane, the thread
 * and the composer, as lit-html templates that update only what changed. Messages, blocks and
 * modals come from the pure string renderers (render-*.ts); each message is its own part, so a
 * new message leaves the others' DOM (an open overflow menu, a hovered card) alone.
 */

/** Trusted markup: the pure renderers escape every piece of text they are given. */
const markup = (text: string) => unsafeHTML(text);

const smallAvatar = (id: string, name: string) =>
  markup(avatar(id, name, "app").replace('class="avatar', 'class="avatar avatar-small'));

const externalBadge = (persona: PersonaView) =>
  persona.external
    ? html`<span class="external-badge" title="From another organization (Slack Connect)">external</span>`
    : nothing;

function switcherTemplate(current: SandboxState): TemplateResult {
  const me = current.me;
  const persona = (person: PersonaView) =>
    html`<button type="button" class="persona" role="option" data-persona=${person.userId}
      aria-selected=${person.userId === me.userId ? "true" : "false"}>${markup(avatar(person.userId, person.realName))}<span
        class="persona-text"><span class="persona-name">${person.realName}${externalBadge(person)}</span><span
          class="persona-role"><span class="role-chip role-${person.role}">${person.role}</span>${person.company}</span><span
          class="persona-about">${person.about}</span></span></button>`;
  const menu = session.switcherOpen
    ? html`<div class="switcher-menu" role="listbox" aria-label="Act as">${current.personas.map(persona)}</div>`
    : nothing;
  return html`<div class="switcher-label">Acting as</div><button type="button" class="switcher-button"
      data-switcher-toggle aria-haspopup="listbox" aria-expanded=${session.switcherOpen ? "true" : "false"}>${markup(
        avatar(me.userId, me.realName),
      )}<span class="who"><span class="who-name" data-testid="acting-as">${me.realName}${externalBadge(me)}</span><span
        class="who-role">${me.role} · ${me.company}</span></span><span class="caret">▾</span></button>${menu}`;
}

function navTemplate(current: SandboxState): TemplateResult {
  const active = paneChannelId();
  const badge = (unread: number) => (unread > 0 ? html`<span class="nav-badge">${unread}</span>` : nothing);
  const item = (channel: ChannelView) => {
    const unread = channel.id === active ? 0 : unreadCount(channel);
    const classes = [
      "nav-item",
      channel.id === active && ui.surface === "channel" ? "active" : "",
      unread > 0 ? "unread" : "",
    ];
    return html`<button type="button" class=${classes.filter(Boolean).join(" ")} data-nav-channel=${channel.id}><span
        class="nav-icon">#</span><span>${channel.name}</span>${
          channel.shared
            ? html`<span class="nav-shared" title="Shared with another organization (Slack Connect)">⇄</span>`
            : nothing
        }${badge(unread)}</button>`;
  };
  const dm = dmChannel();
  const dmUnread = dm && !(ui.surface === "app" && ui.appTab === "messages") ? unreadCount(dm) : 0;
  const app = current.homeAvailable
    ? html`<button type="button" class="nav-item${ui.surface === "app" ? " active" : ""}${dmUnread > 0 ? " unread" : ""}"
        data-nav-app>${smallAvatar(current.app.botUserId, current.app.name)}<span>${current.app.name}</span>${badge(dmUnread)}</button>`
    : html`<div class="nav-note">${current.app.name} is installed in ${current.team.name}, not in this person's
        organization: no App Home or DMs with it.</div>`;
  const channels = current.channels.filter((channel) => channel.kind === "channel");
  return html`<div class="nav-section">Channels</div>${channels.map(item)}<div class="nav-section">Apps</div>${app}${jobsTemplate(current)}`;
}

/** The admins' "Run scheduled jobs now": what the hourly jobs would do, without waiting for them. */
function jobsTemplate(current: SandboxState): TemplateResult | typeof nothing {
  if (current.me.role !== "admin") return nothing;
  return html`<div class="nav-section">Sandbox</div><button type="button" class="nav-item nav-jobs" data-run-jobs
      ?disabled=${session.runningJobs}
      title="Runs the hourly jobs now: protection reminders and expiries, reminders of registrations waiting for approval"><span
        class="nav-icon" aria-hidden="true">⏱</span><span>${session.runningJobs ? "Running jobs…" : "Run scheduled jobs now"}</span></button>`;
}

function headerTemplate(current: SandboxState): TemplateResult {
  const live = html`<span class="live" data-live=${session.live ? "on" : "off"} data-testid="live">${
    session.live ? "Live" : "Reconnecting…"
  }</span>`;
  if (ui.surface === "app") {
    const tab = (name: "home" | "messages", label: string) =>
      html`<button type="button" class="app-tab${ui.appTab === name ? " active" : ""}" data-app-tab=${name}>${label}</button>`;
    return html`<div class="pane-title">${smallAvatar(current.app.botUserId, current.app.name)}${current.app.name}</div><div
        class="app-tabs" role="tablist">${tab("home", "Home")}${tab("messages", "Messages")}</div>${live}`;
  }
  const channel = current.channel;
  const shared = channel?.shared
    ? html`<span class="connect-badge" title="Shared with another organization">Slack Connect</span>`
    : nothing;
  return html`<div class="pane-title"># ${channel?.name ?? ""}${shared}</div>${live}`;
}

function messageOptions(current: SandboxState, inThread: boolean): MessageOptions {
  return {
    appName: current.app.name,
    botUserId: current.app.botUserId,
    inThread,
    messageShortcuts: current.shortcuts.some((shortcut) => shortcut.type === "message"),
  };
}

function messageList(messages: MessageView[], ctx: RenderContext, options: MessageOptions) {
  return repeat(
    messages,
    (message) => message.ts,
    (message) => markup(renderMessage(message, ctx, options)),
  );
}

function channelIntro(current: SandboxState): TemplateResult | typeof nothing {
  const channel = current.channel;
  if (!channel) return nothing;
  const app = current.app.name;
  if (channel.kind === "dm") {
    return html`<div class="channel-intro"><h2>${app}</h2><p>Your direct messages with ${app}. Its notifications to you
        land here.</p></div>`;
  }
  const first = current.commands[0]?.command;
  const tip = first
    ? html` Type <code>/</code> below to see ${app}'s commands, e.g. <code>${first} help</code>.`
    : nothing;
  const shared = channel.shared ? " It is shared with a partner's organization through Slack Connect." : "";
  return html`<div class="channel-intro"><h2># ${channel.name}</h2><p>This is the very beginning of
      #${channel.name}.${shared}${tip}</p></div>`;
}

function homeTemplate(current: SandboxState, ctx: RenderContext): TemplateResult {
  if (current.home) {
    return html`<div class="home" data-surface="home" data-testid="home">${markup(renderBlocks(current.home.blocks, ctx))}</div>`;
  }
  const subscription = current.homeOpenedEvent
    ? html`Opening this tab sent the app an <code>app_home_opened</code> event; it answers with <code>views.publish</code>.`
    : html`The app's manifest.yml does not subscribe to <code>app_home_opened</code> yet, so Slack does not tell it when
        this tab opens. When a feature publishes a Home tab (<code>views.publish</code>), it appears here live.`;
  return html`<div class="home" data-surface="home" data-testid="home"><div class="empty-state" data-testid="home-empty">${markup(
    avatar(current.app.botUserId, current.app.name, "app"),
  )}<h2>No Home tab yet</h2><p>${current.app.name} has not published a Home tab for ${current.me.realName}.</p><p>${subscription}</p></div></div>`;
}

function nearBottom(element: HTMLElement): boolean {
  return element.scrollHeight - element.scrollTop - element.clientHeight < 120;
}

/** Renders into a scrolling list, keeping it at the bottom when the person was reading the latest. */
function renderStuckToBottom(template: TemplateResult, element: HTMLElement, stickable: boolean): void {
  const stick = stickable && nearBottom(element);
  render(template, element);
  if (stick) element.scrollTop = element.scrollHeight;
}

function renderPane(current: SandboxState, ctx: RenderContext): void {
  const home = ui.surface === "app" && ui.appTab === "home";
  const template = home
    ? homeTemplate(current, ctx)
    : html`${channelIntro(current)}<div class="messages" data-testid="messages">${messageList(
        current.messages,
        ctx,
        messageOptions(current, false),
      )}</div>`;
  renderStuckToBottom(template, dom.pane, !home);
  if (current.channel) markSeen(current.channel);
}

function renderThread(current: SandboxState, ctx: RenderContext): void {
  const showing = ui.thread !== undefined && current.thread.length > 0;
  dom.thread.hidden = !showing;
  if (!showing) return;
  const [parent, ...replies] = current.thread;
  const options = messageOptions(current, true);
  dom.threadChannel.textContent = current.channel?.kind === "dm" ? current.app.name : `#${current.channel?.name ?? ""}`;
  const template = html`${parent ? markup(renderMessage(parent, ctx, options)) : nothing}<div class="thread-divider">${
    replies.length
  } ${replies.length === 1 ? "reply" : "replies"}</div>${messageList(replies, ctx, options)}`;
  renderStuckToBottom(template, dom.threadMessages, true);
}

/** Grows a composer with its text, up to a limit. */
export function autosize(textarea: HTMLTextAreaElement): void {
  if (textarea.offsetParent === null) return;
  textarea.style.height = "auto";
  textarea.style.height = `${Math.min(textarea.scrollHeight, 160)}px`;
}

function renderComposer(current: SandboxState): void {
  const channel = current.channel;
  const showComposer = ui.surface === "channel" || ui.appTab === "messages";
  dom.composer.hidden = !showComposer || !channel;
  if (!channel) return;
  autosize(dom.input);
  dom.input.placeholder = `Message ${channel.kind === "dm" ? current.app.name : `#${channel.name}`}`;
  const app = current.app.name;
  const commands = current.commands.map((command) => command.command).join(", ");
  render(
    commands
      ? html`Type <kbd>/</kbd> for ${app}'s commands (${commands}) · <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd
            >Enter</kbd
          > for a new line`
      : html`${current.me.realName} is from another organization: ${app}'s slash commands are not available to them
        (Slack Connect). Buttons on its messages are.`,
    dom.composerHint,
  );
}

/** Draws everything the person sees from the server's latest state. */
export function renderApp(current: SandboxState): void {
  const ctx = renderContext(current);
  dom.workspace.textContent = current.team.name;
  render(switcherTemplate(current), dom.switcher);
  render(headerTemplate(current), dom.header);
  renderPane(current, ctx);
  render(navTemplate(current), dom.nav);
  renderThread(current, ctx);
  renderComposer(current);
  renderModalOverlay(current, ctx);
}
