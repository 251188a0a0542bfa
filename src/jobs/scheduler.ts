import { schedule } from "node-cron";
import type { Logger } from "../logger";
import type { Services } from "../services";
import { runApprovalReminderJob } from "./approval-reminder-job";
import { runDigestJob } from "./digest-job";
import { runProtectionJob } from "./protection-job";
import { runTierJob } from "./tier-job";

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
  const approvals = run("approval-reminders", () => runApprovalReminderJob(services, logger, instance));
  const digests = run("digests", () => runDigestJob(services, logger, instance));
  const tiers = run("tier-recalculation", () => runTierJob(services, logger, instance));
  const tasks = [
    schedule("7 * * * *", protection, { name: "deal-protection", noOverlap: true }),
    // Hourly: the day's reminder goes out in the first run after the workspace's local midnight.
    schedule("17 * * * *", approvals, { name: "approval-reminders", noOverlap: true }),
    // Every minute: each digest goes out at its own local minute, in its own zone.
    schedule("* * * * *", digests, { name: "digests", noOverlap: true }),
    // Hourly: each workspace is recalculated once per local day, in the first run after its midnight.
    schedule("37 * * * *", tiers, { name: "tier-recalculation", noOverlap: true }),
  ];
  // Once at start too: reminders and expiries that fell due while no instance ran go out now.
  void protection();
  void approvals();
  // A digest missed while no instance ran is posted now if its local day is not over.
  void digests();
  // Today's recalculation, if no instance did it yet.
  void tiers();
  return {
    stop: async () => {
      for (const task of tasks) await task.stop();
      await Promise.all(running);
    },
  };
}
