import type { Logger } from "../logger";
import type { Services } from "../services";

/**
 * Recalculates partner tiers: each workspace once per local day (claimed in the database, so the
 * hourly schedule and several instances still do it once); promotions at once, demotions to review.
 */
export async function runTierJob(services: Services, logger: Logger, instance: string): Promise<void> {
  await services.jobs.run("tier-recalculation", instance, async () => {
    const run = await services.tiers.recalculate();
    if (run.workspaces > 0) logger.info(run, "tiers recalculated");
    return `${run.workspaces} workspaces, ${run.promoted} promoted, ${run.reviewsOpened} reviews opened, ${run.recovered} recovered`;
  });
}
