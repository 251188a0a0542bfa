-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "leaderboardAmounts" TEXT NOT NULL DEFAULT 'own';

