-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "programRules" TEXT;

