import { html, nothing, render } from "lit-html";
import { unsafeHTML } from "lit-html/directives/unsafe-html.js";
import type { ActionTarget, Json } from "../sandbox-protocol";
import { post } from "./api";
import { dom } from "./dom";
import { collectEntered, modalForm } from "./modal";
import { followPermalink } from "./navigation";
import { parsePermalink } from "./permalink";
import { plainLabel } from "./render-blocks";
import type { RenderContext } from "./render-context";
import { renderMrkdwn } from "./render-mrkdwn";
import { renderContext, session, ui } from "./state";

/**
 * Interactive elements in messages, the Home tab and modals: what a click, a choice or typing
 * sends to the app as block_actions, after the element's confirm dialog when it has one.
 */

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
  const state = session.state;
  const kind = surface.dataset.surface;
  if (kind === "modal") return state?.modal?.view.blocks;
  if (kind === "home") return state?.home?.blocks;
  const ts = surface.dataset.ts;
  return [...(state?.messages ?? []), ...(state?.thread ?? [])].find((message) => message.ts === ts)?.blocks;
}

/** The Block Kit JSON of the element a DOM element was drawn from. */
function elementJson(element: HTMLElement): Json | undefined {
  const surface = element.closest<HTMLElement>("[data-surface]");
  if (!surface) return undefined;
  return findElementJson(surfaceBlocks(surface), element.dataset.blockId ?? "", element.dataset.actionId ?? "");
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
    const text = (confirm.text ?? {}) as Json;
    const body =
      text.type === "mrkdwn" ? unsafeHTML(renderMrkdwn(String(text.text ?? ""), ctx)) : String(text.text ?? "");
    const style = confirm.style === "danger" ? "btn-danger" : "btn-primary";
    render(
      html`<div class="modal confirm" role="alertdialog" aria-modal="true"><header class="modal-header"><h2>${
        plainLabel(confirm.title) || "Are you sure?"
      }</h2></header><div class="modal-body">${body}</div><footer class="modal-footer"><button type="button" class="btn"
            data-confirm="no">${plainLabel(confirm.deny) || "Cancel"}</button><button type="button" class="btn ${style}"
            data-confirm="yes">${plainLabel(confirm.confirm) || "Yes"}</button></footer></div>`,
      dom.confirm,
    );
    dom.confirm.hidden = false;
    const done = (answer: boolean) => {
      dom.confirm.hidden = true;
      render(nothing, dom.confirm);
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

/** Sends block_actions for the element the person used. */
export async function elementAction(element: HTMLElement): Promise<void> {
  const surface = element.closest<HTMLElement>("[data-surface]");
  const current = session.state;
  if (!surface || !current) return;
  const json = elementJson(element);
  element.closest("details")?.removeAttribute("open");
  const confirm = json?.confirm as Json | undefined;
  if (confirm && !(await confirmDialog(confirm, renderContext(current)))) return;
  const url = element.dataset.url;
  const permalink = url ? parsePermalink(url, current.team.domain) : undefined;
  if (permalink) followPermalink(permalink);
  else if (url) window.open(url, "_blank", "noopener");
  let target: ActionTarget;
  const kind = surface.dataset.surface;
  if (kind === "message")
    target = { where: "message", channel: surface.dataset.channel ?? "", ts: surface.dataset.ts ?? "" };
  else if (kind === "modal") target = { where: "modal", entered: collectEntered(modalForm() ?? surface) };
  else target = { where: "home" };
  await post("action", {
    user: ui.user,
    target,
    actionId: element.dataset.actionId ?? "",
    blockId: element.dataset.blockId || undefined,
    value: elementValue(element),
  });
}

/** Slack sends block_actions a moment after the person stops typing in inputs that ask for it. */
const CHARACTER_ENTERED_DELAY_MS = 400;
let characterTimer: number | undefined;

function dispatchesOnCharacter(element: HTMLElement): boolean {
  const triggers = (elementJson(element)?.dispatch_action_config as Json | undefined)?.trigger_actions_on;
  return Array.isArray(triggers) && triggers.includes("on_character_entered");
}

/** Typing in an input: block_actions once the person pauses, if the input asks for it. */
export function characterEntered(element: HTMLInputElement | HTMLTextAreaElement): void {
  if (!["text", "textarea", "email", "url", "number"].includes(element.type) || !dispatchesOnCharacter(element)) return;
  const name = element.name;
  const viewId = session.state?.modal?.id;
  window.clearTimeout(characterTimer);
  characterTimer = window.setTimeout(() => {
    if (element.isConnected) return void elementAction(element);
    // The app updated the view meanwhile: act on the field as it is now, unless the view is gone.
    const current = name ? dom.overlay.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) : null;
    if (current && session.state?.modal?.id === viewId) void elementAction(current);
  }, CHARACTER_ENTERED_DELAY_MS);
}

/** A submit supersedes the as-you-type check still waiting to be sent. */
export function cancelCharacterEntered(): void {
  window.clearTimeout(characterTimer);
}
