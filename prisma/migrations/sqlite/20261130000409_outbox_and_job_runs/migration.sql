-- The deal's message references move to the outbox rows that posted them (kept before Deal is rebuilt).
CREATE TEMP TABLE "_DealMessageRefs" AS SELECT "id", "workspaceId", "channelId", "messageTs", "approvalChannel", "approvalTs" FROM "Deal";

-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "instance" TEXT NOT NULL,
    "outcome" TEXT,
    "error" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "partnerId" INTEGER NOT NULL,
    "createdBy" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "customerDomain" TEXT,
    "customerNameKey" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'prospecting',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "conflictDealId" INTEGER,
    "expectedCloseOn" DATETIME,
    "region" TEXT,
    "notes" TEXT,
    "protectedUntil" DATETIME,
    "reminderSentAt" DATETIME,
    "extensionRequestedAt" DATETIME,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "closedAt" DATETIME,
    "lostReason" TEXT,
    "channelId" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Deal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Deal_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Deal" ("amountMinor", "channelId", "closedAt", "conflictDealId", "createdAt", "createdBy", "currency", "customerDomain", "customerName", "customerNameKey", "decidedAt", "decidedBy", "decisionNote", "expectedCloseOn", "extensionRequestedAt", "id", "idempotencyKey", "lostReason", "notes", "partnerId", "product", "protectedUntil", "region", "reminderSentAt", "stage", "status", "updatedAt", "workspaceId") SELECT "amountMinor", "channelId", "closedAt", "conflictDealId", "createdAt", "createdBy", "currency", "customerDomain", "customerName", "customerNameKey", "decidedAt", "decidedBy", "decisionNote", "expectedCloseOn", "extensionRequestedAt", "id", "idempotencyKey", "lostReason", "notes", "partnerId", "product", "protectedUntil", "region", "reminderSentAt", "stage", "status", "updatedAt", "workspaceId" FROM "Deal";
DROP TABLE "Deal";
ALTER TABLE "new_Deal" RENAME TO "Deal";
CREATE UNIQUE INDEX "Deal_idempotencyKey_key" ON "Deal"("idempotencyKey");
CREATE INDEX "Deal_workspaceId_customerDomain_idx" ON "Deal"("workspaceId", "customerDomain");
CREATE INDEX "Deal_workspaceId_customerNameKey_idx" ON "Deal"("workspaceId", "customerNameKey");
CREATE INDEX "Deal_workspaceId_partnerId_createdAt_idx" ON "Deal"("workspaceId", "partnerId", "createdAt");
CREATE INDEX "Deal_status_protectedUntil_idx" ON "Deal"("status", "protectedUntil");
CREATE TABLE "new_OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '{}',
    "action" TEXT NOT NULL DEFAULT 'post',
    "channelId" TEXT,
    "fallbackChannelId" TEXT,
    "messageKey" TEXT,
    "threadKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lockedBy" TEXT,
    "sentChannel" TEXT,
    "sentTs" TEXT,
    "sentAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutboxMessage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "channelId", "createdAt", "dedupeKey", "id", "lastError", "lockedUntil", "nextAttemptAt", "sentTs", "status", "updatedAt", "workspaceId") SELECT "attempts", "channelId", "createdAt", "dedupeKey", "id", "lastError", "lockedUntil", "nextAttemptAt", "sentTs", "status", "updatedAt", "workspaceId" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_workspaceId_messageKey_idx" ON "OutboxMessage"("workspaceId", "messageKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Messages posted before the outbox existed: recorded as sent, so later updates and thread replies find them.
INSERT INTO "OutboxMessage" ("workspaceId", "dedupeKey", "kind", "subject", "action", "channelId", "messageKey", "status", "sentChannel", "sentTs", "updatedAt")
SELECT "workspaceId", 'deal:' || "id" || ':card', 'deal.card', '{"dealId":' || "id" || '}', 'post', "channelId", 'deal:' || "id" || ':card', 'sent', "channelId", "messageTs", CURRENT_TIMESTAMP
FROM "_DealMessageRefs" WHERE "channelId" IS NOT NULL AND "messageTs" IS NOT NULL;
INSERT INTO "OutboxMessage" ("workspaceId", "dedupeKey", "kind", "subject", "action", "channelId", "messageKey", "status", "sentChannel", "sentTs", "updatedAt")
SELECT "workspaceId", 'deal:' || "id" || ':approval', 'deal.approval', '{"dealId":' || "id" || '}', 'post', "approvalChannel", 'deal:' || "id" || ':approval', 'sent', "approvalChannel", "approvalTs", CURRENT_TIMESTAMP
FROM "_DealMessageRefs" WHERE "approvalChannel" IS NOT NULL AND "approvalTs" IS NOT NULL;
DROP TABLE "_DealMessageRefs";
