-- AlterTable
ALTER TABLE "Goal" ADD COLUMN "tier" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ExchangeRate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "rate" TEXT NOT NULL,
    "validFrom" DATETIME NOT NULL DEFAULT '1970-01-01 00:00:00 +00:00',
    "updatedBy" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExchangeRate_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ExchangeRate" ("currency", "id", "rate", "updatedAt", "updatedBy", "workspaceId") SELECT "currency", "id", "rate", "updatedAt", "updatedBy", "workspaceId" FROM "ExchangeRate";
DROP TABLE "ExchangeRate";
ALTER TABLE "new_ExchangeRate" RENAME TO "ExchangeRate";
CREATE UNIQUE INDEX "ExchangeRate_workspaceId_currency_validFrom_key" ON "ExchangeRate"("workspaceId", "currency", "validFrom");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Deal_workspaceId_stage_closedAt_partnerId_currency_amountMinor_idx" ON "Deal"("workspaceId", "stage", "closedAt", "partnerId", "currency", "amountMinor");

-- CreateIndex
CREATE INDEX "Deal_workspaceId_createdAt_idx" ON "Deal"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Deal_workspaceId_stage_expectedCloseOn_idx" ON "Deal"("workspaceId", "stage", "expectedCloseOn");

