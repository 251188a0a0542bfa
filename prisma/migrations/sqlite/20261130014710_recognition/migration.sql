-- CreateTable
CREATE TABLE "ShoutoutPlusOne" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shoutoutId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShoutoutPlusOne_shoutoutId_fkey" FOREIGN KEY ("shoutoutId") REFERENCES "Shoutout" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "partnerId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Milestone_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "firstAdminUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("approvalsChannel", "createdAt", "firstAdminUserId", "id", "name", "protectionDays", "reportingCurrency", "teamId", "timezone", "updatedAt", "weekStartsOn") SELECT "approvalsChannel", "createdAt", "firstAdminUserId", "id", "name", "protectionDays", "reportingCurrency", "teamId", "timezone", "updatedAt", "weekStartsOn" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_teamId_key" ON "Workspace"("teamId");
CREATE TABLE "new_Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "slackTeamId" TEXT,
    "displayName" TEXT,
    "role" TEXT NOT NULL DEFAULT 'member',
    "partnerId" INTEGER,
    "announceShoutouts" BOOLEAN NOT NULL DEFAULT true,
    "timezone" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Member_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Member_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Member" ("createdAt", "displayName", "id", "partnerId", "role", "slackTeamId", "slackUserId", "updatedAt", "workspaceId") SELECT "createdAt", "displayName", "id", "partnerId", "role", "slackTeamId", "slackUserId", "updatedAt", "workspaceId" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE INDEX "Member_partnerId_idx" ON "Member"("partnerId");
CREATE UNIQUE INDEX "Member_workspaceId_slackUserId_key" ON "Member"("workspaceId", "slackUserId");
CREATE TABLE "new_Shoutout" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "fromUserId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "value" TEXT,
    "award" TEXT,
    "announce" BOOLEAN NOT NULL DEFAULT true,
    "plusOneCount" INTEGER NOT NULL DEFAULT 0,
    "channelId" TEXT,
    "messageTs" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Shoutout_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Shoutout" ("award", "channelId", "createdAt", "fromUserId", "id", "idempotencyKey", "message", "messageTs", "workspaceId") SELECT "award", "channelId", "createdAt", "fromUserId", "id", "idempotencyKey", "message", "messageTs", "workspaceId" FROM "Shoutout";
DROP TABLE "Shoutout";
ALTER TABLE "new_Shoutout" RENAME TO "Shoutout";
CREATE UNIQUE INDEX "Shoutout_idempotencyKey_key" ON "Shoutout"("idempotencyKey");
CREATE INDEX "Shoutout_workspaceId_fromUserId_createdAt_idx" ON "Shoutout"("workspaceId", "fromUserId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ShoutoutPlusOne_shoutoutId_userId_key" ON "ShoutoutPlusOne"("shoutoutId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_workspaceId_partnerId_kind_key_key" ON "Milestone"("workspaceId", "partnerId", "kind", "key");

