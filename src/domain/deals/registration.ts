import { DomainError } from "../shared/domain-error";
import type { Stage } from "./stages";

export const REGISTRATION_STATUSES = [
  "pending",
  "conflict",
  "info_requested",
  "approved",
  "rejected",
  "expired",
] as const;

/** Registered but not yet approved or rejected: a manager still has to decide. */
export const UNDECIDED_STATUSES: readonly RegistrationStatus[] = ["pending", "conflict", "info_requested"];
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export function isRegistrationStatus(value: string): value is RegistrationStatus {
  return (REGISTRATION_STATUSES as readonly string[]).includes(value);
}

export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending: "Pending review",
  conflict: "Conflict",
  info_requested: "Info requested",
  approved: "Approved",
  rejected: "Rejected",
  expired: "Expired",
};

export type Decision = "approve" | "reject" | "request_info";
export const DECISIONS: readonly Decision[] = ["approve", "reject", "request_info"];

export const MAX_DECISION_NOTE = 500;

/**
 * The status after a manager's decision. A rejection carries its reason and a request for
 * information its question, because the partner only learns what happened through them.
 */
export function decide(current: RegistrationStatus, decision: Decision, reason?: string): RegistrationStatus {
  if (current === "approved" || current === "rejected" || current === "expired") {
    throw new DomainError("already_decided", { status: current });
  }
  const note = reason?.trim() ?? "";

  switch (decision) {
    case "approve":
      return "approved";
    case "reject":
      if (note === "") throw new DomainError("reason_missing");
      checkNoteLength(note, "reason");
      return "rejected";
    case "request_info":
      if (current === "info_requested") {
        throw new DomainError("info_already_requested");
      }
      if (note === "") throw new DomainError("question_missing");
      checkNoteLength(note, "question");
      return "info_requested";
    default:
      throw new DomainError("decision_invalid");
  }
}

function checkNoteLength(note: string, what: "reason" | "question"): void {
  if (note.length > MAX_DECISION_NOTE) {
    throw new DomainError(`${what}_too_long`, { max: MAX_DECISION_NOTE });
  }
}

export const MAX_ANSWER = 1000;

/**
 * The status once the partner answers a manager's question: back to a manager's queue, as a
 * conflict again when another partner's registration still stands in the way (`hasRivals`).
 * Only a registration a manager asked about waits for an answer.
 */
export function answerInfo(status: RegistrationStatus, hasRivals = false): "pending" | "conflict" {
  if (status !== "info_requested") throw new DomainError("not_waiting_for_answer", { status });
  return hasRivals ? "conflict" : "pending";
}

/** The partner's answer, trimmed; line breaks are kept because answers are often short lists. */
export function checkAnswer(text: string): string {
  const answer = text.trim();
  if (answer === "") throw new DomainError("answer_missing");
  if (answer.length > MAX_ANSWER) throw new DomainError("answer_too_long", { max: MAX_ANSWER });
  return answer;
}

/** Only a rejected registration can be corrected and sent again; an expired one is registered anew. */
export function resubmittable(status: RegistrationStatus): void {
  if (status !== "rejected") throw new DomainError("not_rejected", { status });
}

/** Why a conflict was resolved this way: the losing partner reads it, so it is required like a rejection's. */
export function checkResolutionReason(text: string): string {
  const reason = text.trim();
  if (reason === "") throw new DomainError("reason_missing");
  checkNoteLength(reason, "reason");
  return reason;
}

export const DEFAULT_PROTECTION_DAYS = 90;
export const REMINDER_LEAD_DAYS = 14;
export const MIN_PROTECTION_DAYS = 1;
export const MAX_PROTECTION_DAYS = 730;

const DAY_MS = 86_400_000;

/** Whole 24-hour days from the given instant: protection is a span of time, not calendar dates in some zone. */
export function protectionEnd(from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < MIN_PROTECTION_DAYS || days > MAX_PROTECTION_DAYS) {
    throw new DomainError("protection_days_invalid", { min: MIN_PROTECTION_DAYS, max: MAX_PROTECTION_DAYS });
  }
  return new Date(from.getTime() + days * DAY_MS);
}

interface ProtectionState {
  status: RegistrationStatus;
  protectedUntil: Date | null;
  /** When given, a closed deal is left alone: once won or lost there is nothing left to protect or remind about. */
  stage?: Stage;
}

function isClosed(deal: ProtectionState): boolean {
  return deal.stage === "won" || deal.stage === "lost";
}

export function isProtected(deal: { status: RegistrationStatus; protectedUntil: Date | null }, now: Date): boolean {
  return deal.status === "approved" && deal.protectedUntil !== null && now < deal.protectedUntil;
}

/**
 * Due once per protection period. A reminder sent before the window of the current period opened
 * belongs to an earlier period (protection was extended since), so it doesn't count.
 */
export function reminderDue(
  deal: ProtectionState & { reminderSentAt: Date | null },
  now: Date,
  leadDays: number = REMINDER_LEAD_DAYS,
): boolean {
  if (!Number.isInteger(leadDays) || leadDays < 0) {
    throw new DomainError("reminder_days_invalid");
  }
  if (deal.status !== "approved" || deal.protectedUntil === null || isClosed(deal)) return false;
  const windowOpens = deal.protectedUntil.getTime() - leadDays * DAY_MS;
  const inWindow = now.getTime() >= windowOpens && now < deal.protectedUntil;
  const sentThisPeriod = deal.reminderSentAt !== null && deal.reminderSentAt.getTime() >= windowOpens;
  return inWindow && !sentThisPeriod;
}

export function shouldExpire(deal: ProtectionState, now: Date): boolean {
  return deal.status === "approved" && deal.protectedUntil !== null && !isClosed(deal) && now >= deal.protectedUntil;
}

/** Extending never shortens: days are added to whichever is later, the current end or now. */
export function extendProtection(
  deal: { status: RegistrationStatus; protectedUntil: Date | null },
  days: number,
  now: Date,
): Date {
  if (deal.status !== "approved") {
    throw new DomainError("not_approved", { status: deal.status });
  }
  const base = deal.protectedUntil !== null && deal.protectedUntil > now ? deal.protectedUntil : now;
  return protectionEnd(base, days);
}
