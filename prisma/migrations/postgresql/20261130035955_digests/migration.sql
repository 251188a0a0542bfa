-- AlterTable
ALTER TABLE "DigestSubscription" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'channel',
ADD COLUMN     "minute" INTEGER NOT NULL DEFAULT 0;

