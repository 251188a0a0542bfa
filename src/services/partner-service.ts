import { validateNewPartner } from "../domain/partners/partner-rules";
import { requireManager } from "../domain/partners/roles";
import { DomainError } from "../domain/shared/domain-error";
import { textKey } from "../domain/shared/text-key";
import type { Actor } from "./access-service";
import type { MemberRecord, PartnerRecord, PartnerSummary } from "./records";
import type { Store } from "./store";

export class PartnerService {
  constructor(private readonly store: Store) {}

  async add(actor: Actor, input: { name: string; region?: string; tier?: string }): Promise<PartnerRecord> {
    requireManager(actor.role, "add_partners");
    const partner = validateNewPartner(input);
    return this.store.transaction(async (tx) => {
      const created = await tx.partners.create(actor.workspace.id, partner);
      if (!created) {
        throw new DomainError("partner_exists", { name: partner.name });
      }
      await tx.audit.record({
        workspaceId: actor.workspace.id,
        actor: actor.userId,
        action: "partner.add",
        target: String(created.id),
        data: { name: created.name, region: created.region, tier: created.tier },
      });
      return created;
    });
  }

  async list(actor: Actor): Promise<PartnerSummary[]> {
    requireManager(actor.role, "list_partners");
    return this.store.partners.list(actor.workspace.id);
  }

  async assign(
    actor: Actor,
    userId: string,
    partnerName: string,
  ): Promise<{ partner: PartnerRecord; previousPartnerId: number | null }> {
    requireManager(actor.role, "assign_partners");
    const partner = await this.findByName(actor, partnerName);
    return this.store.transaction(async (tx) => {
      const member = await tx.members.ensure(actor.workspace.id, userId, null);
      if (member.partnerId !== partner.id) await tx.members.setPartner(member.id, partner.id);
      await tx.audit.record({
        workspaceId: actor.workspace.id,
        actor: actor.userId,
        action: "partner.assign",
        target: userId,
        data: { partnerId: partner.id, previousPartnerId: member.partnerId },
      });
      return { partner, previousPartnerId: member.partnerId };
    });
  }

  async members(actor: Actor, partnerName: string): Promise<{ partner: PartnerRecord; members: MemberRecord[] }> {
    requireManager(actor.role, "see_partner_members");
    const partner = await this.findByName(actor, partnerName);
    return { partner, members: await this.store.members.listByPartner(partner.id) };
  }

  byId(actor: Actor, id: number): Promise<PartnerRecord | null> {
    return this.store.partners.findById(actor.workspace.id, id);
  }

  async findByName(actor: Actor, name: string): Promise<PartnerRecord> {
    const key = textKey(name);
    if (key === "") throw new DomainError("partner_search_empty");
    const partner = await this.store.partners.findByKey(actor.workspace.id, key);
    if (!partner) throw new DomainError("partner_not_found", { name: name.trim() });
    return partner;
  }
}
