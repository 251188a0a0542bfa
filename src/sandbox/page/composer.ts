import { html, nothing, render } from "lit-html";
import { post } from "./api";
import { dom } from "./dom";
import { autosize } from "./render-app";
import { composerDrafts, paneChannelId, session, ui } from "./state";

/** The message box: slash-command hints, unsent text kept per person and channel, and sending. */

function commandMatches(text: string) {
  const word = text.trimStart().split(/\s/)[0] ?? "";
  if (!word.startsWith("/") || /\s/.test(text.trimStart().slice(word.length, word.length + 1))) return [];
  return (session.state?.commands ?? []).filter((command) => command.command.startsWith(word.toLowerCase()));
}

export function renderCommandHints(): void {
  const text = dom.input.value;
  const matches = text.startsWith("/") && !text.includes(" ") ? commandMatches(text) : [];
  dom.hints.hidden = matches.length === 0;
  render(
    matches.length
      ? html`<div class="command-hints-title">Commands of ${session.state?.app.name ?? "the app"}</div>${matches.map(
          (command, index) =>
            html`<button type="button" class="command-hint${index === 0 ? " selected" : ""}"
              data-command-hint=${command.command}><span class="command-name">${command.command}</span><span
                class="command-usage">${command.usageHint}</span><span class="command-description">${command.description}</span></button>`,
        )}`
      : nothing,
    dom.hints,
  );
}

export function saveComposerDraft(): void {
  const channel = paneChannelId();
  if (channel) composerDrafts.set(`${ui.user}:${channel}`, dom.input.value);
}

export function restoreComposerDraft(): void {
  const channel = paneChannelId();
  dom.input.value = channel ? (composerDrafts.get(`${ui.user}:${channel}`) ?? "") : "";
  renderCommandHints();
  autosize(dom.input);
}

export function completeCommand(command: string): void {
  dom.input.value = `${command} `;
  dom.input.focus();
  renderCommandHints();
  saveComposerDraft();
}

/** The first hint, which Tab completes; undefined when no hint is shown. */
export function firstHint(): string | undefined {
  if (dom.hints.hidden) return undefined;
  return dom.hints.querySelector<HTMLElement>("[data-command-hint]")?.dataset.commandHint;
}

/** A slash command goes to the app as Slack sends one; anything else is a message (or a reply). */
export async function send(text: string, threadTs?: string): Promise<void> {
  const channel = paneChannelId();
  if (!channel || text.trim() === "") return;
  if (text.trimStart().startsWith("/")) {
    await post("command", { user: ui.user, channel, text: text.trim() });
  } else {
    await post("message", { user: ui.user, channel, text, threadTs });
  }
}
