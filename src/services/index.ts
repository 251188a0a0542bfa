import type { RetryPolicy } from "../domain/outbox/delivery-policy";
import { DEFAULT_RETRY_POLICY } from "../domain/outbox/delivery-policy";
import { AccessService } from "./access-service";
import { type ApplicationUseCases, createApplicationUseCases } from "./applications";
import { type Clock, systemClock } from "./clock";
import { createDealUseCases, type DealUseCases } from "./deals";
import { createDigestUseCases, type DigestUseCases } from "./digest";
import { createExportUseCases, type ExportUseCases } from "./exports";
import { createGoalUseCases, type GoalUseCases } from "./goals";
import { HealthService } from "./health-service";
import { createLeaderboardUseCases, type LeaderboardUseCases } from "./leaderboard";
import { createOnboardingUseCases, type OnboardingUseCases } from "./onboarding";
import { JobRecorder } from "./operations/job-recorder";
import type { SystemInfo } from "./operations/operations-store";
import { type AuditUseCases, createAuditUseCases } from "./operations/show-audit";
import { SystemStatusService } from "./operations/system-status";
import { OutboxDelivery } from "./outbox/outbox-delivery";
import { PartnerService } from "./partner-service";
import { createPracticeUseCases, type PracticeUseCases } from "./practices";
import { createProgramConfigUseCases, type ProgramConfigUseCases } from "./program-config";
import { createRateUseCases, type RateUseCases } from "./rates";
import { createRecognitionUseCases, type RecognitionUseCases } from "./recognition";
import { createResourceUseCases, type ResourceUseCases } from "./resources";
import { RoleService } from "./role-service";
import { createRuleUseCases, type RuleUseCases } from "./rules";
import { createScorecardUseCases, type ScorecardUseCases } from "./scorecards";
import { SettingsService } from "./settings-service";
import type { Store } from "./store";
import { createTierUseCases, type TierUseCases } from "./tiers";

export interface Services {
  access: AccessService;
  roles: RoleService;
  partners: PartnerService;
  health: HealthService;
  deals: DealUseCases;
  practices: PracticeUseCases;
  recognition: RecognitionUseCases;
  leaderboard: LeaderboardUseCases;
  goals: GoalUseCases;
  rates: RateUseCases;
  rules: RuleUseCases;
  digest: DigestUseCases;
  exports: ExportUseCases;
  programConfig: ProgramConfigUseCases;
  applications: ApplicationUseCases;
  onboarding: OnboardingUseCases;
  tiers: TierUseCases;
  scorecards: ScorecardUseCases;
  resources: ResourceUseCases;
  settings: SettingsService;
  outbox: OutboxDelivery;
  status: SystemStatusService;
  jobs: JobRecorder;
  audit: AuditUseCases;
  clock: Clock;
}

export interface ServiceOptions {
  hubAdmins: readonly string[];
  system: SystemInfo;
  version: string;
  clock?: Clock | undefined;
  /** Tests shorten the waits between delivery attempts. */
  retryPolicy?: RetryPolicy | undefined;
  outboxLeaseMs?: number | undefined;
}

export function createServices(store: Store, options: ServiceOptions): Services {
  const clock = options.clock ?? systemClock;
  const access = new AccessService(store, options.hubAdmins);
  return {
    access,
    roles: new RoleService(store, access),
    partners: new PartnerService(store, clock),
    health: new HealthService(store),
    deals: createDealUseCases({ store, clock }),
    practices: createPracticeUseCases({ store, clock }),
    recognition: createRecognitionUseCases({ store, clock }),
    leaderboard: createLeaderboardUseCases({ store, clock }),
    goals: createGoalUseCases({ store, clock }),
    rates: createRateUseCases({ store, clock }),
    rules: createRuleUseCases({ store }),
    digest: createDigestUseCases({ store, clock }),
    exports: createExportUseCases({ store, clock }),
    programConfig: createProgramConfigUseCases({ store, clock }),
    applications: createApplicationUseCases({ store, clock }),
    onboarding: createOnboardingUseCases({ store, clock }),
    tiers: createTierUseCases({ store, clock }),
    scorecards: createScorecardUseCases({ store, clock }),
    resources: createResourceUseCases({ store, clock }),
    settings: new SettingsService(store),
    // Delivery runs on real time whatever the business clock says: leases and Slack's waits are real.
    outbox: new OutboxDelivery(store, systemClock, {
      policy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      leaseMs: options.outboxLeaseMs ?? 60_000,
      parentWaitMs: 1_000,
    }),
    status: new SystemStatusService(store, options.system, options.version, systemClock),
    jobs: new JobRecorder(store, systemClock),
    audit: createAuditUseCases(store),
    clock,
  };
}
