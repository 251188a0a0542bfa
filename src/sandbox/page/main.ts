/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type {
  ActionResult,
  ActionTarget,
  ChannelView,
  Entered,
  Json,
  PersonaView,
  SandboxState,
} from "../sandbox-protocol";
import { attrs, escapeHtml } from "./html";
import { plainLabel, renderBlocks, stateKey } from "./render-blocks";
import type { RenderContext } from "./render-context";
import { avatar, renderMessage } from "./render-message";
import { renderModal } from "./render-modal";
import { renderMrkdwn } from "./render-mrkdwn";

/**
 * The sandbox page: a small Slack client. It shows what the server says one person sees
 * (GET /sandbox/state), sends what they do to /sandbox/* (the server forwards it to the app as
 * Slack would), and refetches whenever /sandbox/events reports a change.
 */

type Surface = "channel" | "app";

interface Ui {
  user: string;
  channel: string | undefined;
  surface: Surface;
  appTab: "home" | "messages";
  thread: string | undefined;
}

const STORAGE_KEY = "partner-hub-sandbox";

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

const dom = {
  workspace: byId("workspace-name"),
  switcher: byId("switcher"),
  nav: byId("nav"),
  header: byId("pane-header"),
  pane: byId("pane"),
  composer: byId<HTMLFormElement>("composer"),
  input: byId<HTMLTextAreaElement>("composer-input"),
  hints: byId("command-hints"),
  composerHint: byId("composer-hint"),
  thread: byId("thread"),
  threadChannel: byId("thread-channel"),
  threadMessages: byId("thread-messages"),
  threadComposer: byId<HTMLFormElement>("thread-composer"),
  threadInput: byId<HTMLTextAreaElement>("thread-input"),
  overlay: byId("overlay"),
  confirm: byId("confirm"),
  popover: byId("popover"),
  toasts: byId("toasts"),
};

function loadUi(): Ui {
  const fallback: Ui = { user: "U0ADMIN", channel: "C0SALES", surface: "channel", appTab: "home", thread: undefined };
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}") as Partial<Ui>;
    return { ...fallback, ...saved, thread: undefined };
  } catch {
    return fallback;
  }
}

const ui = loadUi();
let state: SandboxState | undefined;
let switcherOpen = false;
let live = false;
let renderedModal: { id: string; hash: string } | undefined;
let announceApp = ui.surface === "app";
const viewDrafts = new Map<string, Entered>();
const composerDrafts = new Map<string, string>();
const seen = new Map<string, number>();
const rendered = { pane: "", thread: "", nav: "", switcher: "", header: "" };

function saveUi(): void {
  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({ user: ui.user, channel: ui.channel, surface: ui.surface, appTab: ui.appTab }),
  );
}

// ---- talking to the server ---------------------------------------------------------------------

async function post(path: string, body: object): Promise<ActionResult> {
  try {
    const response = await fetch(`/sandbox/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as ActionResult;
    if (result.notice) toast(result.notice, !result.ok);
    return result;
  } catch {
    toast("The sandbox server did not answer. Is npm start still running?", true);
    return { ok: false };
  } finally {
    scheduleRefresh(0);
  }
}

function dmChannel(): ChannelView | undefined {
  return state?.channels.find((channel) => channel.kind === "dm");
}

/** The channel whose messages the main pane shows (the DM on the app's Messages tab). */
function paneChannelId(): string | undefined {
  if (ui.surface === "app") return ui.appTab === "messages" ? dmChannel()?.id : undefined;
  return ui.channel;
}

let refreshSequence = 0;
let refreshTimer: number | undefined;

function scheduleRefresh(delay = 40): void {
  window.clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => void refresh(), delay);
}

async function refresh(): Promise<void> {
  const sequence = ++refreshSequence;
  const params = new URLSearchParams({ user: ui.user });
  const channel = paneChannelId();
  if (channel) params.set("channel", channel);
  if (ui.thread && channel) params.set("thread", ui.thread);
  let next: SandboxState;
  try {
    const response = await fetch(`/sandbox/state?${params}`);
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as ActionResult;
      if (response.status === 404 && ui.user !== "U0ADMIN") {
        ui.user = "U0ADMIN";
        saveUi();
        scheduleRefresh(0);
        return;
      }
      toast(body.notice ?? `The sandbox answered ${response.status}.`, true);
      return;
    }
    next = (await response.json()) as SandboxState;
  } catch {
    return;
  }
  if (sequence !== refreshSequence) return;
  state = next;
  if (reconcile(next)) {
    scheduleRefresh(0);
    return;
  }
  render(next);
}

/** Brings the UI back to something this person can see; true when the state must be refetched. */
function reconcile(current: SandboxState): boolean {
  if (ui.surface === "app" && !current.homeAvailable) ui.surface = "channel";
  if (ui.surface === "channel" && !current.channels.some((channel) => channel.id === ui.channel)) {
    ui.channel = current.channels.find((channel) => channel.kind === "channel")?.id;
    ui.thread = undefined;
    saveUi();
    return ui.channel !== undefined;
  }
  if (ui.surface === "app" && ui.appTab === "messages" && current.channel?.id !== dmChannel()?.id) return true;
  if (ui.thread && current.thread.length === 0) ui.thread = undefined;
  return false;
}

// ---- rendering -----------------------------------------------------------------------------------

function context(current: SandboxState): RenderContext {
  const users: RenderContext["users"] = {};
  for (const user of current.users) {
    users[user.id] = { name: user.name, realName: user.realName, external: user.teamId !== current.team.id };
  }
  const channels: Record<string, string> = {};
  for (const channel of current.allChannels) channels[channel.id] = channel.name;
  const me = current.users.find((user) => user.id === current.me.userId);
  return { users, channels, me: current.me.userId, timeZone: me?.tz };
}

function roleChip(role: string): string {
  return `<span class="role-chip role-${escapeHtml(role)}">${escapeHtml(role)}</span>`;
}

function externalBadge(persona: PersonaView): string {
  return persona.external
    ? '<span class="external-badge" title="From another organization (Slack Connect)">external</span>'
    : "";
}

function setHtml(key: keyof typeof rendered, element: HTMLElement, html: string): boolean {
  if (rendered[key] === html) return false;
  rendered[key] = html;
  element.innerHTML = html;
  return true;
}

function renderSwitcher(current: SandboxState): void {
  const me = current.me;
  const menu = switcherOpen
    ? `<div class="switcher-menu" role="listbox" aria-label="Act as">${current.personas
        .map(
          (persona) =>
            `<button type="button" class="persona" role="option"${attrs({
              "data-persona": persona.userId,
              "aria-selected": persona.userId === me.userId ? "true" : "false",
            })}>${avatar(persona.userId, persona.realName)}<span class="persona-text"><span class="persona-name">${escapeHtml(persona.realName)}${externalBadge(persona)}</span><span class="persona-role">${roleChip(persona.role)}${escapeHtml(persona.company)}</span><span class="persona-about">${escapeHtml(persona.about)}</span></span></button>`,
        )
        .join("")}</div>`
    : "";
  setHtml(
    "switcher",
    dom.switcher,
    `<div class="switcher-label">Acting as</div><button type="button" class="switcher-button" data-switcher-toggle aria-haspopup="listbox"${attrs({ "aria-expanded": switcherOpen ? "true" : "false" })}>${avatar(me.userId, me.realName)}<span class="who"><span class="who-name" data-testid="acting-as">${escapeHtml(me.realName)}${externalBadge(me)}</span><span class="who-role">${escapeHtml(me.role)} · ${escapeHtml(me.company)}</span></span><span class="caret">▾</span></button>${menu}`,
  );
}

function unreadCount(channel: ChannelView): number {
  const key = `${ui.user}:${channel.id}`;
  if (!seen.has(key)) seen.set(key, channel.messageCount);
  return Math.max(0, channel.messageCount - (seen.get(key) ?? 0));
}

function renderNav(current: SandboxState): void {
  const active = paneChannelId();
  const item = (channel: ChannelView) => {
    const unread = channel.id === active ? 0 : unreadCount(channel);
    const classes = [
      "nav-item",
      channel.id === active && ui.surface === "channel" ? "active" : "",
      unread > 0 ? "unread" : "",
    ];
    return `<button type="button" class="${classes.filter(Boolean).join(" ")}"${attrs({ "data-nav-channel": channel.id })}><span class="nav-icon">#</span><span>${escapeHtml(channel.name)}</span>${channel.shared ? '<span class="nav-shared" title="Shared with another organization (Slack Connect)">⇄</span>' : ""}${unread > 0 ? `<span class="nav-badge">${unread}</span>` : ""}</button>`;
  };
  const channels = current.channels.filter((channel) => channel.kind === "channel");
  const dm = dmChannel();
  const dmUnread = dm && !(ui.surface === "app" && ui.appTab === "messages") ? unreadCount(dm) : 0;
  const app = current.homeAvailable
    ? `<div class="nav-section">Apps</div><button type="button" class="nav-item${ui.surface === "app" ? " active" : ""}${dmUnread > 0 ? " unread" : ""}" data-nav-app>${avatar(current.app.botUserId, current.app.name, "app").replace('class="avatar', 'class="avatar avatar-small')}<span>${escapeHtml(current.app.name)}</span>${dmUnread > 0 ? `<span class="nav-badge">${dmUnread}</span>` : ""}</button>`
    : `<div class="nav-section">Apps</div><div class="nav-note">${escapeHtml(current.app.name)} is installed in ${escapeHtml(current.team.name)}, not in this person's organization: no App Home or DMs with it.</div>`;
  setHtml("nav", dom.nav, `<div class="nav-section">Channels</div>${channels.map(item).join("")}${app}`);
}

function renderHeader(current: SandboxState): void {
  const liveBadge = `<span class="live" data-live="${live ? "on" : "off"}" data-testid="live">${live ? "Live" : "Reconnecting…"}</span>`;
  if (ui.surface === "app") {
    const tab = (name: "home" | "messages", label: string) =>
      `<button type="button" class="app-tab${ui.appTab === name ? " active" : ""}"${attrs({ "data-app-tab": name })}>${label}</button>`;
    setHtml(
      "header",
      dom.header,
      `<div class="pane-title">${avatar(current.app.botUserId, current.app.name, "app").replace('class="avatar', 'class="avatar avatar-small')}${escapeHtml(current.app.name)}</div><div class="app-tabs" role="tablist">${tab("home", "Home")}${tab("messages", "Messages")}</div>${liveBadge}`,
    );
    return;
  }
  const channel = current.channel;
  const shared = channel?.shared
    ? '<span class="connect-badge" title="Shared with another organization">Slack Connect</span>'
    : "";
  setHtml(
    "header",
    dom.header,
    `<div class="pane-title"># ${escapeHtml(channel?.name ?? "")}${shared}</div>${liveBadge}`,
  );
}

function messageOptions(current: SandboxState, inThread: boolean) {
  return {
    appName: current.app.name,
    botUserId: current.app.botUserId,
    inThread,
    messageShortcuts: current.shortcuts.some((shortcut) => shortcut.type === "message"),
  };
}

function nearBottom(element: HTMLElement): boolean {
  return element.scrollHeight - element.scrollTop - element.clientHeight < 120;
}

function channelIntro(current: SandboxState): string {
  const channel = current.channel;
  if (!channel) return "";
  if (channel.kind === "dm") {
    return `<div class="channel-intro"><h2>${escapeHtml(current.app.name)}</h2><p>Your direct messages with ${escapeHtml(current.app.name)}. Its notifications to you land here.</p></div>`;
  }
  const first = current.commands[0]?.command;
  const tip = first
    ? ` Type <code>/</code> below to see ${escapeHtml(current.app.name)}'s commands, e.g. <code>${escapeHtml(first)} help</code>.`
    : "";
  const shared = channel.shared ? " It is shared with a partner's organization through Slack Connect." : "";
  return `<div class="channel-intro"><h2># ${escapeHtml(channel.name)}</h2><p>This is the very beginning of #${escapeHtml(channel.name)}.${shared}${tip}</p></div>`;
}

function renderHome(current: SandboxState, ctx: RenderContext): string {
  if (current.home) {
    return `<div class="home" data-surface="home" data-testid="home">${renderBlocks(current.home.blocks, ctx)}</div>`;
  }
  const subscription = current.homeOpenedEvent
    ? `Opening this tab sent the app an <code>app_home_opened</code> event; it answers with <code>views.publish</code>.`
    : `The app's manifest.yml does not subscribe to <code>app_home_opened</code> yet, so Slack does not tell it when this tab opens. When a feature publishes a Home tab (<code>views.publish</code>), it appears here live.`;
  return `<div class="home" data-surface="home" data-testid="home"><div class="empty-state" data-testid="home-empty">${avatar(current.app.botUserId, current.app.name, "app")}<h2>No Home tab yet</h2><p>${escapeHtml(current.app.name)} has not published a Home tab for ${escapeHtml(current.me.realName)}.</p><p>${subscription}</p></div></div>`;
}

function renderPane(current: SandboxState): void {
  const ctx = context(current);
  const stick = nearBottom(dom.pane);
  let html: string;
  if (ui.surface === "app" && ui.appTab === "home") {
    html = renderHome(current, ctx);
  } else {
    const messages = current.messages
      .map((message) => renderMessage(message, ctx, messageOptions(current, false)))
      .join("");
    html = `${channelIntro(current)}<div class="messages" data-testid="messages">${messages}</div>`;
  }
  const changed = setHtml("pane", dom.pane, html);
  if (changed && stick && !(ui.surface === "app" && ui.appTab === "home")) dom.pane.scrollTop = dom.pane.scrollHeight;
  const channel = current.channel;
  if (channel) seen.set(`${ui.user}:${channel.id}`, channel.messageCount);
}

function renderThread(current: SandboxState): void {
  const showing = ui.thread !== undefined && current.thread.length > 0;
  dom.thread.hidden = !showing;
  if (!showing) {
    rendered.thread = "";
    return;
  }
  const ctx = context(current);
  const [parent, ...replies] = current.thread;
  const options = messageOptions(current, true);
  const divider = `<div class="thread-divider">${replies.length} ${replies.length === 1 ? "reply" : "replies"}</div>`;
  dom.threadChannel.textContent = current.channel?.kind === "dm" ? current.app.name : `#${current.channel?.name ?? ""}`;
  const stick = nearBottom(dom.threadMessages);
  const html = `${parent ? renderMessage(parent, ctx, options) : ""}${divider}${replies.map((reply) => renderMessage(reply, ctx, options)).join("")}`;
  if (setHtml("thread", dom.threadMessages, html) && stick)
    dom.threadMessages.scrollTop = dom.threadMessages.scrollHeight;
}

function renderComposer(current: SandboxState): void {
  const channel = current.channel;
  const showComposer = ui.surface === "channel" || ui.appTab === "messages";
  dom.composer.hidden = !showComposer || !channel;
  if (!channel) return;
  autosize(dom.input);
  const target = channel.kind === "dm" ? current.app.name : `#${channel.name}`;
  dom.input.placeholder = `Message ${target}`;
  const commands = current.commands.map((command) => command.command).join(", ");
  dom.composerHint.innerHTML = commands
    ? `Type <kbd>/</kbd> for ${escapeHtml(current.app.name)}'s commands (${escapeHtml(commands)}) · <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line`
    : `${escapeHtml(current.me.realName)} is from another organization: ${escapeHtml(current.app.name)}'s slash commands are not available to them (Slack Connect). Buttons on its messages are.`;
}

function render(current: SandboxState): void {
  dom.workspace.textContent = current.team.name;
  renderSwitcher(current);
  renderHeader(current);
  renderPane(current);
  renderNav(current);
  renderThread(current);
  renderComposer(current);
  renderModalOverlay(current);
  announceAppOpened(current);
}

// ---- modal -------------------------------------------------------------------------------------

function modalForm(): HTMLFormElement | null {
  return dom.overlay.querySelector<HTMLFormElement>(".modal-form");
}

/** What the person entered in a surface, keyed "block_id.action_id" as view-state.ts reads it. */
function collectEntered(root: ParentNode): Entered {
  const entered: Entered = {};
  for (const element of root.querySelectorAll<HTMLElement>("[name][data-type]")) {
    const name = element.getAttribute("name") ?? "";
    if (element instanceof HTMLInputElement && element.type === "checkbox") {
      const chosen = (entered[name] as string[] | undefined) ?? [];
      if (element.checked) chosen.push(element.value);
      entered[name] = chosen;
    } else if (element instanceof HTMLInputElement && element.type === "radio") {
      if (!(name in entered)) entered[name] = null;
      if (element.checked) entered[name] = element.value;
    } else if (element instanceof HTMLSelectElement) {
      entered[name] = element.multiple
        ? Array.from(element.selectedOptions, (option) => option.value)
        : element.value === ""
          ? null
          : element.value;
    } else if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
      entered[name] = element.value === "" ? null : element.value;
    }
  }
  return entered;
}

function showModalErrors(errors: Record<string, string>, failure?: string): void {
  for (const slot of dom.overlay.querySelectorAll<HTMLElement>("[data-error-for]")) {
    const message = errors[slot.dataset.errorFor ?? ""];
    slot.textContent = message ?? "";
    slot.hidden = !message;
    slot.closest(".block-input")?.classList.toggle("has-error", Boolean(message));
  }
  const banner = dom.overlay.querySelector<HTMLElement>(".modal-failure");
  if (banner) {
    banner.textContent = failure ?? "";
    banner.hidden = !failure;
  }
}

function renderModalOverlay(current: SandboxState): void {
  const modal = current.modal;
  const form = modalForm();
  if (renderedModal && form) viewDrafts.set(renderedModal.id, collectEntered(form));
  if (!modal) {
    if (renderedModal) {
      dom.overlay.hidden = true;
      dom.overlay.innerHTML = "";
      renderedModal = undefined;
    }
    return;
  }
  if (!renderedModal || renderedModal.id !== modal.id || renderedModal.hash !== modal.hash) {
    const typing = renderedModal?.id === modal.id ? focusedField() : undefined;
    dom.overlay.innerHTML = renderModal(modal.view, context(current), {
      viewId: modal.id,
      depth: modal.depth,
      drafts: viewDrafts.get(modal.id),
      appName: current.app.name,
    });
    dom.overlay.hidden = false;
    const firstField = dom.overlay.querySelector<HTMLElement>(
      ".modal-body input, .modal-body textarea, .modal-body select",
    );
    if (renderedModal?.id !== modal.id) firstField?.focus();
    // The app updated the view while the person was typing in it: they keep typing where they were.
    else if (typing) restoreFocus(typing);
    renderedModal = { id: modal.id, hash: modal.hash };
  }
  showModalErrors(modal.errors, modal.failure);
}

interface FocusedField {
  name: string;
  start: number | null;
  end: number | null;
}

function focusedField(): FocusedField | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) return undefined;
  if (!dom.overlay.contains(active) || !active.name) return undefined;
  const text = active instanceof HTMLTextAreaElement || active.type === "text";
  return { name: active.name, start: text ? active.selectionStart : null, end: text ? active.selectionEnd : null };
}

function restoreFocus(field: FocusedField): void {
  const element = dom.overlay.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `[name="${CSS.escape(field.name)}"]`,
  );
  if (!element) return;
  element.focus();
  if (field.start !== null && field.end !== null) element.setSelectionRange(field.start, field.end);
}

/** Slack's own checks before a submit reaches the app: required fields and each input's limits. */
function checkRequired(view: Json, form: HTMLFormElement, entered: Entered): Record<string, string> {
  const errors: Record<string, string> = {};
  const blocks = Array.isArray(view.blocks) ? (view.blocks as Json[]) : [];
  for (const block of blocks) {
    if (block.type !== "input") continue;
    const blockId = String(block.block_id ?? "");
    const element = (block.element ?? {}) as Json;
    const key = stateKey(blockId, String(element.action_id ?? ""));
    const value = entered[key];
    const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
    if (empty && block.optional !== true) {
      errors[blockId] = "Please complete this required field.";
      continue;
    }
    const field = form.querySelector<HTMLInputElement>(`[name="${CSS.escape(key)}"]`);
    if (field && "checkValidity" in field && !field.checkValidity()) errors[blockId] = field.validationMessage;
  }
  return errors;
}

async function submitModal(): Promise<void> {
  const modal = state?.modal;
  const form = modalForm();
  if (!modal || !form) return;
  // A submit supersedes the as-you-type check still waiting to be sent.
  window.clearTimeout(characterTimer);
  const entered = collectEntered(form);
  const problems = checkRequired(modal.view, form, entered);
  if (Object.keys(problems).length > 0) {
    showModalErrors(problems);
    form.querySelector(".has-error")?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    return;
  }
  const button = form.querySelector<HTMLButtonElement>('[data-modal="submit"]');
  if (button) button.disabled = true;
  try {
    const result = await post("submit", { user: ui.user, viewId: modal.id, entered });
    if (result.errors) {
      showModalErrors(result.errors);
      form.querySelector(".has-error")?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  } finally {
    if (button) button.disabled = false;
  }
}

async function closeModal(all: boolean): Promise<void> {
  const modal = state?.modal;
  if (!modal) return;
  await post("close", { user: ui.user, viewId: modal.id, all });
}

// ---- interactive elements ----------------------------------------------------------------------

function findElementJson(blocks: unknown, blockId: string, actionId: string): Json | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as Json[]) {
    if (blockId && String(block.block_id ?? "") !== blockId) continue;
    const candidates = [
      ...(Array.isArray(block.elements) ? (block.elements as Json[]) : []),
      ...(block.accessory ? [block.accessory as Json] : []),
      ...(block.element ? [block.element as Json] : []),
    ];
    const found = candidates.find((element) => element.action_id === actionId);
    if (found) return found;
  }
  return undefined;
}

function surfaceBlocks(surface: HTMLElement): unknown {
  const kind = surface.dataset.surface;
  if (kind === "modal") return state?.modal?.view.blocks;
  if (kind === "home") return state?.home?.blocks;
  const ts = surface.dataset.ts;
  return [...(state?.messages ?? []), ...(state?.thread ?? [])].find((message) => message.ts === ts)?.blocks;
}

function elementValue(element: HTMLElement): string | string[] | undefined {
  if (element instanceof HTMLSelectElement) {
    return element.multiple ? Array.from(element.selectedOptions, (option) => option.value) : element.value;
  }
  if (element instanceof HTMLInputElement && element.type === "checkbox") {
    const group = element.closest(".choices") ?? element.parentElement;
    return Array.from(group?.querySelectorAll<HTMLInputElement>("input:checked") ?? [], (input) => input.value);
  }
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return element.value;
  return element.dataset.value;
}

/** Slack's confirmation dialog for elements that carry `confirm`. */
function confirmDialog(confirm: Json, ctx: RenderContext): Promise<boolean> {
  return new Promise((resolve) => {
    const title = plainLabel(confirm.title) || "Are you sure?";
    const text = (confirm.text ?? {}) as Json;
    const body =
      text.type === "mrkdwn" ? renderMrkdwn(String(text.text ?? ""), ctx) : escapeHtml(String(text.text ?? ""));
    const style = confirm.style === "danger" ? "btn-danger" : "btn-primary";
    dom.confirm.innerHTML = `<div class="modal confirm" role="alertdialog" aria-modal="true"><header class="modal-header"><h2>${escapeHtml(title)}</h2></header><div class="modal-body">${body}</div><footer class="modal-footer"><button type="button" class="btn" data-confirm="no">${escapeHtml(plainLabel(confirm.deny) || "Cancel")}</button><button type="button" class="btn ${style}" data-confirm="yes">${escapeHtml(plainLabel(confirm.confirm) || "Yes")}</button></footer></div>`;
    dom.confirm.hidden = false;
    const done = (answer: boolean) => {
      dom.confirm.hidden = true;
      dom.confirm.innerHTML = "";
      dom.confirm.removeEventListener("click", onClick);
      resolve(answer);
    };
    const onClick = (event: Event) => {
      const choice = (event.target as HTMLElement).closest<HTMLElement>("[data-confirm]")?.dataset.confirm;
      if (choice) done(choice === "yes");
      else if (event.target === dom.confirm) done(false);
    };
    dom.confirm.addEventListener("click", onClick);
  });
}

async function elementAction(element: HTMLElement): Promise<void> {
  const surface = element.closest<HTMLElement>("[data-surface]");
  const current = state;
  if (!surface || !current) return;
  const actionId = element.dataset.actionId ?? "";
  const blockId = element.dataset.blockId ?? "";
  const json = findElementJson(surfaceBlocks(surface), blockId, actionId);
  element.closest("details")?.removeAttribute("open");
  const confirm = json?.confirm as Json | undefined;
  if (confirm && !(await confirmDialog(confirm, context(current)))) return;
  const url = element.dataset.url;
  if (url) window.open(url, "_blank", "noopener");
  let target: ActionTarget;
  const kind = surface.dataset.surface;
  if (kind === "message")
    target = { where: "message", channel: surface.dataset.channel ?? "", ts: surface.dataset.ts ?? "" };
  else if (kind === "modal") target = { where: "modal", entered: collectEntered(modalForm() ?? surface) };
  else target = { where: "home" };
  await post("action", {
    user: ui.user,
    target,
    actionId,
    blockId: blockId || undefined,
    value: elementValue(element),
  });
}

// ---- composer ----------------------------------------------------------------------------------

function commandMatches(text: string) {
  const word = text.trimStart().split(/\s/)[0] ?? "";
  if (!word.startsWith("/") || /\s/.test(text.trimStart().slice(word.length, word.length + 1))) return [];
  return (state?.commands ?? []).filter((command) => command.command.startsWith(word.toLowerCase()));
}

function renderCommandHints(): void {
  const text = dom.input.value;
  const matches = text.startsWith("/") && !text.includes(" ") ? commandMatches(text) : [];
  dom.hints.hidden = matches.length === 0;
  dom.hints.innerHTML = matches.length
    ? `<div class="command-hints-title">Commands of ${escapeHtml(state?.app.name ?? "the app")}</div>${matches
        .map(
          (command, index) =>
            `<button type="button" class="command-hint${index === 0 ? " selected" : ""}"${attrs({ "data-command-hint": command.command })}><span class="command-name">${escapeHtml(command.command)}</span><span class="command-usage">${escapeHtml(command.usageHint)}</span><span class="command-description">${escapeHtml(command.description)}</span></button>`,
        )
        .join("")}`
    : "";
}

function completeCommand(command: string): void {
  dom.input.value = `${command} `;
  dom.input.focus();
  renderCommandHints();
  saveComposerDraft();
}

function saveComposerDraft(): void {
  const channel = paneChannelId();
  if (channel) composerDrafts.set(`${ui.user}:${channel}`, dom.input.value);
}

function restoreComposerDraft(): void {
  const channel = paneChannelId();
  dom.input.value = channel ? (composerDrafts.get(`${ui.user}:${channel}`) ?? "") : "";
  renderCommandHints();
  autosize(dom.input);
}

function autosize(textarea: HTMLTextAreaElement): void {
  if (textarea.offsetParent === null) return;
  textarea.style.height = "auto";
  textarea.style.height = `${Math.min(textarea.scrollHeight, 160)}px`;
}

async function send(text: string, threadTs?: string): Promise<void> {
  const channel = paneChannelId();
  if (!channel || text.trim() === "") return;
  if (text.trimStart().startsWith("/")) {
    await post("command", { user: ui.user, channel, text: text.trim() });
  } else {
    await post("message", { user: ui.user, channel, text, threadTs });
  }
}

// ---- navigation ---------------------------------------------------------------------------------

function navigate(change: Partial<Ui>): void {
  saveComposerDraft();
  Object.assign(ui, change);
  saveUi();
  restoreComposerDraft();
  rendered.pane = "";
  announceApp = ui.surface === "app";
  scheduleRefresh(0);
  // Channels open at their latest message, the App Home at its top (as in Slack).
  window.setTimeout(() => {
    dom.pane.scrollTop = ui.surface === "app" && ui.appTab === "home" ? 0 : dom.pane.scrollHeight;
  }, 120);
}

/** Opening the app's Home or Messages tab: Slack tells the app (app_home_opened), once per opening. */
function announceAppOpened(current: SandboxState): void {
  if (!announceApp || current.me.userId !== ui.user) return;
  announceApp = false;
  if (ui.surface === "app" && current.homeAvailable) void post("app-opened", { user: ui.user, tab: ui.appTab });
}

function switchPerson(userId: string): void {
  switcherOpen = false;
  if (userId === ui.user) {
    if (state) render(state);
    return;
  }
  if (renderedModal) {
    dom.overlay.hidden = true;
    dom.overlay.innerHTML = "";
    renderedModal = undefined;
  }
  navigate({ user: userId, thread: undefined });
}

function showPopover(anchor: HTMLElement, html: string): void {
  dom.popover.innerHTML = html;
  dom.popover.hidden = false;
  const box = anchor.getBoundingClientRect();
  const height = dom.popover.offsetHeight;
  dom.popover.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - dom.popover.offsetWidth - 8))}px`;
  dom.popover.style.top = `${box.top - height - 6 > 8 ? box.top - height - 6 : box.bottom + 6}px`;
}

function shortcutMenu(anchor: HTMLElement, type: "global" | "message", ts?: string): void {
  const shortcuts = (state?.shortcuts ?? []).filter((shortcut) => shortcut.type === type);
  const items = shortcuts.length
    ? shortcuts
        .map(
          (shortcut) =>
            `<button type="button" class="popover-item"${attrs({ "data-shortcut": shortcut.callbackId, "data-shortcut-ts": ts, title: shortcut.description })}>${escapeHtml(shortcut.name)}</button>`,
        )
        .join("")
    : `<div class="popover-empty">manifest.yml declares no ${type} shortcuts yet.</div>`;
  showPopover(
    anchor,
    `<div class="popover-title">Shortcuts of ${escapeHtml(state?.app.name ?? "the app")}</div>${items}`,
  );
}

function toast(text: string, error = false): void {
  const element = document.createElement("div");
  element.className = `toast${error ? " toast-error" : ""}`;
  element.textContent = text;
  dom.toasts.append(element);
  window.setTimeout(() => element.remove(), 5_000);
}

// ---- events -------------------------------------------------------------------------------------

document.addEventListener("click", (event) => {
  const target = event.target as HTMLElement;
  if (!target.closest("#popover") && !target.closest("[data-global-shortcuts], [data-message-shortcuts]")) {
    dom.popover.hidden = true;
  }
  for (const open of document.querySelectorAll("details.overflow[open]")) {
    if (!open.contains(target)) open.removeAttribute("open");
  }
  const hit = <T extends HTMLElement = HTMLElement>(selector: string) => target.closest<T>(selector);

  if (switcherOpen && !hit("#switcher")) {
    switcherOpen = false;
    if (state) renderSwitcher(state);
  }
  const persona = hit("[data-persona]");
  if (persona) return switchPerson(persona.dataset.persona ?? ui.user);
  if (hit("[data-switcher-toggle]")) {
    switcherOpen = !switcherOpen;
    if (state) renderSwitcher(state);
    return;
  }
  const channel = hit("[data-nav-channel]");
  if (channel) return navigate({ surface: "channel", channel: channel.dataset.navChannel, thread: undefined });
  if (hit("[data-nav-app]")) return navigate({ surface: "app", appTab: "home", thread: undefined });
  const tab = hit("[data-app-tab]");
  if (tab) return navigate({ appTab: tab.dataset.appTab === "messages" ? "messages" : "home", thread: undefined });
  const thread = hit("[data-thread]");
  if (thread) {
    ui.thread = thread.dataset.thread;
    rendered.thread = "";
    scheduleRefresh(0);
    window.setTimeout(() => dom.threadInput.focus(), 150);
    return;
  }
  if (hit("[data-close-thread]")) {
    ui.thread = undefined;
    if (state) renderThread({ ...state, thread: [] });
    return;
  }
  const hint = hit("[data-command-hint]");
  if (hint) return completeCommand(hint.dataset.commandHint ?? "");
  const modalButton = hit("[data-modal]");
  if (modalButton && modalButton.dataset.modal !== "submit") {
    void closeModal(modalButton.dataset.modal === "close-all");
    return;
  }
  const globalShortcuts = hit("[data-global-shortcuts]");
  if (globalShortcuts) return shortcutMenu(globalShortcuts, "global");
  const messageShortcuts = hit("[data-message-shortcuts]");
  if (messageShortcuts) return shortcutMenu(messageShortcuts, "message", messageShortcuts.dataset.messageShortcuts);
  const shortcut = hit("[data-shortcut]");
  if (shortcut) {
    dom.popover.hidden = true;
    const ts = shortcut.dataset.shortcutTs;
    void post("shortcut", {
      user: ui.user,
      callbackId: shortcut.dataset.shortcut,
      channel: ts ? paneChannelId() : undefined,
      ts,
    });
    return;
  }
  const button = hit<HTMLButtonElement>("button[data-action-id]");
  if (button) void elementAction(button);
});

document.addEventListener("change", (event) => {
  const element = (event.target as HTMLElement).closest<HTMLElement>("[data-action-id]");
  if (!element || element.dataset.input === "true" || element instanceof HTMLButtonElement) return;
  if (element instanceof HTMLInputElement && ["text", "number", "email", "url"].includes(element.type)) return;
  if (element instanceof HTMLTextAreaElement) return;
  void elementAction(element);
});

/** Slack sends block_actions a moment after the person stops typing in inputs that ask for it. */
const CHARACTER_ENTERED_DELAY_MS = 400;
let characterTimer: number | undefined;

function dispatchesOnCharacter(element: HTMLElement): boolean {
  const surface = element.closest<HTMLElement>("[data-surface]");
  if (!surface) return false;
  const json = findElementJson(surfaceBlocks(surface), element.dataset.blockId ?? "", element.dataset.actionId ?? "");
  const triggers = (json?.dispatch_action_config as Json | undefined)?.trigger_actions_on;
  return Array.isArray(triggers) && triggers.includes("on_character_entered");
}

document.addEventListener("input", (event) => {
  const element = (event.target as HTMLElement).closest<HTMLElement>("[data-action-id]");
  if (!element || element.dataset.input === "true") return;
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return;
  if (!["text", "textarea", "email", "url", "number"].includes(element.type) || !dispatchesOnCharacter(element)) return;
  const name = element.name;
  const viewId = state?.modal?.id;
  window.clearTimeout(characterTimer);
  characterTimer = window.setTimeout(() => {
    if (element.isConnected) return void elementAction(element);
    // The app updated the view meanwhile: act on the field as it is now, unless the view is gone.
    const current = name ? dom.overlay.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) : null;
    if (current && state?.modal?.id === viewId) void elementAction(current);
  }, CHARACTER_ENTERED_DELAY_MS);
});

document.addEventListener("keydown", (event) => {
  const target = event.target as HTMLElement;
  if (event.key === "Escape") {
    if (!dom.confirm.hidden) return;
    if (!dom.popover.hidden) dom.popover.hidden = true;
    else if (state?.modal) void closeModal(false);
    return;
  }
  if (event.key !== "Enter" || !(target instanceof HTMLInputElement)) return;
  // Enter never submits a modal (as in Slack); it dispatches an input that asks for it.
  if (target.closest(".modal-form")) event.preventDefault();
  if (
    target.dataset.actionId &&
    target.dataset.input !== "true" &&
    target.type !== "checkbox" &&
    target.type !== "radio"
  ) {
    event.preventDefault();
    void elementAction(target);
  }
});

dom.overlay.addEventListener("submit", (event) => {
  event.preventDefault();
  void submitModal();
});

dom.composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = dom.input.value;
  dom.input.value = "";
  saveComposerDraft();
  renderCommandHints();
  autosize(dom.input);
  void send(text);
});

dom.input.addEventListener("input", () => {
  saveComposerDraft();
  renderCommandHints();
  autosize(dom.input);
});

dom.input.addEventListener("keydown", (event) => {
  if (event.key === "Tab" && !dom.hints.hidden) {
    const first = dom.hints.querySelector<HTMLElement>("[data-command-hint]");
    if (first) {
      event.preventDefault();
      completeCommand(first.dataset.commandHint ?? "");
    }
    return;
  }
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    dom.composer.requestSubmit();
  }
});

dom.threadComposer.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = dom.threadInput.value;
  dom.threadInput.value = "";
  autosize(dom.threadInput);
  void send(text, ui.thread);
});

dom.threadInput.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    dom.threadComposer.requestSubmit();
  }
});

dom.threadInput.addEventListener("input", () => autosize(dom.threadInput));

// ---- live updates -------------------------------------------------------------------------------

function setLive(on: boolean): void {
  live = on;
  const badge = dom.header.querySelector<HTMLElement>("[data-testid=live]");
  if (badge) {
    badge.dataset.live = on ? "on" : "off";
    badge.textContent = on ? "Live" : "Reconnecting…";
  }
  rendered.header = "";
}

const events = new EventSource("/sandbox/events");
events.addEventListener("open", () => {
  setLive(true);
  scheduleRefresh(0);
});
events.addEventListener("error", () => setLive(false));
events.addEventListener("change", () => scheduleRefresh());

restoreComposerDraft();
void refresh();
