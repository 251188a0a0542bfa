import { localDate } from "../../domain/shared/calendar";
import type { CsvDocument } from "../../domain/shared/csv";
import type { Actor } from "../access-service";
import type { Clock } from "../clock";
import type { Store } from "../store";

/** Rows read from the database at a time: a large export never holds every record at once. */
export const EXPORT_PAGE_SIZE = 500;
/** More rows than this make a file few spreadsheets open comfortably: the export stops and says so. */
export const EXPORT_MAX_ROWS = 50_000;

/** What the export use cases run on. */
export interface ExportContext {
  store: Store;
  clock: Clock;
  /** EXPORT_PAGE_SIZE and EXPORT_MAX_ROWS unless a test makes paging and the cap visible with a few rows. */
  limits?: { pageSize: number; maxRows: number };
}

/** A file ready to send: its name, its text (BOM first) and how much of what matched it holds. */
export interface CsvExport {
  /** e.g. deals-2026-11-30.csv: the requester's own day. */
  filename: string;
  csv: string;
  rows: number;
  /** Everything that matched; more than `rows` when the export stopped at EXPORT_MAX_ROWS. */
  total: number;
  capped: boolean;
}

/**
 * Slack names of people by user id, looked up by the Slack layer (the services never call Slack);
 * a person it cannot name is left out and shows as their id.
 */
export type PeopleNames = (userIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** `deals-acme-resellers-2026-11-30.csv`: what it is, whose, and the requester's day it was made. */
export function exportFilename(kind: string, actor: Actor, now: Date, about?: string): string {
  const day = localDate(now, actor.member.timezone ?? actor.workspace.timezone);
  const slug = (about ?? "")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${[kind, slug, day].filter((part) => part !== "").join("-")}.csv`;
}

export function finish(doc: CsvDocument, filename: string, total: number): CsvExport {
  return { filename, csv: doc.toString(), rows: doc.rows, total, capped: total > doc.rows };
}
