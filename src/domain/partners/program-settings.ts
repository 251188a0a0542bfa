import { isCurrency } from "../deals/currency";
import { MAX_PROTECTION_DAYS, MIN_PROTECTION_DAYS } from "../deals/registration";
import { isValidTimeZone } from "../shared/calendar";
import { DomainError } from "../shared/domain-error";

/** Program-wide settings an admin may change, validated from what they typed. */
export interface ProgramSettingsPatch {
  timezone?: string;
  reportingCurrency?: string;
  protectionDays?: number;
  shoutoutAllowance?: number;
  companyValues?: string[];
  celebrateFirstWin?: boolean;
  celebrateRecordMonth?: boolean;
  celebrationsChannel?: string | null;
  /** Working days a registration may wait before managers are reminded; 0 turns reminders off. */
  approvalReminderDays?: number;
  leaderboardAmounts?: LeaderboardAmounts;
}

/** "own": partner members see their own partner's leaderboard amounts and only the others' ranks; "all": every amount. */
export const LEADERBOARD_AMOUNTS = ["own", "all"] as const;
export type LeaderboardAmounts = (typeof LEADERBOARD_AMOUNTS)[number];

export function parseLeaderboardAmounts(text: string): LeaderboardAmounts {
  const typed = text.trim().toLowerCase();
  if (!(LEADERBOARD_AMOUNTS as readonly string[]).includes(typed)) {
    throw new DomainError("leaderboard_amounts_invalid", { text: text.trim() });
  }
  return typed as LeaderboardAmounts;
}

/** Registrations waiting more than this many working days are brought to the managers' attention. */
export const APPROVAL_REMINDER_DEFAULT = 2;
export const MIN_APPROVAL_REMINDER_DAYS = 1;
export const MAX_APPROVAL_REMINDER_DAYS = 30;

export function parseTimezone(text: string): string {
  const zone = text.trim();
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) || !isValidTimeZone(zone)) {
    throw new DomainError("timezone_invalid", { text: zone });
  }
  // The zone as typed, in its canonical letter case; never an older alias ICU may resolve it to
  // (Europe/Kyiv must not come back as Europe/Kiev).
  const canonical = Intl.supportedValuesOf("timeZone").find((known) => known.toLowerCase() === zone.toLowerCase());
  return canonical ?? zone;
}

export function parseReportingCurrency(text: string): string {
  const code = text.trim().toUpperCase();
  if (!isCurrency(code)) throw new DomainError("currency_invalid", { text: text.trim() });
  return code;
}

export function parseProtectionDays(text: string): number {
  const days = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || days < MIN_PROTECTION_DAYS || days > MAX_PROTECTION_DAYS) {
    throw new DomainError("protection_days_invalid", { min: MIN_PROTECTION_DAYS, max: MAX_PROTECTION_DAYS });
  }
  return days;
}

/** "off" or "0" turns approval reminders off (0); otherwise a whole number of working days. */
export function parseApprovalReminderDays(text: string): number {
  const typed = text.trim().toLowerCase();
  if (typed === "off" || /^0+$/.test(typed)) return 0;
  const days = Number(typed);
  if (!/^\d+$/.test(typed) || days < MIN_APPROVAL_REMINDER_DAYS || days > MAX_APPROVAL_REMINDER_DAYS) {
    throw new DomainError("approval_reminder_days_invalid", {
      min: MIN_APPROVAL_REMINDER_DAYS,
      max: MAX_APPROVAL_REMINDER_DAYS,
    });
  }
  return days;
}
