import { ONBOARDING_EVENTS, type OnboardingEvent, type OnboardingStepDef } from "../../domain/program/program-types";
import type {
  OnboardingRepository,
  OnboardingStepRecord,
  OnboardingSummary,
} from "../../services/program/program-store";
import type { DbClient } from "../db-client";
import type { Prisma } from "../generated/sqlite/client";

type Row = Prisma.OnboardingStepGetPayload<object>;

function toRecord(row: Row): OnboardingStepRecord {
  const { workspaceId: _workspace, ...rest } = row;
  return {
    ...rest,
    // An event this version does not know completes nothing by itself: the step is ticked by hand.
    auto: (ONBOARDING_EVENTS as readonly (string | null)[]).includes(row.auto) ? (row.auto as OnboardingEvent) : null,
  };
}

export class PrismaOnboardingRepository implements OnboardingRepository {
  constructor(private readonly db: DbClient) {}

  /**
   * Check then insert: callers run it in a transaction holding the workspace lock
   * (tx.workspaces.lock), so two starts for one partner cannot interleave; on PostgreSQL a
   * unique violation (partnerId, key) would otherwise abort the caller's transaction.
   */
  async start(workspaceId: number, partnerId: number, steps: readonly OnboardingStepDef[], at: Date): Promise<boolean> {
    if ((await this.db.onboardingStep.count({ where: { partnerId } })) > 0) return false;
    if (steps.length > 0) {
      await this.db.onboardingStep.createMany({
        data: steps.map((step, position) => ({
          workspaceId,
          partnerId,
          position,
          key: step.key,
          label: step.label,
          auto: step.auto,
          createdAt: at,
        })),
      });
    }
    return true;
  }

  async steps(partnerId: number): Promise<OnboardingStepRecord[]> {
    const rows = await this.db.onboardingStep.findMany({ where: { partnerId }, orderBy: [{ position: "asc" }] });
    return rows.map(toRecord);
  }

  async complete(partnerId: number, key: string, by: string, at: Date): Promise<boolean> {
    // Conditional on still open: a second click (or an event at the same moment) changes nothing.
    const { count } = await this.db.onboardingStep.updateMany({
      where: { partnerId, key, doneAt: null },
      data: { doneAt: at, doneBy: by },
    });
    return count === 1;
  }

  async completeByEvent(
    partnerId: number,
    event: OnboardingEvent,
    by: string,
    at: Date,
  ): Promise<OnboardingStepRecord[]> {
    const open = await this.db.onboardingStep.findMany({
      where: { partnerId, auto: event, doneAt: null },
      orderBy: [{ position: "asc" }],
    });
    const completed: OnboardingStepRecord[] = [];
    // One conditional update per step (an event completes one or two): only the steps this call
    // completed are returned, so a concurrent tick is not reported (and audited) twice.
    for (const step of open) {
      const { count } = await this.db.onboardingStep.updateMany({
        where: { id: step.id, doneAt: null },
        data: { doneAt: at, doneBy: by },
      });
      if (count === 1) completed.push(toRecord({ ...step, doneAt: at, doneBy: by }));
    }
    return completed;
  }

  async inProgress(workspaceId: number): Promise<OnboardingSummary[]> {
    const groups = await this.db.onboardingStep.groupBy({
      by: ["partnerId"],
      where: { workspaceId },
      _count: { _all: true, doneAt: true },
      _max: { doneAt: true },
      _min: { createdAt: true },
      orderBy: { partnerId: "asc" },
    });
    return groups.flatMap((group) => {
      const total = group._count._all;
      const done = group._count.doneAt;
      if (done >= total) return [];
      const lastProgressAt = group._max.doneAt ?? group._min.createdAt;
      return lastProgressAt ? [{ partnerId: group.partnerId, total, done, lastProgressAt }] : [];
    });
  }
}
