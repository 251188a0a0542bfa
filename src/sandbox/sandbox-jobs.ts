import type { Services } from "../services";
import type { DigestRepository } from "../services/digest/digest-store";

/**
 * The sandbox's "Run scheduled jobs now": the scheduled jobs at once, for a visitor who wants to
 * see protection reminders, expiries, approval reminders, tier changes and the weekly digest
 * without waiting for the clock. They run through the app's own use cases and job recorder, as the scheduler runs them,
 * so `/hub status` lists the run and everything said in Slack still goes through the outbox.
 */

export interface ScheduledJobsReport {
  protection: { reminded: number; expired: number };
  /** Registrations listed by the approval reminders this run posted (one post per workspace and day). */
  approvalsReminded: number;
  /** The tier recalculation, forced (the daily run may have been today already). */
  tiers: { promoted: number; reviewsOpened: number; recovered: number };
  /** Where this run posted a weekly digest: "#sales", or "Max Manager's DM" for a manager's own. */
  digestsPosted: string[];
}

export interface ScheduledJobsDeps {
  services: Services;
  digests: Pick<DigestRepository, "listActive">;
  /** The recorder's instance name, as the scheduler's would be. */
  instance: string;
  /** How the person who clicked knows a channel or a person (the fake Slack's names); else its id. */
  nameOf?: (id: string) => string | undefined;
}

/**
 * Every active subscription's digest, now. `runNow` claims the period "manual:<local date>" in the
 * same transaction as the outbox post, so a second click the same day claims nothing and posts
 * nothing; the weekly run at the subscription's own time is a period of its own and still comes.
 */
async function runDigestsNow({ services, digests, nameOf }: ScheduledJobsDeps): Promise<string[]> {
  const posted: string[] = [];
  for (const subscription of await digests.listActive()) {
    const { claimed } = await services.digest.runNow(subscription.workspaceId, subscription.channelId);
    if (!claimed) continue;
    const name = nameOf?.(subscription.channelId) ?? subscription.channelId;
    posted.push(subscription.kind === "manager" ? `${name}'s DM` : `#${name}`);
  }
  return posted;
}

export async function runScheduledJobsNow(deps: ScheduledJobsDeps): Promise<ScheduledJobsReport> {
  const { services, instance } = deps;
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
  let tiers = { promoted: 0, reviewsOpened: 0, recovered: 0 };
  // The name and summary the scheduler's tier job records (src/jobs/tier-job.ts), so /hub status
  // shows one job; forced, because the visitor asked for it now, whether or not today's run happened.
  await services.jobs.run("tier-recalculation", instance, async () => {
    const run = await services.tiers.recalculate({ force: true });
    tiers = { promoted: run.promoted, reviewsOpened: run.reviewsOpened, recovered: run.recovered };
    return `${run.workspaces} workspaces, ${run.promoted} promoted, ${run.reviewsOpened} reviews opened, ${run.recovered} recovered`;
  });
  let digestsPosted: string[] = [];
  await services.jobs.run("digests", instance, async () => {
    digestsPosted = await runDigestsNow(deps);
    return `${digestsPosted.length} digests posted now`;
  });
  return { protection, approvalsReminded, tiers, digestsPosted };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "a", "a and b", "a, b and c" */
function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** One line for the person who clicked: what the jobs did, or that nothing was due. */
export function describeJobsReport(report: ScheduledJobsReport): string {
  const { reminded, expired } = report.protection;
  const done = [
    reminded > 0 && `${count(reminded, "protection reminder", "protection reminders")} sent`,
    expired > 0 && `${count(expired, "registration", "registrations")} expired`,
    report.approvalsReminded > 0 &&
      `an approval reminder posted for ${count(report.approvalsReminded, "waiting registration", "waiting registrations")}`,
    report.tiers.promoted > 0 && `${count(report.tiers.promoted, "partner", "partners")} moved up a tier`,
    report.tiers.reviewsOpened > 0 &&
      `${count(report.tiers.reviewsOpened, "tier review", "tier reviews")} opened for managers`,
    report.tiers.recovered > 0 &&
      `${count(report.tiers.recovered, "partner", "partners")} back within their tier (review closed)`,
    report.digestsPosted.length > 0 && `the weekly digest posted in ${listOf(report.digestsPosted)}`,
  ].filter((part): part is string => typeof part === "string");
  if (done.length === 0) {
    return "Scheduled jobs ran: nothing was due (no protection ending soon, no registration waiting too long, no tier change, and today's reminders and digests already sent).";
  }
  return `Scheduled jobs ran: ${done.join(", ")}.`;
}
