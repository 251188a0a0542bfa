import type { ExchangeRateRecord } from "../../services/records";
import type { DatedExchangeRate, ExchangeRateRepository, NewExchangeRate } from "../../services/store";
import { type DbClient, isUniqueViolation } from "../db-client";

/** Rates written without a date apply to every day: the demo's deals go back years. */
const ALWAYS = new Date("1970-01-01T00:00:00Z");

export class PrismaExchangeRateRepository implements ExchangeRateRepository {
  constructor(private readonly db: DbClient) {}

  async create(rate: NewExchangeRate & { validFrom?: Date }): Promise<ExchangeRateRecord | null> {
    const validFrom = rate.validFrom ?? ALWAYS;
    const where = {
      workspaceId_currency_validFrom: { workspaceId: rate.workspaceId, currency: rate.currency, validFrom },
    };
    // Checked first: on PostgreSQL a failed insert would abort the surrounding transaction.
    if (await this.db.exchangeRate.findUnique({ where, select: { id: true } })) return null;
    try {
      return await this.db.exchangeRate.create({ data: { ...rate, validFrom } });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async set(rate: DatedExchangeRate): Promise<DatedExchangeRate> {
    const validFrom = new Date(`${rate.validFrom}T00:00:00Z`);
    const key = { workspaceId: rate.workspaceId, currency: rate.currency, validFrom };
    const row = await this.db.exchangeRate.upsert({
      where: { workspaceId_currency_validFrom: key },
      create: { ...key, rate: rate.rate, updatedBy: rate.updatedBy },
      update: { rate: rate.rate, updatedBy: rate.updatedBy },
    });
    return { ...rate, rate: row.rate };
  }

  async list(workspaceId: number): Promise<DatedExchangeRate[]> {
    const rows = await this.db.exchangeRate.findMany({
      where: { workspaceId },
      orderBy: [{ currency: "asc" }, { validFrom: "asc" }],
    });
    return rows.map((row) => ({
      workspaceId: row.workspaceId,
      currency: row.currency,
      rate: row.rate,
      validFrom: row.validFrom.toISOString().slice(0, 10),
      updatedBy: row.updatedBy,
    }));
  }
}
