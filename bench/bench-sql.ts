import Database from "better-sqlite3";
import pg from "pg";
import { type Dialect, sqlitePath } from "../src/data/database";

/** An SQL column value: the column's name and an SQL expression of the row number i. */
export type SeriesColumn = readonly [name: string, sql: string];

/** One INSERT of `count` generated rows into `table`, each column an SQL expression of i (1..count). */
export function seriesInsert(dialect: Dialect, table: string, count: number, columns: readonly SeriesColumn[]): string {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const values = columns.map(([, sql]) => sql).join(",\n         ");
  return dialect === "sqlite"
    ? `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
       INSERT INTO "${table}" (${names}) SELECT ${values} FROM n`
    : `INSERT INTO "${table}" (${names}) SELECT ${values} FROM generate_series(1::bigint, ${count}) AS s(i)`;
}

/** The instant `seconds` (an SQL expression of unix seconds), as Prisma stores a DateTime on the dialect. */
export function sqlTime(dialect: Dialect, seconds: string): string {
  return dialect === "sqlite"
    ? `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ${seconds}, 'unixepoch')`
    : `to_timestamp(${seconds}) AT TIME ZONE 'UTC'`;
}

/** The day of `seconds` (an SQL expression of unix seconds), as Prisma stores a date-only DateTime. */
export function sqlDay(dialect: Dialect, seconds: string): string {
  return dialect === "sqlite"
    ? `strftime('%Y-%m-%dT00:00:00.000+00:00', ${seconds}, 'unixepoch')`
    : `date_trunc('day', to_timestamp(${seconds}) AT TIME ZONE 'UTC')`;
}

/** Runs the statements through the driver (better-sqlite3 / pg), outside Prisma: the bulk fills. */
export async function executeSql(dialect: Dialect, url: string, statements: readonly string[]): Promise<void> {
  if (dialect === "sqlite") {
    const sqlite = new Database(sqlitePath(url));
    sqlite.pragma("journal_mode = WAL");
    for (const statement of statements) sqlite.exec(statement);
    sqlite.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface DriverConnection {
  query(sql: string, params: readonly (string | number)[]): Promise<unknown>;
  close(): Promise<void>;
}

/** A connection of the driver itself (SQLite read-only): the bare SQL a repository is measured against. */
export async function openDriver(dialect: Dialect, url: string): Promise<DriverConnection> {
  if (dialect === "sqlite") {
    const sqlite = new Database(sqlitePath(url), { readonly: true });
    return {
      query: async (sql, params) => sqlite.prepare(sql).all(...params),
      close: async () => {
        sqlite.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: (sql, params) => client.query(sql, [...params]),
    close: () => client.end(),
  };
}
