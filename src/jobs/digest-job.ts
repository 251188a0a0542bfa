import type { Logger } from "../logger";
import type { Services } from "../services";

/**
 * Claims the weekly digests that fell due and enqueues their posts (the outbox delivers them).
 * Every minute on every instance: a run claimed by one instance is a no-op for the others.
 */
export async function runDigestJob(services: Services, logger: Logger, instance: string): Promise<void> {
  await services.jobs.run("digests", instance, async () => {
    const { claimed } = await services.digest.runDue();
    if (claimed > 0) logger.info({ claimed }, "digests claimed");
    return `${claimed} digests claimed`;
  });
}
