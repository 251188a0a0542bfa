import { resolve } from "node:path";

/** What DATABASE_URL says, without opening it: which dialect, and for SQLite which file. */
export type Dialect = "sqlite" | "postgresql";

export function dialectOf(databaseUrl: string): Dialect {
  return databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
}

/** Path of an SQLite `file:` URL, resolved against the working directory. */
export function sqlitePath(databaseUrl: string): string {
  return resolve(databaseUrl.replace(/^file:/, "").replace(/\?.*$/, ""));
}
