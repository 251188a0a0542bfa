/** What /hub status reads about the running system; implemented in src/data. */

export interface JobRunRecord {
  name: string;
  startedAt: Date;
  finishedAt: Date | null;
  instance: string;
  /** A one-line summary of what the run did, or null while it runs. */
  outcome: string | null;
  error: string | null;
}

export interface JobRunRepository {
  started(name: string, instance: string, at: Date): Promise<void>;
  finished(name: string, at: Date, result: { outcome: string } | { error: string }): Promise<void>;
  list(): Promise<JobRunRecord[]>;
}

export interface MigrationsApplied {
  count: number;
  latest: string | null;
}

export interface SystemInfo {
  dialect: "sqlite" | "postgresql";
  migrations(): Promise<MigrationsApplied>;
}
