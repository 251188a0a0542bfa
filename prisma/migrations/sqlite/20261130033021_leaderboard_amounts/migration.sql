-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" TEXT NOT NULL,
    "name" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "reportingCurrency" TEXT NOT NULL DEFAULT 'USD',
    "weekStartsOn" INTEGER NOT NULL DEFAULT 1,
    "protectionDays" INTEGER NOT NULL DEFAULT 90,
    "approvalsChannel" TEXT,
    "shoutoutAllowance" INTEGER NOT NULL DEFAULT 5,
    "companyValues" TEXT NOT NULL DEFAULT '["Customer first","Win together","Own it","Raise the bar"]',
    "celebrateFirstWin" BOOLEAN NOT NULL DEFAULT true,
    "celebrateRecordMonth" BOOLEAN NOT NULL DEFAULT true,
    "celebrationsChannel" TEXT,
    "approvalReminderDays" INTEGER NOT NULL DEFAULT 2,
    "leaderboardAmounts" TEXT NOT NULL DEFAULT 'own',
    "firstAdminUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("approvalReminderDays", "approvalsChannel", "celebrateFirstWin", "celebrateRecordMonth", "celebrationsChannel", "companyValues", "createdAt", "firstAdminUserId", "id", "name", "protectionDays", "reportingCurrency", "shoutoutAllowance", "teamId", "timezone", "updatedAt", "weekStartsOn") SELECT "approvalReminderDays", "approvalsChannel", "celebrateFirstWin", "celebrateRecordMonth", "celebrationsChannel", "companyValues", "createdAt", "firstAdminUserId", "id", "name", "protectionDays", "reportingCurrency", "shoutoutAllowance", "teamId", "timezone", "updatedAt", "weekStartsOn" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_teamId_key" ON "Workspace"("teamId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

