import { nothing, render } from "lit-html";
import { guard } from "lit-html/directives/guard.js";
import { unsafeHTML } from "lit-html/directives/unsafe-html.js";
import type { Entered, Json, SandboxState } from "../sandbox-protocol";
import { post } from "./api";
import { dom } from "./dom";
import { stateKey } from "./render-blocks";
import type { RenderContext } from "./render-context";
import { renderModal } from "./render-modal";
import { session, ui, viewDrafts } from "./state";

/**
 * The open modal: drawn again only when the app changes the view (its hash), with what the person
 * had entered kept; Slack's own checks before a submit; submit and close.
 */

export function modalForm(): HTMLFormElement | null {
  return dom.overlay.querySelector<HTMLFormElement>(".modal-form");
}

/** What the person entered in a surface, keyed "block_id.action_id" as view-state.ts reads it. */
export function collectEntered(root: ParentNode): Entered {
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
    const block = slot.closest(".block-input");
    block?.classList.toggle("has-error", Boolean(message));
    // Slack shows the error in place of the hint.
    const hint = block?.querySelector<HTMLElement>(".input-hint");
    if (hint) hint.hidden = Boolean(message);
  }
  const banner = dom.overlay.querySelector<HTMLElement>(".modal-failure");
  if (banner) {
    banner.textContent = failure ?? "";
    banner.hidden = !failure;
  }
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

export function clearModalOverlay(): void {
  render(nothing, dom.overlay);
  dom.overlay.hidden = true;
}

export function renderModalOverlay(current: SandboxState, ctx: RenderContext): void {
  const modal = current.modal;
  const shownId = dom.overlay.querySelector<HTMLElement>(".modal[data-view-id]")?.dataset.viewId;
  const form = modalForm();
  if (shownId && form) viewDrafts.set(shownId, collectEntered(form));
  if (!modal) {
    clearModalOverlay();
    return;
  }
  // The view's markup is replaced when the app updates it (a new hash), so the field the person
  // is typing in is focused again where they were; a newly opened view starts at its first field.
  const typing = shownId === modal.id ? focusedField() : undefined;
  const drawn = dom.overlay.firstElementChild;
  render(
    guard([modal.id, modal.hash], () =>
      unsafeHTML(
        renderModal(modal.view, ctx, {
          viewId: modal.id,
          depth: modal.depth,
          drafts: viewDrafts.get(modal.id),
          appName: current.app.name,
        }),
      ),
    ),
    dom.overlay,
  );
  dom.overlay.hidden = false;
  if (dom.overlay.firstElementChild !== drawn) {
    if (shownId !== modal.id) {
      dom.overlay.querySelector<HTMLElement>(".modal-body input, .modal-body textarea, .modal-body select")?.focus();
    } else if (typing) restoreFocus(typing);
  }
  showModalErrors(modal.errors, modal.failure);
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

function showProblems(form: HTMLFormElement, problems: Record<string, string>): void {
  showModalErrors(problems);
  form.querySelector(".has-error")?.scrollIntoView({ block: "nearest", behavior: "smooth" });
}

/** Submits the open modal; `beforeSubmit` cancels what was still waiting to be sent for it. */
export async function submitModal(beforeSubmit: () => void): Promise<void> {
  const modal = session.state?.modal;
  const form = modalForm();
  if (!modal || !form) return;
  beforeSubmit();
  const entered = collectEntered(form);
  const problems = checkRequired(modal.view, form, entered);
  if (Object.keys(problems).length > 0) return showProblems(form, problems);
  const button = form.querySelector<HTMLButtonElement>('[data-modal="submit"]');
  if (button) button.disabled = true;
  try {
    const result = await post("submit", { user: ui.user, viewId: modal.id, entered });
    if (result.errors) showProblems(form, result.errors);
  } finally {
    if (button) button.disabled = false;
  }
}

export async function closeModal(all: boolean): Promise<void> {
  const modal = session.state?.modal;
  if (!modal) return;
  await post("close", { user: ui.user, viewId: modal.id, all });
}
