import { DomainError } from "../shared/domain-error";

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
  // A plain string: registration.ts imports Stage from here, and only two statuses matter below.
  deal: { stage: Stage; status: string },
  to: Stage,
  input: { amountMinor?: number; lostReason?: string },
): void {
  if (deal.stage === "won" || deal.stage === "lost") {
    throw new DomainError("deal_closed", { stage: deal.stage });
  }
  if (deal.status === "rejected" || deal.status === "expired") {
    throw new DomainError("registration_closed", { status: deal.status });
  }
  if (!isStage(to)) throw new DomainError("stage_invalid");
  if (to === deal.stage) {
    throw new DomainError("stage_unchanged", { stage: to });
  }
  if (to === "lost") {
    const reason = input.lostReason?.trim() ?? "";
    if (reason === "") throw new DomainError("lost_reason_missing");
    if (reason.length > MAX_LOST_REASON) {
      throw new DomainError("lost_reason_too_long", { max: MAX_LOST_REASON });
    }
  }
  if (to === "won" && input.amountMinor !== undefined) {
    if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
      throw new DomainError("amount_invalid");
    }
  }
}
