import type { DigestContent } from "./digest-content";

/** How long a drawn digest is reused: the length of one fan-out, not more. */
const REUSE_MS = 30_000;
const MAX_ENTRIES = 200;

/**
 * Digests drawn in the last seconds, by everything they depend on (workspace, audience, week,
 * zone). At a fan-out every program channel of a workspace gets the same week's digest: it is
 * built once, not once per channel. Real time, not the business clock: this is about load.
 */
export class DigestContentCache {
  private readonly entries = new Map<string, { at: number; content: Promise<DigestContent> }>();

  get(key: string, build: () => Promise<DigestContent>): Promise<DigestContent> {
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && now - cached.at < REUSE_MS) return cached.content;
    if (this.entries.size >= MAX_ENTRIES) {
      for (const [old, entry] of this.entries) if (now - entry.at >= REUSE_MS) this.entries.delete(old);
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    }
    const content = build();
    this.entries.set(key, { at: now, content });
    // A failed build is not reused: the next post tries again.
    content.catch(() => this.entries.delete(key));
    return content;
  }
}
