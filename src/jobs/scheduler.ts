import { schedule } from "node-cron";
import type { Logger } from "../logger";
import type { Services } from "../services";
import { runProtectionJob } from "./protection-job";

export interface Jobs {
  stop(): Promise<void>;
}

/**
 * Starts the scheduled jobs. Every job claims its work with optimistic updates in the database, so
 * several instances may run the same schedule: each reminder or expiry still happens once.
 * Hourly rather than daily so a restart or a missed tick delays a reminder by an hour at most.
 */
export function startJobs(services: Services, logger: Logger, instance: string): Jobs {
  const running = new Set<Promise<void>>();
  const run = (name: string, job: () => Promise<void>) => async () => {
    const execution = job().catch((error: unknown) =>
      logger.error({ job: name, err: (error as Error).message }, "job failed"),
    );
    running.add(execution);
    await execution;
    running.delete(execution);
  };
  const protection = run("deal-protection", () => runProtectionJob(services, logger, instance));
  const tasks = [schedule("7 * * * *", protection, { name: "deal-protection", noOverlap: true })];
  // Once at start too: reminders and expiries that fell due while no instance ran go out now.
  void protection();
  return {
    stop: async () => {
      for (const task of tasks) await task.stop();
      await Promise.all(running);
    },
  };
}
