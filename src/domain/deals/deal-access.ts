import type { Role } from "../partners/roles";
import { canManageProgram } from "../partners/roles";
import { DomainError } from "../shared/domain-error";

export interface DealViewer {
  role: Role;
  partnerId: number | null;
}

/** A partner sees only its own company's deals; managers and admins see all. */
export function canSeeDeal(viewer: DealViewer, deal: { partnerId: number }): boolean {
  return canManageProgram(viewer.role) || (viewer.partnerId !== null && viewer.partnerId === deal.partnerId);
}

/** Unknown and not-yours look the same, so deal numbers reveal nothing about other partners. */
export function requireDealVisible(
  viewer: DealViewer,
  deal: { partnerId: number; id: number } | null,
  id: number,
): void {
  if (!deal || !canSeeDeal(viewer, deal)) {
    throw new DomainError("deal_not_found", { id });
  }
}

/** Who may register: a member of a partner company, or a manager registering on a partner's behalf. */
export function registeringPartner(viewer: DealViewer, chosenPartnerId: number | null): number {
  if (canManageProgram(viewer.role)) {
    if (chosenPartnerId === null) throw new DomainError("partner_required");
    return chosenPartnerId;
  }
  if (viewer.partnerId === null) throw new DomainError("no_partner");
  return viewer.partnerId;
}
