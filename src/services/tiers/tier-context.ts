import { canManageProgram } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import { SYSTEM_ACTOR } from "../../domain/shared/system-actor";
import type { Actor } from "../access-service";
import type { Clock } from "../clock";
import { partnerNamed } from "../partner-service";
import type { PartnerRecord } from "../records";
import type { Store } from "../store";

/** What the tier use cases run on. */
export interface TierContext {
  store: Store;
  clock: Clock;
}

/** Who wrote what the daily recalculation changed, in the audit log. */
export const TIER_JOB_ACTOR = SYSTEM_ACTOR;

/**
 * The partner a card or scorecard is about. Members see their own company only (another one is
 * refused, not hidden, so they know why); managers name any. Without a name or id: the person's own
 * partner, else managers are asked to name one.
 */
export async function viewedPartner(
  store: Store,
  actor: Actor,
  target: { partnerName?: string | undefined; partnerId?: number | undefined },
): Promise<PartnerRecord> {
  const { workspace, member } = actor;
  const manager = canManageProgram(actor.role);
  let partner: PartnerRecord | null;
  if (target.partnerId !== undefined) {
    partner = await store.partners.findById(workspace.id, target.partnerId);
    if (partner === null) throw new DomainError("partner_gone");
  } else if (target.partnerName !== undefined && target.partnerName.trim() !== "") {
    partner = await partnerNamed(store, workspace.id, target.partnerName);
  } else if (member.partnerId !== null) {
    partner = await store.partners.findById(workspace.id, member.partnerId);
    if (partner === null) throw new DomainError("partner_gone");
  } else {
    throw new DomainError(manager ? "partner_required" : "no_partner");
  }
  if (!manager && partner.id !== member.partnerId) throw new DomainError("forbidden", { action: "see_other_partners" });
  return partner;
}
