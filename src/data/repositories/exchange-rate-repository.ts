import type { ExchangeRateRecord } from "../../services/records";
import type { ExchangeRateRepository, NewExchangeRate } from "../../services/store";
import { type DbClient, isUniqueViolation } from "../db-client";

export class PrismaExchangeRateRepository implements ExchangeRateRepository {
  constructor(private readonly db: DbClient) {}

  async create(rate: NewExchangeRate): Promise<ExchangeRateRecord | null> {
    const where = { workspaceId_currency: { workspaceId: rate.workspaceId, currency: rate.currency } };
    // Checked first: on PostgreSQL a failed insert would abort the surrounding transaction.
    if (await this.db.exchangeRate.findUnique({ where, select: { id: true } })) return null;
    try {
      return await this.db.exchangeRate.create({ data: rate });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
}
