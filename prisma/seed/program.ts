import { previousQuarter, quarterOf } from "../../src/domain/program/scorecard";
import { graceEndsAt } from "../../src/domain/program/tiers";
import { MILESTONE_KINDS } from "../../src/domain/recognition/milestones";
import { dayOf } from "../../src/domain/shared/zoned-time";
import type { WorkspaceRecord } from "../../src/services/records";
import type { Store } from "../../src/services/store";
import { emptyTierFigures, tierFigures } from "../../src/services/tiers/tier-figures";
import { MANAGER } from "./demo-people";
import {
  APPROVED_APPLICANT,
  CONFIRM_AFTER_DAYS,
  DEMO_COMPLETIONS,
  DEMO_ONBOARDING,
  DEMO_PROGRAM_CONFIG,
  DEMO_RESOURCES,
  DEMO_REVIEWS,
  DEMOTION_REVIEWED,
  RECENTLY_PROMOTED,
} from "./demo-program";
import { seedApplications } from "./program-applications";
import { DAY_MS } from "./story";

/**
 * The partner program's demo (issue 14): the selection criteria, checks and onboarding steps of
 * the defaults; tier rules sized to the demo's year of deals, so every partner's tier is what its
 * trailing 12 months earn except Andes Tecnología, fallen below Gold and waiting for a manager's
 * review; Globex's move up to Platinum two days ago (its fifth win of the year); Initech's pending
 * application from a Slack Connect prospect, half scored; Baltic Data Partners approved from its
 * application and 3 of 6 onboarding steps in, Pampa Digital stuck for weeks; a resource library
 * with the trainings Silver and Gold require and who completed them; last quarter's review of
 * Acme and Globex.
 *
 * It is added once, with the first demo application (idempotency key demo:application:1): the
 * program's state then belongs to the people using it (a review decided, a step ticked, a resource
 * removed), and running the seed again must not bring any of it back.
 */

const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

export interface ProgramSeedSummary {
  applicationsCreated: number;
  resourcesCreated: number;
}

/** The program's demo state, once per workspace (see above); returns what it added. */
export async function seedProgram(
  tx: Store,
  workspace: WorkspaceRecord,
  partnerIds: Map<string, number>,
  now: Date,
): Promise<ProgramSeedSummary> {
  const none = { applicationsCreated: 0, resourcesCreated: 0 };
  const baltic = partnerIds.get(APPROVED_APPLICANT);
  if (baltic === undefined) return none;
  const applicationsCreated = await seedApplications(tx, workspace, baltic, now);
  // Taken: the program's demo was added on an earlier run, and what people did with it since stays.
  if (applicationsCreated === null) return none;
  await tx.programConfig.save(workspace.id, DEMO_PROGRAM_CONFIG);
  await seedOnboarding(tx, workspace, partnerIds, now);
  const resourcesCreated = await seedResources(tx, workspace, now);
  await seedScorecardReviews(tx, workspace, partnerIds, now);
  await seedTierHistory(tx, workspace, partnerIds, now);
  return { applicationsCreated, resourcesCreated };
}

async function seedOnboarding(
  tx: Store,
  workspace: WorkspaceRecord,
  partnerIds: Map<string, number>,
  now: Date,
): Promise<void> {
  for (const plan of DEMO_ONBOARDING) {
    const partnerId = partnerIds.get(plan.partner);
    if (partnerId === undefined) continue;
    const partner = await tx.partners.findById(workspace.id, partnerId);
    if (partner?.status !== "onboarding") continue;
    if (
      !(await tx.onboarding.start(
        workspace.id,
        partnerId,
        DEMO_PROGRAM_CONFIG.onboardingSteps,
        ago(now, plan.startedDaysAgo),
      ))
    )
      continue;
    const { deals } = await tx.deals.list({ workspaceId: workspace.id, partnerId }, { offset: 0, limit: 1_000 });
    const firstDeal = deals.reduce<(typeof deals)[number] | undefined>(
      (first, deal) => (first === undefined || deal.createdAt < first.createdAt ? deal : first),
      undefined,
    );
    for (const step of plan.done) {
      if ("firstDeal" in step) {
        // Ticked by the registration itself, when it happened, by whoever registered it.
        if (firstDeal) await tx.onboarding.complete(partnerId, step.key, firstDeal.createdBy, firstDeal.createdAt);
      } else {
        await tx.onboarding.complete(partnerId, step.key, step.by, ago(now, step.daysAgo));
      }
    }
  }
}

async function seedResources(tx: Store, workspace: WorkspaceRecord, now: Date): Promise<number> {
  // A library someone already filled stays as it is.
  if ((await tx.resources.list(workspace.id)).length > 0) return 0;
  const ids = new Map<string, number>();
  for (const demo of DEMO_RESOURCES) {
    const created = await tx.resources.create({
      workspaceId: workspace.id,
      title: demo.title,
      url: demo.url,
      kind: demo.kind,
      tags: demo.tags,
      minTier: demo.minTier,
      requiredFor: demo.requiredFor,
      createdBy: "U0ADMIN",
      createdAt: ago(now, demo.daysAgo),
    });
    ids.set(demo.key, created.id);
  }
  for (const done of DEMO_COMPLETIONS) {
    const resourceId = ids.get(done.resource);
    const member = await tx.members.find(workspace.id, done.user);
    if (resourceId === undefined || !member) continue;
    await tx.resources.complete({
      workspaceId: workspace.id,
      resourceId,
      slackUserId: done.user,
      partnerId: member.partnerId,
      at: ago(now, done.daysAgo),
    });
  }
  const confirmBefore = ago(now, CONFIRM_AFTER_DAYS);
  for (const completion of await tx.resources.completions({ workspaceId: workspace.id })) {
    if (completion.completedAt >= confirmBefore) continue;
    await tx.resources.confirm(
      workspace.id,
      completion.id,
      MANAGER,
      new Date(completion.completedAt.getTime() + 2 * DAY_MS),
    );
  }
  return DEMO_RESOURCES.length;
}

async function seedScorecardReviews(
  tx: Store,
  workspace: WorkspaceRecord,
  partnerIds: Map<string, number>,
  now: Date,
): Promise<void> {
  const quarter = previousQuarter(quarterOf(now, workspace.timezone), workspace.timezone);
  for (const review of DEMO_REVIEWS) {
    const partnerId = partnerIds.get(review.partner);
    if (partnerId === undefined) continue;
    await tx.scorecardReviews.save({
      workspaceId: workspace.id,
      partnerId,
      quarter: quarter.key,
      ratings: review.ratings,
      notes: review.notes,
      reviewedBy: MANAGER,
    });
  }
}

/**
 * Andes fell below Gold nine days ago: a review waits for a manager, its grace running. Globex's
 * promotion to Platinum is claimed for the day of its fifth win of the year, as the daily job would
 * have, so the job does not celebrate it again (the sandbox posts that celebration at first start).
 */
async function seedTierHistory(
  tx: Store,
  workspace: WorkspaceRecord,
  partnerIds: Map<string, number>,
  now: Date,
): Promise<void> {
  const andes = partnerIds.get(DEMOTION_REVIEWED);
  if (andes !== undefined) {
    const figures =
      (await tierFigures(tx, workspace, DEMO_PROGRAM_CONFIG, now, andes)).get(andes) ?? emptyTierFigures();
    const openedAt = ago(now, 9);
    await tx.tierReviews.open({
      workspaceId: workspace.id,
      partnerId: andes,
      fromTier: "gold",
      toTier: "silver",
      figures,
      openedAt,
      graceEndsAt: graceEndsAt(openedAt, DEMO_PROGRAM_CONFIG.demotionGraceDays),
    });
  }
  const globex = partnerIds.get(RECENTLY_PROMOTED);
  if (globex !== undefined) {
    const key = await promotionKey(tx, workspace, globex, now);
    await tx.milestones.claim({
      workspaceId: workspace.id,
      partnerId: globex,
      kind: MILESTONE_KINDS.tierPromotion,
      key,
      at: now,
    });
  }
}

/** `platinum:<local day of the partner's latest win>`: the day the daily job promoted it. */
export async function promotionKey(
  tx: Store,
  workspace: WorkspaceRecord,
  partnerId: number,
  now: Date,
): Promise<string> {
  const { deals } = await tx.deals.list(
    { workspaceId: workspace.id, partnerId, stages: ["won"] },
    { offset: 0, limit: 1_000 },
  );
  const latest = deals.reduce((max, deal) => Math.max(max, (deal.closedAt ?? deal.updatedAt).getTime()), 0);
  return `platinum:${dayOf(latest > 0 ? new Date(latest) : now, workspace.timezone)}`;
}
