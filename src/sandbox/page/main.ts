/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { onState, redraw, refresh, scheduleRefresh } from "./api";
import { restoreComposerDraft } from "./composer";
import { listen } from "./events";
import { connectLive } from "./live";
import { announceAppOpened, revealFollowedMessage } from "./navigation";
import { renderApp } from "./render-app";
import { session } from "./state";

/**
 * The sandbox page: a small Slack client. It shows what the server says one person sees
 * (GET /sandbox/state, api.ts), sends what they do to /sandbox/* (the server forwards it to the
 * app as Slack would), and refetches whenever /sandbox/events reports a change (live.ts).
 * state.ts holds what the page knows, render-app.ts draws it, events.ts takes what the person does.
 */

onState((current) => {
  renderApp(current);
  announceAppOpened(current);
  revealFollowedMessage();
});
listen();
connectLive({
  onLive: (connected) => {
    session.live = connected;
    redraw();
    // Anything may have changed while the stream was down, the whole sandbox if it restarted.
    if (connected) scheduleRefresh(0);
  },
  onChange: () => scheduleRefresh(),
});
restoreComposerDraft();
void refresh();
