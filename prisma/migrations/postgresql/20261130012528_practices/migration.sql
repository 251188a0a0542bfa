-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "channelId" TEXT,
ADD COLUMN     "creditedUserId" TEXT,
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "link" TEXT,
ADD COLUMN     "region" TEXT,
ADD COLUMN     "sourcePermalink" TEXT;

-- Renamed by hand (Prisma would drop and re-add it): `score` already was the helpful count.
ALTER TABLE "Practice" RENAME COLUMN "score" TO "helpfulCount";

-- CreateIndex
CREATE INDEX "Practice_workspaceId_helpfulCount_idx" ON "Practice"("workspaceId", "helpfulCount");

-- CreateIndex
CREATE INDEX "Practice_workspaceId_authorId_idx" ON "Practice"("workspaceId", "authorId");


-- Full-text search (not expressible in the Prisma schema; the repository keeps it in sync inside
-- the practice's own transaction). unaccent is not immutable, so the document is stored rather
-- than indexed as an expression. Weights: title A, tags B, body C.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE "PracticeSearch" (
    "practiceId" INTEGER NOT NULL,
    "document" tsvector NOT NULL,

    CONSTRAINT "PracticeSearch_pkey" PRIMARY KEY ("practiceId"),
    CONSTRAINT "PracticeSearch_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "PracticeSearch_document_idx" ON "PracticeSearch" USING GIN ("document");
