/**
 * better-sqlite3 waits for another connection's lock synchronously, inside SQLite's busy handler:
 * the whole event loop stops, so not even an ack can be sent meanwhile. The driver is therefore
 * given only a short wait, and a statement refused with SQLITE_BUSY is tried again here after an
 * asynchronous pause, which leaves the event loop free between attempts.
 */

/** The driver's own (blocking) wait per attempt: long enough for another writer's commit. */
export const SQLITE_BUSY_TIMEOUT_MS = 50;
/** How long a statement or a transaction keeps asking for a lock before it gives up. */
export const SQLITE_LOCK_WAIT_MS = 30_000;
const FIRST_PAUSE_MS = 10;
const LONGEST_PAUSE_MS = 250;

/** SQLITE_BUSY and its extended codes, as better-sqlite3 throws them or Prisma's adapter wraps them. */
export function isBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: { originalCode?: unknown } };
  const found = cause?.originalCode ?? code;
  return typeof found === "string" && found.startsWith("SQLITE_BUSY");
}

const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Runs `attempt` until it is not refused with SQLITE_BUSY, pausing (without blocking) between
 * attempts. Only for work that has no effect when refused: an autocommit statement or a BEGIN.
 */
export async function whenUnlocked<T>(attempt: () => Promise<T>, waitMs = SQLITE_LOCK_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let wait = FIRST_PAUSE_MS; ; wait = Math.min(wait * 2, LONGEST_PAUSE_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() + wait > deadline) throw error;
    }
    await pause(wait);
  }
}
