import type { Logger } from "../logger";
import type { Services } from "../services";

/** Reminds managers of registrations waiting too long; one message per workspace and local day. */
export async function runApprovalReminderJob(services: Services, logger: Logger, instance: string): Promise<void> {
  await services.jobs.run("approval-reminders", instance, async () => {
    const listed = await services.deals.remindApprovals();
    if (listed > 0) logger.info({ listed }, "approval reminders");
    return `${listed} waiting registrations listed`;
  });
}
