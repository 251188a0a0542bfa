import type { Tier } from "../../domain/partners/partner-rules";
import type { TierFigures } from "../../domain/program/program-types";
import { graceEndsAt, qualifyingTier, tierChange } from "../../domain/program/tiers";
import { MILESTONE_KINDS } from "../../domain/recognition/milestones";
import { dayOf } from "../../domain/shared/zoned-time";
import type { TierReviewRecord } from "../program/program-store";
import { celebrationMessage } from "../recognition/shoutout-messages";
import type { PartnerRecord, WorkspaceRecord } from "../records";
import type { Store } from "../store";
import { TIER_JOB_ACTOR, type TierContext } from "./tier-context";
import { emptyTierFigures, tierFigures } from "./tier-figures";
import { tierReviewKey, tierReviewMessage, tierReviewUpdate } from "./tier-messages";

export interface TierRunReport {
  /** Workspaces recalculated by this run (the others were done today already). */
  workspaces: number;
  promoted: number;
  reviewsOpened: number;
  recovered: number;
}

/**
 * The daily tier recalculation: every workspace once per local day (claimed, so several instances
 * and retries do it once; `force` — the sandbox's "Run scheduled jobs now" — runs it again).
 * A partner that qualifies for a higher tier moves up at once and is celebrated; one that no longer
 * qualifies for its tier is never moved down by the job: a review opens for managers, in private,
 * and closes by itself if the partner qualifies again before they decide.
 */
export async function recalculateTiers(
  context: TierContext,
  options: { force?: boolean } = {},
): Promise<TierRunReport> {
  const { store } = context;
  const now = context.clock();
  const report: TierRunReport = { workspaces: 0, promoted: 0, reviewsOpened: 0, recovered: 0 };
  for (const workspace of await store.workspaces.all()) {
    const day = dayOf(now, workspace.timezone);
    const claimed = await store.programConfig.claimTierRun(workspace.id, day);
    if (!claimed && !options.force) continue;
    report.workspaces += 1;
    await recalculateWorkspace(store, workspace, now, day, report);
  }
  return report;
}

async function recalculateWorkspace(
  store: Store,
  workspace: WorkspaceRecord,
  now: Date,
  day: string,
  report: TierRunReport,
): Promise<void> {
  // Inactive partners left the program: their tier stays as it was.
  const partners = (await store.partners.list(workspace.id)).filter((partner) => partner.status !== "inactive");
  if (partners.length === 0) return;
  const config = await store.programConfig.get(workspace.id);
  const [figures, reviews] = await Promise.all([
    tierFigures(store, workspace, config, now),
    store.tierReviews.pending(workspace.id),
  ]);
  const pending = new Map(reviews.map((review) => [review.partnerId, review]));
  for (const partner of partners) {
    const own = figures.get(partner.id) ?? emptyTierFigures();
    const change = tierChange(partner.tier, qualifyingTier(own, config.tierRules));
    const review = pending.get(partner.id) ?? null;
    if (change.kind === "promote") {
      if (await promote(store, workspace, partner, change.to, own, review, now, day)) report.promoted += 1;
    } else if (change.kind === "none") {
      if (review !== null && (await recover(store, workspace, review, now))) report.recovered += 1;
    } else if (review === null && !(partner.tierHeldUntil !== null && partner.tierHeldUntil > now)) {
      const opened = await openReview(store, workspace, partner, change.to, own, now, config.demotionGraceDays);
      if (opened) report.reviewsOpened += 1;
    }
  }
}

async function promote(
  store: Store,
  workspace: WorkspaceRecord,
  partner: PartnerRecord,
  to: Tier,
  figures: TierFigures,
  review: TierReviewRecord | null,
  now: Date,
  day: string,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    await tx.workspaces.lock(workspace.id);
    // Another instance (or a manager's decision) moved it since the figures were read.
    const moved = await tx.partners.setTier(partner.id, partner.tier, to);
    if (moved === null) return false;
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: TIER_JOB_ACTOR,
      action: "tier.promote",
      target: String(partner.id),
      data: { partner: partner.name, from: partner.tier, to, figures },
    });
    if (review !== null) await closeRecovered(tx, workspace, review, now);
    const channel = partner.homeChannel ?? workspace.celebrationsChannel ?? workspace.approvalsChannel;
    const milestone = {
      workspaceId: workspace.id,
      partnerId: partner.id,
      kind: MILESTONE_KINDS.tierPromotion,
      key: `${to}:${day}`,
    };
    if (channel !== null && (await tx.milestones.claim({ ...milestone, at: now }))) {
      await tx.outbox.enqueue([celebrationMessage(milestone, channel)]);
    }
    return true;
  });
}

async function recover(
  store: Store,
  workspace: WorkspaceRecord,
  review: TierReviewRecord,
  now: Date,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    await tx.workspaces.lock(workspace.id);
    return closeRecovered(tx, workspace, review, now);
  });
}

/** The partner qualifies for its tier again: nothing left for managers to decide. */
async function closeRecovered(tx: Store, workspace: WorkspaceRecord, review: TierReviewRecord, now: Date) {
  const closed = await tx.tierReviews.close(review.id, { status: "recovered", by: null, note: null, at: now });
  if (closed === null) return false;
  await tx.audit.record({
    workspaceId: workspace.id,
    actor: TIER_JOB_ACTOR,
    action: "tier.review_recovered",
    target: String(review.partnerId),
    data: { reviewId: review.id, tier: review.fromTier },
  });
  await updateReviewCard(tx, closed);
  return true;
}

async function openReview(
  store: Store,
  workspace: WorkspaceRecord,
  partner: PartnerRecord,
  to: Tier,
  figures: TierFigures,
  now: Date,
  graceDays: number,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    await tx.workspaces.lock(workspace.id);
    const review = await tx.tierReviews.open({
      workspaceId: workspace.id,
      partnerId: partner.id,
      fromTier: partner.tier,
      toTier: to,
      figures,
      openedAt: now,
      graceEndsAt: graceEndsAt(now, graceDays),
    });
    if (review === null) return false;
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: TIER_JOB_ACTOR,
      action: "tier.review_open",
      target: String(partner.id),
      data: { reviewId: review.id, partner: partner.name, from: partner.tier, to, graceEndsAt: review.graceEndsAt },
    });
    // Managers only: without an approvals channel the review still waits on their Home.
    if (workspace.approvalsChannel !== null) {
      await tx.outbox.enqueue([tierReviewMessage(review, workspace.approvalsChannel)]);
    }
    return true;
  });
}

/** Redraws the review's card, when it was ever posted (no approvals channel: there is none). */
export async function updateReviewCard(tx: Store, review: TierReviewRecord): Promise<void> {
  if ((await tx.outbox.findMessage(review.workspaceId, tierReviewKey(review.id))) === null) return;
  await tx.outbox.enqueue([tierReviewUpdate(review)]);
}
