import type { JobRunRecord, JobRunRepository } from "../../services/operations/operations-store";
import type { DbClient } from "../db-client";

export class PrismaJobRunRepository implements JobRunRepository {
  constructor(private readonly db: DbClient) {}

  async started(name: string, instance: string, at: Date): Promise<void> {
    const data = { startedAt: at, finishedAt: null, instance, outcome: null, error: null };
    await this.db.jobRun.upsert({ where: { name }, create: { name, ...data }, update: data });
  }

  async finished(name: string, at: Date, result: { outcome: string } | { error: string }): Promise<void> {
    await this.db.jobRun.updateMany({
      where: { name },
      data: { finishedAt: at, ...("error" in result ? { error: result.error } : { outcome: result.outcome }) },
    });
  }

  list(): Promise<JobRunRecord[]> {
    return this.db.jobRun.findMany({ orderBy: { name: "asc" } });
  }
}
