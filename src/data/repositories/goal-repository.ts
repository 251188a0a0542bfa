import type { Metric } from "../../domain/leaderboard/metrics";
import type { GoalPeriod } from "../../domain/leaderboard/periods";
import type { GoalRecord, GoalRepository, NewGoal } from "../../services/leaderboard/leaderboard-store";
import type { DbClient } from "../db-client";

interface GoalRow {
  id: number;
  workspaceId: number;
  partnerId: number | null;
  tier: string | null;
  metric: string;
  period: string;
  periodStart: Date;
  target: bigint;
  currency: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

function toRecord(row: GoalRow): GoalRecord {
  return {
    ...row,
    // Written only through save(), which takes the domain's types.
    metric: row.metric as Metric,
    period: row.period as GoalPeriod,
    periodStart: row.periodStart.toISOString().slice(0, 10),
    target: Number(row.target),
  };
}

export class PrismaGoalRepository implements GoalRepository {
  constructor(private readonly db: DbClient) {}

  async save(goal: NewGoal): Promise<GoalRecord> {
    const periodStart = new Date(`${goal.periodStart}T00:00:00Z`);
    const same = await this.db.goal.findFirst({
      where: {
        workspaceId: goal.workspaceId,
        partnerId: goal.partnerId,
        tier: goal.tier,
        metric: goal.metric,
        period: goal.period,
        periodStart,
      },
      select: { id: true },
    });
    const data = { ...goal, periodStart, target: BigInt(goal.target) };
    const row = same
      ? await this.db.goal.update({
          where: { id: same.id },
          data: { target: data.target, currency: goal.currency, createdBy: goal.createdBy },
        })
      : await this.db.goal.create({ data });
    return toRecord(row);
  }

  async list(filter: {
    workspaceId: number;
    partnerId?: number;
    tier?: string;
    since?: string;
  }): Promise<GoalRecord[]> {
    const owners =
      filter.partnerId === undefined
        ? {}
        : {
            OR: [
              { partnerId: filter.partnerId },
              { partnerId: null, tier: null },
              ...(filter.tier === undefined ? [] : [{ partnerId: null, tier: filter.tier }]),
            ],
          };
    const rows = await this.db.goal.findMany({
      where: {
        workspaceId: filter.workspaceId,
        ...owners,
        ...(filter.since === undefined ? {} : { periodStart: { gte: new Date(`${filter.since}T00:00:00Z`) } }),
      },
      orderBy: [{ periodStart: "desc" }, { id: "asc" }],
    });
    return rows.map(toRecord);
  }

  async findById(workspaceId: number, id: number): Promise<GoalRecord | null> {
    const row = await this.db.goal.findFirst({ where: { workspaceId, id } });
    return row === null ? null : toRecord(row);
  }

  async remove(workspaceId: number, id: number): Promise<boolean> {
    const { count } = await this.db.goal.deleteMany({ where: { workspaceId, id } });
    return count === 1;
  }
}
