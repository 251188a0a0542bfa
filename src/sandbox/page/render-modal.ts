import { attrs, escapeHtml } from "./html";
import { type Drafts, plainLabel, renderBlocks } from "./render-blocks";
import type { RenderContext } from "./render-context";

/**
 * A modal view as Slack draws it: title bar (back arrow when views are stacked, close X), the
 * blocks with their inputs, and the close / submit buttons. Pure: view in, escaped HTML out.
 */

type Json = Record<string, unknown>;

export interface ModalOptions {
  viewId: string;
  /** Views stacked under this one: Slack then shows a back arrow. */
  depth: number;
  drafts?: Drafts | undefined;
  errors?: Record<string, string> | undefined;
  /** The app did not answer the last submit. */
  failure?: string | undefined;
  appName: string;
}

export function renderModal(view: Json, context: RenderContext, options: ModalOptions): string {
  const title = plainLabel(view.title) || options.appName;
  const submit = plainLabel(view.submit);
  const close = plainLabel(view.close) || "Cancel";
  const back =
    options.depth > 0
      ? '<button type="button" class="modal-icon-button" data-modal="back" aria-label="Back" title="Back">‹</button>'
      : "";
  const failure = `<div class="modal-failure" role="alert"${attrs({ hidden: !options.failure })}>${escapeHtml(options.failure ?? "")}</div>`;
  const body = renderBlocks(view.blocks, context, { drafts: options.drafts, errors: options.errors });
  const submitButton = submit
    ? `<button type="submit" class="btn btn-primary" data-modal="submit">${escapeHtml(submit)}</button>`
    : "";
  return `<div class="modal" role="dialog" aria-modal="true" aria-labelledby="modal-title"${attrs({
    "data-surface": "modal",
    "data-view-id": options.viewId,
    "data-callback-id": typeof view.callback_id === "string" ? view.callback_id : undefined,
  })}><header class="modal-header">${back}<span class="modal-app-icon" aria-hidden="true">${escapeHtml(initials(options.appName))}</span><h2 id="modal-title">${escapeHtml(title)}</h2><button type="button" class="modal-icon-button" data-modal="close-all" aria-label="Close" title="Close">×</button></header><form class="modal-form" novalidate><div class="modal-body">${failure}${body}</div><footer class="modal-footer"><button type="button" class="btn" data-modal="cancel">${escapeHtml(close)}</button>${submitButton}</footer></form></div>`;
}

export function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, "")
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  const letters = words.length > 1 ? `${words[0]?.[0] ?? ""}${words[1]?.[0] ?? ""}` : (words[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}
