-- DropIndex
DROP INDEX "ExchangeRate_workspaceId_currency_key";

-- AlterTable
ALTER TABLE "Goal" ADD COLUMN     "tier" TEXT;

-- AlterTable
ALTER TABLE "ExchangeRate" ADD COLUMN     "validFrom" TIMESTAMP(3) NOT NULL DEFAULT '1970-01-01 00:00:00 +00:00';

-- CreateIndex
CREATE INDEX "Deal_workspaceId_stage_closedAt_partnerId_currency_amountMi_idx" ON "Deal"("workspaceId", "stage", "closedAt", "partnerId", "currency", "amountMinor");

-- CreateIndex
CREATE INDEX "Deal_workspaceId_createdAt_idx" ON "Deal"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Deal_workspaceId_stage_expectedCloseOn_idx" ON "Deal"("workspaceId", "stage", "expectedCloseOn");

-- CreateIndex
CREATE UNIQUE INDEX "ExchangeRate_workspaceId_currency_validFrom_key" ON "ExchangeRate"("workspaceId", "currency", "validFrom");

