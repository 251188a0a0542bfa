import type { ProgramConfig } from "../../domain/program/program-types";
import { decodeProgramConfig, encodeProgramConfig } from "../../domain/program/stored-program-config";
import type { ProgramConfigRepository } from "../../services/program/program-store";
import type { Dialect } from "../database";
import { type DbClient, isUniqueViolation } from "../db-client";

const EMPTY = { criteria: null, dueDiligence: null, onboardingSteps: null, tierRules: null, demotionGraceDays: 30 };

export class PrismaProgramConfigRepository implements ProgramConfigRepository {
  constructor(
    private readonly db: DbClient,
    private readonly dialect: Dialect,
  ) {}

  async get(workspaceId: number): Promise<ProgramConfig> {
    const row = await this.db.programConfig.findUnique({
      where: { workspaceId },
      select: { criteria: true, dueDiligence: true, onboardingSteps: true, tierRules: true, demotionGraceDays: true },
    });
    // No row: never edited, every section reads as its default.
    return decodeProgramConfig(row ?? EMPTY);
  }

  async save(workspaceId: number, config: ProgramConfig): Promise<void> {
    const stored = encodeProgramConfig(config);
    await this.db.programConfig.upsert({
      where: { workspaceId },
      create: { workspaceId, ...stored },
      update: stored,
    });
  }

  async claimTierRun(workspaceId: number, localDay: string): Promise<boolean> {
    // Days only move forward (`<`): an instance whose clock lags cannot claim a day again once a
    // later one ran. YYYY-MM-DD compares as text.
    if (this.dialect === "postgresql") {
      // One statement: a concurrent claim waits on the row the first one inserted or updated,
      // then re-checks the WHERE against it and changes nothing. No unique violation can abort
      // the caller's transaction.
      const claimed = await this.db.$executeRaw`
        INSERT INTO "ProgramConfig" ("workspaceId", "tiersCheckedOn", "updatedAt")
        VALUES (${workspaceId}, ${localDay}, ${new Date()})
        ON CONFLICT ("workspaceId") DO UPDATE SET "tiersCheckedOn" = EXCLUDED."tiersCheckedOn"
        WHERE "ProgramConfig"."tiersCheckedOn" IS NULL OR "ProgramConfig"."tiersCheckedOn" < EXCLUDED."tiersCheckedOn"`;
      return claimed === 1;
    }
    // SQLite runs one writer at a time: the conditional update is atomic, and a failed insert
    // leaves the caller's transaction usable.
    const { count } = await this.db.programConfig.updateMany({
      where: { workspaceId, OR: [{ tiersCheckedOn: null }, { tiersCheckedOn: { lt: localDay } }] },
      data: { tiersCheckedOn: localDay },
    });
    if (count === 1) return true;
    if (await this.db.programConfig.findUnique({ where: { workspaceId }, select: { workspaceId: true } })) return false;
    try {
      await this.db.programConfig.create({ data: { workspaceId, tiersCheckedOn: localDay } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
