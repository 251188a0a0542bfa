-- AlterTable
ALTER TABLE "OutboxMessage" DROP COLUMN "payload",
ADD COLUMN     "action" TEXT NOT NULL DEFAULT 'post',
ADD COLUMN     "fallbackChannelId" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL,
ADD COLUMN     "lockedBy" TEXT,
ADD COLUMN     "messageKey" TEXT,
ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "sentChannel" TEXT,
ADD COLUMN     "subject" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "threadKey" TEXT,
ALTER COLUMN "channelId" DROP NOT NULL;

-- Messages posted before the outbox existed: recorded as sent, so later updates and thread replies find them.
INSERT INTO "OutboxMessage" ("workspaceId", "dedupeKey", "kind", "subject", "action", "channelId", "messageKey", "status", "sentChannel", "sentTs", "updatedAt")
SELECT "workspaceId", 'deal:' || "id" || ':card', 'deal.card', '{"dealId":' || "id" || '}', 'post', "channelId", 'deal:' || "id" || ':card', 'sent', "channelId", "messageTs", CURRENT_TIMESTAMP
FROM "Deal" WHERE "channelId" IS NOT NULL AND "messageTs" IS NOT NULL;
INSERT INTO "OutboxMessage" ("workspaceId", "dedupeKey", "kind", "subject", "action", "channelId", "messageKey", "status", "sentChannel", "sentTs", "updatedAt")
SELECT "workspaceId", 'deal:' || "id" || ':approval', 'deal.approval', '{"dealId":' || "id" || '}', 'post', "approvalChannel", 'deal:' || "id" || ':approval', 'sent', "approvalChannel", "approvalTs", CURRENT_TIMESTAMP
FROM "Deal" WHERE "approvalChannel" IS NOT NULL AND "approvalTs" IS NOT NULL;

-- AlterTable
ALTER TABLE "Deal" DROP COLUMN "approvalChannel",
DROP COLUMN "approvalTs",
DROP COLUMN "messageTs";

-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "instance" TEXT NOT NULL,
    "outcome" TEXT,
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "OutboxMessage_workspaceId_messageKey_idx" ON "OutboxMessage"("workspaceId", "messageKey");

