/**
 * The live stream of changes (/sandbox/events), kept open across restarts of the sandbox.
 *
 * EventSource retries by itself only after a network error or a stream that ended; a sandbox that
 * is starting or stopping answers 503 instead, and that closes an EventSource for good. So a closed
 * one is replaced, with a growing pause, until the server streams again.
 */

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;

export interface LiveHandlers {
  /** The stream is (re)connected (true) or lost (false). */
  onLive(connected: boolean): void;
  /** Something changed in the fake Slack. */
  onChange(): void;
}

export function connectLive(handlers: LiveHandlers): void {
  let failures = 0;

  const open = () => {
    const source = new EventSource("/sandbox/events");
    source.addEventListener("open", () => {
      failures = 0;
      handlers.onLive(true);
    });
    source.addEventListener("change", () => handlers.onChange());
    source.addEventListener("error", () => {
      handlers.onLive(false);
      if (source.readyState !== EventSource.CLOSED) return;
      source.close();
      const pause = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
      failures += 1;
      // A little jitter, so several open tabs do not knock on a starting server together.
      window.setTimeout(open, pause * (0.8 + Math.random() * 0.4));
    });
  };

  open();
}
