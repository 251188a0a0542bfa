import { DomainError } from "../shared/domain-error";
import { textKey } from "../shared/text-key";

export const TIERS = ["registered", "silver", "gold", "platinum"] as const;
export type Tier = (typeof TIERS)[number];

export const PARTNER_STATUSES = ["onboarding", "active", "inactive"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const MAX_PARTNER_NAME = 80;
export const MAX_REGION = 40;

export interface NewPartner {
  name: string;
  nameKey: string;
  region: string | null;
  tier: Tier;
}

/** Validates what a manager typed for a new partner company; the key is what duplicates are detected on. */
export function validateNewPartner(input: {
  name: string;
  region?: string | undefined;
  tier?: string | undefined;
}): NewPartner {
  const name = input.name.replace(/\s+/g, " ").trim();
  if (name === "") throw new DomainError("partner_name_missing");
  if (name.length > MAX_PARTNER_NAME) {
    throw new DomainError("partner_name_too_long", { max: MAX_PARTNER_NAME });
  }
  const nameKey = textKey(name);
  if (nameKey === "") throw new DomainError("partner_name_invalid");
  const region = input.region?.replace(/\s+/g, " ").trim() || null;
  if (region !== null && region.length > MAX_REGION) {
    throw new DomainError("region_too_long", { max: MAX_REGION });
  }
  const tierText = (input.tier ?? "registered").trim().toLowerCase();
  if (!(TIERS as readonly string[]).includes(tierText)) {
    throw new DomainError("tier_invalid", { tiers: TIERS });
  }
  return { name, nameKey, region, tier: tierText as Tier };
}
