-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Practice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "partnerId" INTEGER,
    "authorId" TEXT NOT NULL,
    "creditedUserId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "region" TEXT,
    "link" TEXT,
    "sourcePermalink" TEXT,
    "channelId" TEXT,
    "helpfulCount" INTEGER NOT NULL DEFAULT 0,
    "idempotencyKey" TEXT,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Practice_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Practice_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Copies `score` into `helpfulCount` by hand: it already was the helpful count.
INSERT INTO "new_Practice" ("authorId", "body", "createdAt", "helpfulCount", "id", "idempotencyKey", "partnerId", "title", "updatedAt", "workspaceId") SELECT "authorId", "body", "createdAt", "score", "id", "idempotencyKey", "partnerId", "title", "updatedAt", "workspaceId" FROM "Practice";
DROP TABLE "Practice";
ALTER TABLE "new_Practice" RENAME TO "Practice";
CREATE UNIQUE INDEX "Practice_idempotencyKey_key" ON "Practice"("idempotencyKey");
CREATE INDEX "Practice_workspaceId_createdAt_idx" ON "Practice"("workspaceId", "createdAt");
CREATE INDEX "Practice_workspaceId_helpfulCount_idx" ON "Practice"("workspaceId", "helpfulCount");
CREATE INDEX "Practice_workspaceId_authorId_idx" ON "Practice"("workspaceId", "authorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Full-text search (not expressible in the Prisma schema; the repository keeps it in sync inside
-- the practice's own transaction). rowid = Practice.id. porter = word forms (customers ->
-- customer, pricing -> price); remove_diacritics 2 = Résumé matches resume.
CREATE VIRTUAL TABLE "PracticeSearch" USING fts5(
    title,
    body,
    tags,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
