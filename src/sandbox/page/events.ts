import { completeCommand, firstHint, renderCommandHints, saveComposerDraft, send } from "./composer";
import { dom } from "./dom";
import { cancelCharacterEntered, characterEntered, elementAction } from "./element-actions";
import { closeModal, submitModal } from "./modal";
import {
  closeThread,
  followPermalink,
  navigate,
  openThread,
  runScheduledJobs,
  runShortcut,
  shortcutMenu,
  switchPerson,
  toggleSwitcher,
} from "./navigation";
import { parsePermalink } from "./permalink";
import { autosize } from "./render-app";
import { session, ui } from "./state";

/**
 * What the person does with mouse and keyboard. Listeners sit on the document and the fixed
 * elements, so they hold whatever the renderers draw inside them.
 */

/** What a click on (or inside) each kind of element does; the first selector that matches wins. */
const CLICKS: [string, (element: HTMLElement) => void][] = [
  ["[data-persona]", (element) => switchPerson(element.dataset.persona ?? ui.user)],
  ["[data-switcher-toggle]", () => toggleSwitcher()],
  [
    "[data-nav-channel]",
    (element) => navigate({ surface: "channel", channel: element.dataset.navChannel, thread: undefined }),
  ],
  ["[data-nav-app]", () => navigate({ surface: "app", appTab: "home", thread: undefined })],
  [
    "[data-app-tab]",
    (element) => navigate({ appTab: element.dataset.appTab === "messages" ? "messages" : "home", thread: undefined }),
  ],
  ["[data-thread]", (element) => openThread(element.dataset.thread)],
  ["[data-close-thread]", () => closeThread()],
  ["[data-command-hint]", (element) => completeCommand(element.dataset.commandHint ?? "")],
  ["[data-modal]:not([data-modal=submit])", (element) => void closeModal(element.dataset.modal === "close-all")],
  ["[data-global-shortcuts]", (element) => shortcutMenu(element, "global")],
  ["[data-message-shortcuts]", (element) => shortcutMenu(element, "message", element.dataset.messageShortcuts)],
  ["[data-shortcut]", (element) => runShortcut(element)],
  ["[data-run-jobs]", () => void runScheduledJobs()],
  ["button[data-action-id]", (element) => void elementAction(element)],
];

/** A permalink of this workspace is followed inside the page; any other link opens a new tab. */
function followedLink(event: MouseEvent, target: HTMLElement): boolean {
  const link = target.closest<HTMLAnchorElement>("a[href]");
  const domain = session.state?.team.domain;
  const permalink = link && domain ? parsePermalink(link.href, domain) : undefined;
  if (!permalink) return false;
  event.preventDefault();
  followPermalink(permalink);
  return true;
}

function onClick(event: MouseEvent): void {
  const target = event.target as HTMLElement;
  if (followedLink(event, target)) return;
  if (!target.closest("#popover") && !target.closest("[data-global-shortcuts], [data-message-shortcuts]")) {
    dom.popover.hidden = true;
  }
  for (const open of document.querySelectorAll("details.overflow[open]")) {
    if (!open.contains(target)) open.removeAttribute("open");
  }
  if (session.switcherOpen && !target.closest("#switcher")) toggleSwitcher(false);
  for (const [selector, act] of CLICKS) {
    const element = target.closest<HTMLElement>(selector);
    if (element) {
      act(element);
      return;
    }
  }
}

/** Selects, pickers, checkboxes and radios act when their value changes; text fields do not. */
function onChange(event: Event): void {
  const element = (event.target as HTMLElement).closest<HTMLElement>("[data-action-id]");
  if (!element || element.dataset.input === "true" || element instanceof HTMLButtonElement) return;
  if (element instanceof HTMLInputElement && ["text", "number", "email", "url"].includes(element.type)) return;
  if (element instanceof HTMLTextAreaElement) return;
  void elementAction(element);
}

function onInput(event: Event): void {
  const element = (event.target as HTMLElement).closest<HTMLElement>("[data-action-id]");
  if (!element || element.dataset.input === "true") return;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) characterEntered(element);
}

function onKeydown(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  if (event.key === "Escape") {
    if (!dom.confirm.hidden) return;
    if (!dom.popover.hidden) dom.popover.hidden = true;
    else if (session.state?.modal) void closeModal(false);
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
}

/** Enter sends, Shift+Enter starts a new line, as in Slack. */
function submitOnEnter(textarea: HTMLTextAreaElement, form: HTMLFormElement): void {
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

function listenToComposers(): void {
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
    if (event.key !== "Tab") return;
    const hint = firstHint();
    if (hint === undefined) return;
    event.preventDefault();
    completeCommand(hint);
  });
  submitOnEnter(dom.input, dom.composer);

  dom.threadComposer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = dom.threadInput.value;
    dom.threadInput.value = "";
    autosize(dom.threadInput);
    void send(text, ui.thread);
  });
  dom.threadInput.addEventListener("input", () => autosize(dom.threadInput));
  submitOnEnter(dom.threadInput, dom.threadComposer);
}

export function listen(): void {
  document.addEventListener("click", onClick);
  document.addEventListener("change", onChange);
  document.addEventListener("input", onInput);
  document.addEventListener("keydown", onKeydown);
  dom.overlay.addEventListener("submit", (event) => {
    event.preventDefault();
    void submitModal(cancelCharacterEntered);
  });
  listenToComposers();
}
