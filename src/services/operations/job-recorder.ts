import type { Clock } from "../clock";
import type { Store } from "../store";

/** Records when each scheduled job ran and how it went, on whichever instance ran it. */
export class JobRecorder {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Runs `job`, recording its start, its one-line outcome or its error; rethrows the error. */
  async run(name: string, instance: string, job: () => Promise<string>): Promise<string> {
    await this.store.jobRuns.started(name, instance, this.clock());
    try {
      const outcome = await job();
      await this.store.jobRuns.finished(name, this.clock(), { outcome });
      return outcome;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.store.jobRuns.finished(name, this.clock(), { error: message }).catch(() => undefined);
      throw error;
    }
  }
}
