import type { Dialect } from "../database";
import type { DbClient } from "../db-client";

/**
 * The practices' full-text index, one per dialect: SQLite FTS5 (porter + unicode61 without
 * diacritics) and PostgreSQL tsvector ('english' + unaccent, GIN). Both tables are created by the
 * "practices" migration; writes go through the caller's client so they share its transaction.
 *
 * Several words are OR-ed and ranked: a practice matching more (and rarer) words ranks higher,
 * and one that misses a word is still found, which suits short chat queries better than AND.
 * User words reach the database only as bound parameters, quoted so that no search syntax
 * (FTS5 `"`, `*`, `NEAR`, `-`, `:`; tsquery `&`, `|`, `!`, `:*`) takes effect.
 */
export interface SearchDocument {
  id: number;
  title: string;
  body: string;
  tags: readonly string[];
}

export interface PracticeSearchIndex {
  /** Adds or replaces the practice's entry. */
  write(db: DbClient, document: SearchDocument): Promise<void>;
  remove(db: DbClient, practiceId: number): Promise<void>;
  /** Ids of live practices of the workspace, best match first, then most helpful. */
  find(db: DbClient, workspaceId: number, terms: readonly string[], limit: number): Promise<number[]>;
}

/** More than this many words adds little to a chat search and only slows it down. */
const MAX_TERMS = 16;

/** Words worth sending: trimmed, with at least one letter or digit (a bare `*` or `"` is noise). */
export function searchableTerms(terms: readonly string[]): string[] {
  return terms
    .map((term) => term.trim())
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, MAX_TERMS);
}

/** A search as SQL text and its bound parameters, in the dialect's placeholder style. */
export interface SearchQuery {
  sql: string;
  params: (string | number)[];
}

async function runSearch(db: DbClient, query: SearchQuery | null): Promise<number[]> {
  if (!query) return [];
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(query.sql, ...query.params);
  return rows.map((row) => Number(row.id));
}

// Title counts most, then tags, then the body (FTS5 column order: title, body, tags).
const SQLITE_WEIGHTS = "10.0, 1.0, 4.0";

function sqliteSearch(workspaceId: number, terms: readonly string[], limit: number): SearchQuery | null {
  const words = searchableTerms(terms);
  if (words.length === 0) return null;
  // A double-quoted FTS5 string is a phrase of plain tokens; a `"` inside is written twice.
  const match = words.map((word) => `"${word.replaceAll('"', '""')}"`).join(" OR ");
  return {
    sql: `SELECT p."id" AS id
            FROM "PracticeSearch"
            JOIN "Practice" p ON p."id" = "PracticeSearch".rowid
           WHERE "PracticeSearch" MATCH ? AND p."workspaceId" = ? AND p."deletedAt" IS NULL
           ORDER BY bm25("PracticeSearch", ${SQLITE_WEIGHTS}), p."helpfulCount" DESC, p."id" DESC
           LIMIT ?`,
    params: [match, workspaceId, limit],
  };
}

const sqlite: PracticeSearchIndex = {
  async write(db, document) {
    await this.remove(db, document.id);
    await db.$executeRawUnsafe(
      `INSERT INTO "PracticeSearch" (rowid, title, body, tags) VALUES (?, ?, ?, ?)`,
      document.id,
      document.title,
      document.body,
      document.tags.join(" "),
    );
  },
  async remove(db, practiceId) {
    await db.$executeRawUnsafe(`DELETE FROM "PracticeSearch" WHERE rowid = ?`, practiceId);
  },
  async find(db, workspaceId, terms, limit) {
    return runSearch(db, sqliteSearch(workspaceId, terms, limit));
  },
};

function postgresSearch(workspaceId: number, terms: readonly string[], limit: number): SearchQuery | null {
  const words = searchableTerms(terms);
  if (words.length === 0) return null;
  // plainto_tsquery reads its text as plain words, never as operators; one per word, OR-ed.
  const query = words.map((_, i) => `plainto_tsquery('english', unaccent($${i + 3}::text))`).join(" || ");
  return {
    sql: `WITH q AS (SELECT ${query} AS query)
          SELECT p."id" AS id
            FROM q, "PracticeSearch" s
            JOIN "Practice" p ON p."id" = s."practiceId"
           WHERE s."document" @@ q.query AND p."workspaceId" = $1::int AND p."deletedAt" IS NULL
           ORDER BY ts_rank(s."document", q.query) DESC, p."helpfulCount" DESC, p."id" DESC
           LIMIT $2::int`,
    params: [workspaceId, limit, ...words],
  };
}

/** The ranked-ids query `find` runs (null: no searchable word); the benchmark runs it through the driver. */
export function searchQuery(
  dialect: Dialect,
  workspaceId: number,
  terms: readonly string[],
  limit: number,
): SearchQuery | null {
  return dialect === "sqlite" ? sqliteSearch(workspaceId, terms, limit) : postgresSearch(workspaceId, terms, limit);
}

const DOCUMENT = `setweight(to_tsvector('english', unaccent($2::text)), 'A')
  || setweight(to_tsvector('english', unaccent($3::text)), 'B')
  || setweight(to_tsvector('english', unaccent($4::text)), 'C')`;

const postgresql: PracticeSearchIndex = {
  async write(db, document) {
    await db.$executeRawUnsafe(
      `INSERT INTO "PracticeSearch" ("practiceId", "document") VALUES ($1::int, ${DOCUMENT})
       ON CONFLICT ("practiceId") DO UPDATE SET "document" = EXCLUDED."document"`,
      document.id,
      document.title,
      document.tags.join(" "),
      document.body,
    );
  },
  async remove(db, practiceId) {
    await db.$executeRawUnsafe(`DELETE FROM "PracticeSearch" WHERE "practiceId" = $1::int`, practiceId);
  },
  async find(db, workspaceId, terms, limit) {
    return runSearch(db, postgresSearch(workspaceId, terms, limit));
  },
};

export function practiceSearchIndex(dialect: Dialect): PracticeSearchIndex {
  return dialect === "sqlite" ? sqlite : postgresql;
}
