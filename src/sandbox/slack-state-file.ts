import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { z } from "zod";
import { dialectOf, sqlitePath } from "../database-url";
import type { Logger } from "../logger";
import type { FakeSlack, FakeSlackSnapshot } from "./fake-slack";

/**
 * The sandbox's fake Slack kept in a JSON file next to the database, so a restart shows the
 * channels as they were while the database still has the deals they talk about. Written a moment
 * after each change (debounced) to a temporary file renamed over the old one, so a crash never
 * leaves half a file. Only the sandbox uses it: tests and the e2e harness keep the fake in memory.
 */

const WRITE_DELAY_MS = 250;

/** `file:./data/partner-hub.db` → data/partner-hub.sandbox-slack.json; PostgreSQL → data/sandbox-slack.json. */
export function slackStatePath(databaseUrl: string): string {
  if (dialectOf(databaseUrl) === "postgresql") return resolve("data", "sandbox-slack.json");
  const database = sqlitePath(databaseUrl);
  return join(dirname(database), `${basename(database, extname(database))}.sandbox-slack.json`);
}

const ZJsonObject = z.record(z.string(), z.unknown());
const ZMessage = z.object({
  channel: z.string(),
  ts: z.string(),
  threadTs: z.string().optional(),
  user: z.string(),
  botId: z.string().optional(),
  text: z.string(),
  blocks: z.array(z.unknown()),
  replyCount: z.number().int().nonnegative(),
  edited: z.boolean().optional(),
});
const ZSnapshot = z.object({
  version: z.literal(1),
  sequence: z.number().int().nonnegative(),
  clock: z.number().int().nonnegative(),
  messages: z.array(ZMessage),
  homeTabs: z.record(z.string(), ZJsonObject),
  dms: z.array(z.object({ id: z.string(), user: z.string() })),
});

export class SlackStateFile {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private written = "";
  private stopped = false;
  private readonly schedule = () => {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), WRITE_DELAY_MS);
  };

  constructor(
    private readonly fake: FakeSlack,
    readonly path: string,
    private readonly logger: Logger,
  ) {}

  /** Restores what the file holds; false when there is no file or it can't be read (then it is left alone). */
  async load(): Promise<boolean> {
    if (!existsSync(this.path)) return false;
    try {
      const parsed = ZSnapshot.safeParse(JSON.parse(await readFile(this.path, "utf8")));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "not a fake Slack snapshot");
      this.fake.restore(parsed.data as FakeSlackSnapshot);
      this.written = JSON.stringify(this.fake.snapshot());
      this.logger.info({ file: this.path, messages: parsed.data.messages.length }, "sandbox: Slack messages restored");
      return true;
    } catch (error) {
      this.logger.warn(
        { file: this.path, err: (error as Error).message },
        "sandbox: could not read the saved Slack messages; starting with empty channels",
      );
      return false;
    }
  }

  /** Forgets what the file holds (its database is new): the channels start empty. */
  async discard(): Promise<void> {
    if (!existsSync(this.path)) return;
    await rm(this.path, { force: true });
    this.logger.info({ file: this.path }, "sandbox: new database, so the saved Slack messages were discarded");
  }

  /** Saves after every change of the fake Slack, until stop(). */
  watch(): void {
    this.fake.on("change", this.schedule);
  }

  /** Writes what changed since the last write; writes never overlap. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** Stops watching and writes what is pending. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.fake.off("change", this.schedule);
    await this.flush();
  }

  private async write(): Promise<void> {
    const json = JSON.stringify(this.fake.snapshot());
    if (json === this.written) return;
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(temporary, json);
      await rename(temporary, this.path);
      this.written = json;
    } catch (error) {
      this.logger.warn(
        { file: this.path, err: (error as Error).message },
        "sandbox: could not save the Slack messages",
      );
    }
  }
}
