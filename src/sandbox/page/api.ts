import type { ActionResult, SandboxState } from "../sandbox-protocol";
import { toast } from "./dom";
import { dmChannel, paneChannelId, saveUi, session, ui } from "./state";

/**
 * Talking to the sandbox server: what a person does goes to POST /sandbox/*, what they see comes
 * from GET /sandbox/state, fetched again after each action and each change the live stream reports.
 */

let draw: (current: SandboxState) => void = () => {};

/** Called with every state the server sends, once it is reconciled with where the person is. */
export function onState(render: (current: SandboxState) => void): void {
  draw = render;
}

/** Draws the last state again, after a change that is the page's alone (a menu opened). */
export function redraw(): void {
  if (session.state) draw(session.state);
}

export async function post(path: string, body: object): Promise<ActionResult> {
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

let refreshSequence = 0;
let refreshTimer: number | undefined;

/** Refetches soon; changes that come in a burst are fetched once. */
export function scheduleRefresh(delay = 40): void {
  window.clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => void refresh(), delay);
}

/** Fetches what the person sees now; an answer overtaken by a newer request is dropped. */
export async function refresh(): Promise<void> {
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
  session.state = next;
  if (reconcile(next)) {
    scheduleRefresh(0);
    return;
  }
  draw(next);
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
