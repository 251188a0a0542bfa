-- AlterTable
ALTER TABLE "Partner" ADD COLUMN "tierHeldUntil" DATETIME;

-- CreateTable
CREATE TABLE "ProgramConfig" (
    "workspaceId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "criteria" TEXT,
    "dueDiligence" TEXT,
    "onboardingSteps" TEXT,
    "tierRules" TEXT,
    "demotionGraceDays" INTEGER NOT NULL DEFAULT 30,
    "tiersCheckedOn" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProgramConfig_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PartnerApplication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "company" TEXT NOT NULL,
    "companyKey" TEXT NOT NULL,
    "website" TEXT,
    "regions" TEXT NOT NULL,
    "segments" TEXT NOT NULL,
    "solutions" TEXT NOT NULL,
    "teamSize" INTEGER NOT NULL,
    "references" TEXT NOT NULL,
    "applicantUserId" TEXT NOT NULL,
    "applicantTeamId" TEXT,
    "external" BOOLEAN NOT NULL DEFAULT false,
    "channelId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "scores" TEXT NOT NULL DEFAULT '{}',
    "checklist" TEXT NOT NULL DEFAULT '{}',
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    "partnerId" INTEGER,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PartnerApplication_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OnboardingStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "partnerId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "auto" TEXT,
    "doneAt" DATETIME,
    "doneBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OnboardingStep_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TierReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "partnerId" INTEGER NOT NULL,
    "fromTier" TEXT NOT NULL,
    "toTier" TEXT NOT NULL,
    "figures" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "openedAt" DATETIME NOT NULL,
    "graceEndsAt" DATETIME NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "note" TEXT,
    CONSTRAINT "TierReview_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Resource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "minTier" TEXT NOT NULL DEFAULT 'registered',
    "requiredFor" TEXT,
    "createdBy" TEXT NOT NULL,
    "removedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Resource_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainingCompletion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "resourceId" INTEGER NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "partnerId" INTEGER,
    "completedAt" DATETIME NOT NULL,
    "confirmedBy" TEXT,
    "confirmedAt" DATETIME,
    CONSTRAINT "TrainingCompletion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainingCompletion_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScorecardReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "partnerId" INTEGER NOT NULL,
    "quarter" TEXT NOT NULL,
    "ratings" TEXT NOT NULL,
    "notes" TEXT,
    "reviewedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ScorecardReview_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PartnerApplication_idempotencyKey_key" ON "PartnerApplication"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PartnerApplication_workspaceId_status_idx" ON "PartnerApplication"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "PartnerApplication_workspaceId_companyKey_idx" ON "PartnerApplication"("workspaceId", "companyKey");

-- CreateIndex
CREATE INDEX "OnboardingStep_workspaceId_idx" ON "OnboardingStep"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingStep_partnerId_key_key" ON "OnboardingStep"("partnerId", "key");

-- CreateIndex
CREATE INDEX "TierReview_workspaceId_status_idx" ON "TierReview"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "TierReview_partnerId_status_idx" ON "TierReview"("partnerId", "status");

-- CreateIndex
CREATE INDEX "Resource_workspaceId_idx" ON "Resource"("workspaceId");

-- CreateIndex
CREATE INDEX "TrainingCompletion_workspaceId_partnerId_idx" ON "TrainingCompletion"("workspaceId", "partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingCompletion_resourceId_slackUserId_key" ON "TrainingCompletion"("resourceId", "slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "ScorecardReview_partnerId_quarter_key" ON "ScorecardReview"("partnerId", "quarter");

