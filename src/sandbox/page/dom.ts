/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

/** The page's fixed elements (index.html): every module reaches them through here. */

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

export const dom = {
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

/** A short note in the corner that goes away by itself. */
export function toast(text: string, error = false): void {
  const element = document.createElement("div");
  element.className = `toast${error ? " toast-error" : ""}`;
  element.textContent = text;
  dom.toasts.append(element);
  window.setTimeout(() => element.remove(), 5_000);
}
