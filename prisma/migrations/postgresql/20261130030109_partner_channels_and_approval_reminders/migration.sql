-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "approvalReminderDays" INTEGER NOT NULL DEFAULT 2;

-- CreateIndex
CREATE UNIQUE INDEX "Partner_workspaceId_homeChannel_key" ON "Partner"("workspaceId", "homeChannel");

