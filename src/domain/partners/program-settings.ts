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
}

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
