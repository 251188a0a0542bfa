import type { Tier } from "../../domain/partners/partner-rules";
import type { ApplicationReference, ValidApplication } from "../../domain/program/application-input";
import type {
  ApplicationStatus,
  ChecklistState,
  CriterionScores,
  OnboardingEvent,
  OnboardingStepDef,
  ProgramConfig,
  ReviewRatings,
  TierFigures,
  TierReviewStatus,
} from "../../domain/program/program-types";
import type { ValidResource } from "../../domain/program/resources";

/** The partner program's persistence (issue 14), implemented in src/data/repositories/program-*.ts. */

export interface ProgramConfigRepository {
  /** The workspace's lists, defaults (DEFAULT_PROGRAM_CONFIG) for whatever was never edited. */
  get(workspaceId: number): Promise<ProgramConfig>;
  /** Writes the whole config (the edited section and the rest as read). */
  save(workspaceId: number, config: ProgramConfig): Promise<void>;
  /**
   * Claims the day's tier recalculation: true once per workspace and local day (`YYYY-MM-DD`),
   * false when another run (instance, retry) claimed it already.
   */
  claimTierRun(workspaceId: number, localDay: string): Promise<boolean>;
}

/** An application as stored: the validated fields (references as stored, any number), who applied and the decision. */
export interface ApplicationRecord extends Omit<ValidApplication, "references"> {
  id: number;
  workspaceId: number;
  references: ApplicationReference[];
  applicantUserId: string;
  applicantTeamId: string | null;
  external: boolean;
  channelId: string | null;
  status: ApplicationStatus;
  scores: CriterionScores;
  checklist: ChecklistState;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  partnerId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewApplication = Pick<
  ApplicationRecord,
  | "workspaceId"
  | "company"
  | "companyKey"
  | "website"
  | "regions"
  | "segments"
  | "solutions"
  | "teamSize"
  | "references"
  | "applicantUserId"
  | "applicantTeamId"
  | "external"
  | "channelId"
> & { idempotencyKey: string; createdAt?: Date };

export type ApplicationPatch = Partial<
  Pick<
    ApplicationRecord,
    "status" | "scores" | "checklist" | "decidedBy" | "decidedAt" | "decisionReason" | "partnerId"
  >
>;

export interface ApplicationRepository {
  /** Null when the idempotency key was used already (a double submit). */
  create(application: NewApplication): Promise<ApplicationRecord | null>;
  findById(workspaceId: number, id: number): Promise<ApplicationRecord | null>;
  /** The pending application of the same company (name key), if any. */
  findPendingByKey(workspaceId: number, companyKey: string): Promise<ApplicationRecord | null>;
  /** Newest first; without `status`, every application. */
  list(workspaceId: number, filter: { status?: ApplicationStatus; limit: number }): Promise<ApplicationRecord[]>;
  /** Applies `patch` only while the application still has `expectedStatus`; null otherwise. */
  update(id: number, expectedStatus: ApplicationStatus, patch: ApplicationPatch): Promise<ApplicationRecord | null>;
}

export interface OnboardingStepRecord {
  id: number;
  partnerId: number;
  position: number;
  key: string;
  label: string;
  auto: OnboardingEvent | null;
  doneAt: Date | null;
  doneBy: string | null;
  createdAt: Date;
}

/** A partner still onboarding: how far, and when anything last happened. */
export interface OnboardingSummary {
  partnerId: number;
  total: number;
  done: number;
  /** The latest step done, or the checklist's start when none is. */
  lastProgressAt: Date;
}

export interface OnboardingRepository {
  /** Copies the steps for the partner; a partner that has steps keeps them (returns false). */
  start(workspaceId: number, partnerId: number, steps: readonly OnboardingStepDef[], at: Date): Promise<boolean>;
  steps(partnerId: number): Promise<OnboardingStepRecord[]>;
  /** Marks one step done; false when it is done already or does not exist. */
  complete(partnerId: number, key: string, by: string, at: Date): Promise<boolean>;
  /** Marks every open step completed by `event`; returns the steps it completed now. */
  completeByEvent(partnerId: number, event: OnboardingEvent, by: string, at: Date): Promise<OnboardingStepRecord[]>;
  /** Every partner of the workspace with open steps. */
  inProgress(workspaceId: number): Promise<OnboardingSummary[]>;
}

export interface TierReviewRecord {
  id: number;
  workspaceId: number;
  partnerId: number;
  fromTier: Tier;
  toTier: Tier;
  figures: TierFigures;
  status: TierReviewStatus;
  openedAt: Date;
  graceEndsAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  note: string | null;
}

export type NewTierReview = Pick<
  TierReviewRecord,
  "workspaceId" | "partnerId" | "fromTier" | "toTier" | "figures" | "openedAt" | "graceEndsAt"
>;

export interface TierReviewRepository {
  /** Null when the partner has a pending review already. */
  open(review: NewTierReview): Promise<TierReviewRecord | null>;
  findById(workspaceId: number, id: number): Promise<TierReviewRecord | null>;
  pendingFor(partnerId: number): Promise<TierReviewRecord | null>;
  /** Pending reviews of the workspace, oldest first. */
  pending(workspaceId: number): Promise<TierReviewRecord[]>;
  /** Closes a pending review; null when it is no longer pending. */
  close(
    id: number,
    outcome: { status: Exclude<TierReviewStatus, "pending">; by: string | null; note: string | null; at: Date },
  ): Promise<TierReviewRecord | null>;
}

export interface ResourceRecord extends ValidResource {
  id: number;
  workspaceId: number;
  createdBy: string;
  createdAt: Date;
}

export type NewResource = Omit<ResourceRecord, "id" | "createdAt"> & { createdAt?: Date };

export interface CompletionRecord {
  id: number;
  resourceId: number;
  slackUserId: string;
  partnerId: number | null;
  completedAt: Date;
  confirmedBy: string | null;
  confirmedAt: Date | null;
}

export interface ResourceRepository {
  create(resource: NewResource): Promise<ResourceRecord>;
  findById(workspaceId: number, id: number): Promise<ResourceRecord | null>;
  /** Not removed, newest first. */
  list(workspaceId: number): Promise<ResourceRecord[]>;
  /** Soft removal: completions stay counted in history but the resource is no longer listed. */
  remove(workspaceId: number, id: number, at: Date): Promise<boolean>;
  /** False when the person completed it already. */
  complete(completion: {
    workspaceId: number;
    resourceId: number;
    slackUserId: string;
    partnerId: number | null;
    at: Date;
  }): Promise<boolean>;
  /** False when there is no such completion or it is confirmed already. */
  confirm(workspaceId: number, completionId: number, by: string, at: Date): Promise<boolean>;
  /**
   * Completions of listed resources, one aggregate read: for one partner, or (no partnerId) every
   * partner; `since` keeps those completed at or after it (the trailing 12 months).
   */
  completions(filter: { workspaceId: number; partnerId?: number; since?: Date }): Promise<CompletionRecord[]>;
}

export interface ScorecardReviewRecord {
  id: number;
  workspaceId: number;
  partnerId: number;
  quarter: string;
  ratings: ReviewRatings;
  notes: string | null;
  reviewedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ScorecardReviewRepository {
  /** One review per partner and quarter: a second save replaces the first. */
  save(review: Omit<ScorecardReviewRecord, "id" | "createdAt" | "updatedAt">): Promise<ScorecardReviewRecord>;
  /** Reviews of these quarters, by quarter key. */
  forQuarters(partnerId: number, quarters: readonly string[]): Promise<ScorecardReviewRecord[]>;
}
