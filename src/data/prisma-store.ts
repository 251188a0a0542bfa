import type { Store } from "../services/store";
import { type Db, type Dialect, dialectOfDb, pingDb } from "./database";
import type { DbClient } from "./db-client";
import { PrismaAuditLog } from "./repositories/audit-log";
import { PrismaDealRepository } from "./repositories/deal-repository";
import { PrismaDigestRepository } from "./repositories/digest-repository";
import { PrismaExchangeRateRepository } from "./repositories/exchange-rate-repository";
import { PrismaGoalRepository } from "./repositories/goal-repository";
import { PrismaJobRunRepository } from "./repositories/job-run-repository";
import { PrismaLeaderboardRepository } from "./repositories/leaderboard-repository";
import { PrismaMemberRepository } from "./repositories/member-repository";
import { PrismaMilestoneRepository } from "./repositories/milestone-repository";
import { PrismaOutboxRepository } from "./repositories/outbox-repository";
import { PrismaPartnerRepository } from "./repositories/partner-repository";
import { PrismaPracticeRepository } from "./repositories/practice-repository";
import { PrismaApplicationRepository } from "./repositories/program-application-repository";
import { PrismaProgramConfigRepository } from "./repositories/program-config-repository";
import { PrismaOnboardingRepository } from "./repositories/program-onboarding-repository";
import { PrismaResourceRepository } from "./repositories/program-resource-repository";
import { PrismaScorecardReviewRepository } from "./repositories/program-scorecard-review-repository";
import { PrismaTierReviewRepository } from "./repositories/program-tier-review-repository";
import { PrismaShoutoutRepository } from "./repositories/shoutout-repository";
import { PrismaWorkspaceRepository } from "./repositories/workspace-repository";
import { SQLITE_LOCK_WAIT_MS } from "./sqlite-busy";

function repositories(client: DbClient, dialect: Dialect, outboxWrote: () => void) {
  return {
    outbox: new PrismaOutboxRepository(client, outboxWrote),
    jobRuns: new PrismaJobRunRepository(client),
    workspaces: new PrismaWorkspaceRepository(client),
    members: new PrismaMemberRepository(client),
    partners: new PrismaPartnerRepository(client),
    audit: new PrismaAuditLog(client),
    deals: new PrismaDealRepository(client),
    exchangeRates: new PrismaExchangeRateRepository(client),
    practices: new PrismaPracticeRepository(client, dialect),
    shoutouts: new PrismaShoutoutRepository(client),
    milestones: new PrismaMilestoneRepository(client, dialect),
    leaderboard: new PrismaLeaderboardRepository(client, dialect),
    goals: new PrismaGoalRepository(client),
    digests: new PrismaDigestRepository(client, dialect),
    programConfig: new PrismaProgramConfigRepository(client, dialect),
    applications: new PrismaApplicationRepository(client),
    onboarding: new PrismaOnboardingRepository(client),
    tierReviews: new PrismaTierReviewRepository(client),
    resources: new PrismaResourceRepository(client, dialect),
    scorecardReviews: new PrismaScorecardReviewRepository(client),
  };
}

export interface StoreOptions {
  /** Called once outbox rows are committed (at once outside a transaction, after it commits inside one). */
  onOutboxWrite?: () => void;
}

export function createStore(db: Db, options: StoreOptions = {}): Store {
  const signal = options.onOutboxWrite ?? (() => {});
  // Full-text search is written in each dialect's own SQL.
  const dialect = dialectOfDb(db);
  const store: Store = {
    ...repositories(db, dialect, signal),
    transaction: async (work) => {
      let wrote = false;
      const result = await db.$transaction(
        (tx) => {
          const nested: Store = {
            ...repositories(tx, dialect, () => {
              wrote = true;
            }),
            // Already inside one: nested work joins it rather than opening a second.
            transaction: (inner) => inner(nested),
            ping: store.ping,
          };
          return work(nested);
        },
        // maxWait covers waiting for SQLite's write lock, held by another connection (sqlite-busy).
        { maxWait: SQLITE_LOCK_WAIT_MS + 5_000, timeout: 20_000 },
      );
      // Only now can another connection see the rows: wake the dispatcher after the commit.
      if (wrote) signal();
      return result;
    },
    ping: () => pingDb(db),
  };
  return store;
}
