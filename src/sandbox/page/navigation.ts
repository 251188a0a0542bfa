import { html, render } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import type { SandboxState } from "../sandbox-protocol";
import { post, redraw, scheduleRefresh } from "./api";
import { restoreComposerDraft, saveComposerDraft } from "./composer";
import { dom, toast } from "./dom";
import { clearModalOverlay } from "./modal";
import type { PermalinkTarget } from "./permalink";
import { paneChannelId, saveUi, session, type Ui, ui } from "./state";

/** Moving around: channels, the app's tabs, threads, who is acting, and the shortcut menus. */

export function navigate(change: Partial<Ui>): void {
  saveComposerDraft();
  Object.assign(ui, change);
  saveUi();
  restoreComposerDraft();
  session.announceApp = ui.surface === "app";
  scheduleRefresh(0);
  // Channels open at their latest message, the App Home at its top (as in Slack); a followed
  // permalink scrolls to its message instead.
  window.setTimeout(() => {
    if (session.reveal) return;
    dom.pane.scrollTop = ui.surface === "app" && ui.appTab === "home" ? 0 : dom.pane.scrollHeight;
  }, 120);
}

/** How long a followed permalink waits for its message to be drawn before giving up. */
const REVEAL_WAIT_MS = 4_000;

/**
 * A permalink clicked in a message, a modal or the Home tab: Slack's client opens the channel (the
 * thread, for a reply) and shows the message there, rather than opening slack.com in a browser.
 */
export function followPermalink(target: PermalinkTarget): void {
  const channel = session.state?.channels.find((entry) => entry.id === target.channel);
  if (!channel) {
    toast("That message is in a conversation you're not part of.", true);
    return;
  }
  session.reveal = { ts: target.ts, inThread: target.threadTs !== undefined, until: Date.now() + REVEAL_WAIT_MS };
  const at =
    channel.kind === "dm"
      ? { surface: "app" as const, appTab: "messages" as const }
      : { surface: "channel" as const, channel: channel.id };
  navigate({ ...at, thread: target.threadTs });
}

/** After a draw: scrolls to the followed permalink's message and flashes it, once it is there. */
export function revealFollowedMessage(): void {
  const reveal = session.reveal;
  if (!reveal) return;
  const root = reveal.inThread ? dom.threadMessages : dom.pane;
  const element = root.querySelector<HTMLElement>(`.message[data-ts="${CSS.escape(reveal.ts)}"]`);
  if (!element) {
    if (Date.now() > reveal.until) session.reveal = undefined;
    return;
  }
  session.reveal = undefined;
  element.scrollIntoView({ block: "center" });
  element.classList.add("message-revealed");
  window.setTimeout(() => element.classList.remove("message-revealed"), 2_500);
}

/** Opening the app's Home or Messages tab: Slack tells the app (app_home_opened), once per opening. */
export function announceAppOpened(current: SandboxState): void {
  if (!session.announceApp || current.me.userId !== ui.user) return;
  session.announceApp = false;
  if (ui.surface === "app" && current.homeAvailable) void post("app-opened", { user: ui.user, tab: ui.appTab });
}

export function openThread(ts: string | undefined): void {
  ui.thread = ts;
  scheduleRefresh(0);
  window.setTimeout(() => dom.threadInput.focus(), 150);
}

export function closeThread(): void {
  ui.thread = undefined;
  dom.thread.hidden = true;
}

export function toggleSwitcher(open = !session.switcherOpen): void {
  session.switcherOpen = open;
  redraw();
}

export function switchPerson(userId: string): void {
  session.switcherOpen = false;
  if (userId === ui.user) {
    redraw();
    return;
  }
  clearModalOverlay();
  navigate({ user: userId, thread: undefined });
}

function showPopover(anchor: HTMLElement, content: ReturnType<typeof html>): void {
  render(content, dom.popover);
  dom.popover.hidden = false;
  const box = anchor.getBoundingClientRect();
  const height = dom.popover.offsetHeight;
  dom.popover.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - dom.popover.offsetWidth - 8))}px`;
  dom.popover.style.top = `${box.top - height - 6 > 8 ? box.top - height - 6 : box.bottom + 6}px`;
}

export function shortcutMenu(anchor: HTMLElement, type: "global" | "message", ts?: string): void {
  const shortcuts = (session.state?.shortcuts ?? []).filter((shortcut) => shortcut.type === type);
  const items = shortcuts.length
    ? shortcuts.map(
        (shortcut) =>
          html`<button type="button" class="popover-item" data-shortcut=${shortcut.callbackId}
            data-shortcut-ts=${ifDefined(ts)} title=${shortcut.description}>${shortcut.name}</button>`,
      )
    : html`<div class="popover-empty">manifest.yml declares no ${type} shortcuts yet.</div>`;
  showPopover(
    anchor,
    html`<div class="popover-title">Shortcuts of ${session.state?.app.name ?? "the app"}</div>${items}`,
  );
}

/** A global or message shortcut picked from its menu. */
export function runShortcut(item: HTMLElement): void {
  dom.popover.hidden = true;
  const ts = item.dataset.shortcutTs;
  void post("shortcut", {
    user: ui.user,
    callbackId: item.dataset.shortcut,
    channel: ts ? paneChannelId() : undefined,
    ts,
  });
}

/** The admin's "Run scheduled jobs now": the server says what the jobs did (a toast). */
export async function runScheduledJobs(): Promise<void> {
  if (session.runningJobs) return;
  session.runningJobs = true;
  redraw();
  try {
    await post("run-jobs", { user: ui.user });
  } finally {
    session.runningJobs = false;
    redraw();
  }
}
