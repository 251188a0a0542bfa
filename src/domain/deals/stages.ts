import { DomainError } from "../shared/domain-error";
import type { RegistrationStatus } from "./registration";

export const STAGES = ["prospecting", "qualified", "proposal", "negotiation", "won", "lost"] as const;
export type Stage = (typeof STAGES)[number];

export const OPEN_STAGES = ["prospecting", "qualified", "proposal", "negotiation"] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];

export const MAX_LOST_REASON = 500;

export const STAGE_LABELS: Record<Stage, string> = {
  prospecting: "Prospecting",
  qualified: "Qualified",
  proposal: "Proposal",
  negotiation: "Negotiation",
  won: "Won",
  lost: "Lost",
};

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

export function isOpenStage(stage: Stage): stage is OpenStage {
  return (OPEN_STAGES as readonly string[]).includes(stage);
}

/** The step a "move forward" button offers; closing a deal as won or lost is always a deliberate choice. */
export function nextStage(stage: Stage): Stage | null {
  const at = OPEN_STAGES.indexOf(stage as OpenStage);
  if (at === -1) return null;
  return OPEN_STAGES[at + 1] ?? null;
}

/**
 * Throws when a partner may not move the deal to `to`. Moving back between open stages is allowed
 * because deals do slip; a closed deal is final so the numbers reported on it stay put.
 */
export function checkStageChange(
  deal: { stage: Stage; status: RegistrationStatus },
  to: Stage,
  input: { amountMinor?: number; lostReason?: string },
): void {
  if (deal.stage === "won" || deal.stage === "lost") {
    throw new DomainError("deal_closed", `This deal is already ${deal.stage}.`);
  }
  if (deal.status === "rejected") {
    throw new DomainError("registration_closed", "This registration was rejected, so its stage can't change.");
  }
  if (deal.status === "expired") {
    throw new DomainError(
      "registration_closed",
      "This registration has expired, so its stage can't change. Register the deal again if it's still active.",
    );
  }
  if (!isStage(to)) throw new DomainError("stage_invalid", "Pick a stage from the list.");
  if (to === deal.stage) {
    throw new DomainError("stage_unchanged", `This deal is already in ${STAGE_LABELS[to]}.`);
  }
  if (to === "lost") {
    const reason = input.lostReason?.trim() ?? "";
    if (reason === "") throw new DomainError("lost_reason_missing", "Say why the deal was lost.");
    if (reason.length > MAX_LOST_REASON) {
      throw new DomainError("lost_reason_too_long", `Keep the reason to ${MAX_LOST_REASON} characters or fewer.`);
    }
  }
  if (to === "won" && input.amountMinor !== undefined) {
    if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
      throw new DomainError("amount_invalid", "The won amount must be more than zero.");
    }
  }
}
