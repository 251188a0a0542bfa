-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "celebrateFirstWin" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "celebrateRecordMonth" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "celebrationsChannel" TEXT,
ADD COLUMN     "companyValues" TEXT NOT NULL DEFAULT '["Customer first","Win together","Own it","Raise the bar"]',
ADD COLUMN     "shoutoutAllowance" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "announceShoutouts" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "timezone" TEXT;

-- AlterTable
ALTER TABLE "Shoutout" ADD COLUMN     "announce" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "plusOneCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "value" TEXT;

-- CreateTable
CREATE TABLE "ShoutoutPlusOne" (
    "id" SERIAL NOT NULL,
    "shoutoutId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShoutoutPlusOne_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "partnerId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShoutoutPlusOne_shoutoutId_userId_key" ON "ShoutoutPlusOne"("shoutoutId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_workspaceId_partnerId_kind_key_key" ON "Milestone"("workspaceId", "partnerId", "kind", "key");

-- AddForeignKey
ALTER TABLE "ShoutoutPlusOne" ADD CONSTRAINT "ShoutoutPlusOne_shoutoutId_fkey" FOREIGN KEY ("shoutoutId") REFERENCES "Shoutout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

