import type { FileView, MessageView } from "../sandbox-protocol";
import { sandboxFilePath } from "../slack-file-urls";
import { attrs, escapeHtml } from "./html";
import { renderBlocks } from "./render-blocks";
import type { RenderContext } from "./render-context";
import { initials } from "./render-modal";
import { renderMrkdwn } from "./render-mrkdwn";

/** One message of a channel or thread as Slack lists it. Pure: message in, escaped HTML out. */

export interface MessageOptions {
  appName: string;
  botUserId: string;
  /** Shown in the thread panel: no "replies" link, no "reply in thread" action. */
  inThread: boolean;
  /** The app declares message shortcuts: offer "More actions". */
  messageShortcuts: boolean;
}

const SLACKBOT = "USLACKBOT";

/** A stable colour per person, so avatars are told apart at a glance. */
function hue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return hash;
}

export function avatar(id: string, name: string, kind: "person" | "app" | "slackbot" = "person"): string {
  const label = kind === "slackbot" ? "SB" : initials(name);
  return `<span class="avatar avatar-${kind}" style="--hue:${hue(id)}" aria-hidden="true">${escapeHtml(label)}</span>`;
}

function author(message: MessageView, context: RenderContext, options: MessageOptions) {
  if (message.user === SLACKBOT) return { name: "Slackbot", kind: "slackbot" as const };
  if (message.user === options.botUserId) return { name: options.appName, kind: "app" as const };
  return { name: context.users[message.user]?.realName ?? message.user, kind: "person" as const };
}

export function formatTime(ts: string, timeZone?: string): string {
  const date = new Date(Number(ts.split(".")[0]) * 1000);
  return new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone }).format(date);
}

/** A file shared with the message: an image is shown, anything else is named. */
function fileView(file: FileView): string {
  if (!file.available) return '<div class="image-missing">This file is no longer available.</div>';
  const caption = `<figcaption>${escapeHtml(file.title)}</figcaption>`;
  if (file.mimetype.startsWith("image/")) {
    return `<figure class="message-file">${caption}<img${attrs({ src: sandboxFilePath(file.id), alt: file.title, loading: "lazy" })}></figure>`;
  }
  return `<figure class="message-file">${caption}<a${attrs({ href: sandboxFilePath(file.id), download: file.title })}>Download</a></figure>`;
}

export function renderMessage(message: MessageView, context: RenderContext, options: MessageOptions): string {
  const who = author(message, context, options);
  const badge = who.kind === "app" ? '<span class="app-badge">APP</span>' : "";
  const external =
    who.kind === "person" && context.users[message.user]?.external === true
      ? '<span class="external-badge" title="From another organization (Slack Connect)">external</span>'
      : "";
  const content =
    message.blocks.length > 0
      ? renderBlocks(message.blocks, context)
      : `<div class="message-text">${renderMrkdwn(message.text, context)}</div>`;
  const files = (message.files ?? []).map(fileView).join("");
  const ephemeral = message.ephemeral
    ? '<div class="ephemeral-note"><span aria-hidden="true">👁</span> Only visible to you</div>'
    : "";
  const replies =
    !options.inThread && message.replyCount > 0
      ? `<button type="button" class="thread-link"${attrs({ "data-thread": message.ts })}>${message.replyCount} ${message.replyCount === 1 ? "reply" : "replies"}</button>`
      : "";
  const actions: string[] = [];
  if (!options.inThread && !message.ephemeral) {
    actions.push(
      `<button type="button" class="message-action"${attrs({ "data-thread": message.ts, title: "Reply in thread", "aria-label": "Reply in thread" })}>💬</button>`,
    );
  }
  if (options.messageShortcuts && !message.ephemeral) {
    actions.push(
      `<button type="button" class="message-action"${attrs({ "data-message-shortcuts": message.ts, title: "More actions", "aria-label": "More actions" })}>⋯</button>`,
    );
  }
  const toolbar = actions.length > 0 ? `<div class="message-actions">${actions.join("")}</div>` : "";
  return `<div class="message${message.ephemeral ? " ephemeral" : ""}"${attrs({
    "data-surface": "message",
    "data-channel": message.channel,
    "data-ts": message.ts,
  })}>${avatar(message.user, who.name, who.kind)}<div class="message-main"><div class="message-meta"><span class="author">${escapeHtml(who.name)}</span>${badge}${external}<time${attrs({ datetime: new Date(Number(message.ts.split(".")[0]) * 1000).toISOString() })}>${escapeHtml(formatTime(message.ts, context.timeZone))}</time>${message.edited ? '<span class="edited">(edited)</span>' : ""}</div>${ephemeral}<div class="message-content">${content}${files}</div>${replies}</div>${toolbar}</div>`;
}
