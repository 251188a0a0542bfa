import type { Services } from "../services";

/**
 * The sandbox's "Run scheduled jobs now": the hourly jobs at once, for a visitor who wants to see
 * protection reminders, expiries and approval reminders without waiting for the clock. They run
 * through the app's own use cases and job recorder, as the scheduler runs them, so `/hub status`
 * lists the run and everything said in Slack still goes through the outbox.
 */

export interface ScheduledJobsReport {
  protection: { reminded: number; expired: number };
  /** Registrations listed by the approval reminders this run posted (one post per workspace and day). */
  approvalsReminded: number;
}

export async function runScheduledJobsNow(services: Services, instance: string): Promise<ScheduledJobsReport> {
  let protection = { reminded: 0, expired: 0 };
  await services.jobs.run("deal-protection", instance, async () => {
    protection = await services.deals.sweepProtection();
    return `${protection.reminded} reminded, ${protection.expired} expired`;
  });
  let approvalsReminded = 0;
  await services.jobs.run("approval-reminders", instance, async () => {
    approvalsReminded = await services.deals.remindApprovals();
    return `${approvalsReminded} waiting registrations listed`;
  });
  return { protection, approvalsReminded };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line for the person who clicked: what the jobs did, or that nothing was due. */
export function describeJobsReport(report: ScheduledJobsReport): string {
  const { reminded, expired } = report.protection;
  const done = [
    reminded > 0 && `${count(reminded, "protection reminder", "protection reminders")} sent`,
    expired > 0 && `${count(expired, "registration", "registrations")} expired`,
    report.approvalsReminded > 0 &&
      `an approval reminder posted for ${count(report.approvalsReminded, "waiting registration", "waiting registrations")}`,
  ].filter((part): part is string => typeof part === "string");
  if (done.length === 0) {
    return "Scheduled jobs ran: nothing was due (no protection ending soon, no registration waiting too long, or already reminded today).";
  }
  return `Scheduled jobs ran: ${done.join(", ")}.`;
}
