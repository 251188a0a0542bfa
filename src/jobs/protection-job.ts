import type { Logger } from "../logger";
import type { Services } from "../services";

/** Reminds partners before deal protection ends and expires what lapsed (safe to run anywhere, often). */
export async function runProtectionJob(services: Services, logger: Logger, instance: string): Promise<void> {
  await services.jobs.run("deal-protection", instance, async () => {
    const result = await services.deals.sweepProtection();
    if (result.reminded > 0 || result.expired > 0) logger.info(result, "deal protection sweep");
    return `${result.reminded} reminded, ${result.expired} expired`;
  });
}
