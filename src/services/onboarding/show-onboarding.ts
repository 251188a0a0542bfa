import { canManageProgram, requireManager } from "../../domain/partners/roles";
import { isStuck } from "../../domain/program/onboarding";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import { partnerNamed } from "../partner-service";
import type { OnboardingStepRecord } from "../program/program-store";
import type { PartnerRecord } from "../records";
import { canTickSteps } from "./complete-onboarding-step";
import { lastProgressOf, type OnboardingContext } from "./onboarding-context";

export interface OnboardingChecklist {
  partner: PartnerRecord;
  steps: OnboardingStepRecord[];
  /** Steps are open and none was done for STUCK_AFTER_DAYS. */
  stuck: boolean;
  lastProgressAt: Date;
  /** The reader may tick open steps (managers, the partner's people) and some are open. */
  canTick: boolean;
}

export interface OnboardingOverviewRow {
  partner: PartnerRecord;
  total: number;
  done: number;
  lastProgressAt: Date;
  stuck: boolean;
}

/** Whose checklist: a member's own partner; managers name one. Members may not look at others. */
async function partnerToShow(context: OnboardingContext, actor: Actor, partnerName?: string): Promise<PartnerRecord> {
  const { store } = context;
  const own = actor.member.partnerId;
  const name = partnerName?.trim() ?? "";
  if (name === "") {
    if (own !== null) {
      const partner = await store.partners.findById(actor.workspace.id, own);
      if (partner) return partner;
    }
    if (canManageProgram(actor.role)) throw new DomainError("partner_name_missing");
    throw new DomainError("no_partner");
  }
  const partner = await partnerNamed(store, actor.workspace.id, name);
  if (!canManageProgram(actor.role) && partner.id !== own) {
    throw new DomainError("forbidden", { action: "see_other_partners" });
  }
  return partner;
}

/** `/partner onboarding [name]`: one partner's checklist, how long since anything happened. */
export async function showOnboarding(
  context: OnboardingContext,
  actor: Actor,
  partnerName?: string,
): Promise<OnboardingChecklist> {
  const partner = await partnerToShow(context, actor, partnerName);
  const steps = await context.store.onboarding.steps(partner.id);
  if (steps.length === 0) throw new DomainError("onboarding_not_started", { partner: partner.name });
  const open = steps.filter((step) => step.doneAt === null).length;
  const lastProgressAt = lastProgressOf(steps);
  return {
    partner,
    steps,
    stuck: isStuck(lastProgressAt, context.clock(), open),
    lastProgressAt,
    canTick: open > 0 && canTickSteps(actor, partner.id),
  };
}

/**
 * Managers' list of every partner still onboarding: the stuck ones first (they need a nudge),
 * then the longest without progress.
 */
export async function onboardingOverview(context: OnboardingContext, actor: Actor): Promise<OnboardingOverviewRow[]> {
  requireManager(actor.role, "list_partners");
  const { store } = context;
  const now = context.clock();
  const [summaries, partners] = await Promise.all([
    store.onboarding.inProgress(actor.workspace.id),
    store.partners.list(actor.workspace.id),
  ]);
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  const rows = summaries.flatMap((summary) => {
    const partner = byId.get(summary.partnerId);
    if (!partner) return [];
    const { memberCount: _count, ...record } = partner;
    return [
      {
        partner: record,
        total: summary.total,
        done: summary.done,
        lastProgressAt: summary.lastProgressAt,
        stuck: isStuck(summary.lastProgressAt, now, summary.total - summary.done),
      },
    ];
  });
  return rows.sort(
    (a, b) =>
      Number(b.stuck) - Number(a.stuck) ||
      a.lastProgressAt.getTime() - b.lastProgressAt.getTime() ||
      a.partner.name.localeCompare(b.partner.name),
  );
}
