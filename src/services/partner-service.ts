import { matchPartner } from "../domain/partners/partner-match";
import { validateNewPartner } from "../domain/partners/partner-rules";
import { requireManager } from "../domain/partners/roles";
import { DomainError } from "../domain/shared/domain-error";
import type { Actor } from "./access-service";
import { type Clock, systemClock } from "./clock";
import { fireOnboardingEvent } from "./onboarding/fire-onboarding-event";
import { startOnboarding } from "./onboarding/start-onboarding";
import type { MemberRecord, PartnerRecord, PartnerSummary } from "./records";
import type { Store } from "./store";

export class PartnerService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A new partner starts onboarding with the program's checklist; it is active once that is done. */
  async add(actor: Actor, input: { name: string; region?: string; tier?: string }): Promise<PartnerRecord> {
    requireManager(actor.role, "add_partners");
    const partner = validateNewPartner(input);
    const now = this.clock();
    return this.store.transaction(async (tx) => {
      const created = await tx.partners.createEstablished(actor.workspace.id, {
        ...partner,
        status: "onboarding",
        connectTeamId: null,
        homeChannel: null,
        onboardedAt: null,
      });
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
      await startOnboarding(tx, actor.workspace, created.id, now);
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
      if (member.partnerId !== partner.id) {
        await tx.members.setPartner(member.id, partner.id);
        await fireOnboardingEvent(tx, actor.workspace, partner.id, "member_added", actor.userId, this.clock());
      }
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
    return partnerNamed(this.store, actor.workspace.id, name);
  }

  /**
   * Ties a channel to a partner (`/partner channel`): deals registered and shout-outs given there
   * preset that partner, and content about other partners stays out of it. The approvals and
   * celebrations channels show every partner's news, so they can't belong to one.
   */
  async tieChannel(
    actor: Actor,
    channelId: string,
    partnerName: string,
    channel: { shared: boolean },
  ): Promise<{ partner: PartnerRecord; previousChannel: string | null }> {
    requireManager(actor.role, "tie_channels");
    const { approvalsChannel, celebrationsChannel } = actor.workspace;
    if (channelId === approvalsChannel || channelId === celebrationsChannel)
      throw new DomainError("channel_is_program");
    const partner = await this.findByName(actor, partnerName);
    return this.store.transaction(async (tx) => {
      const holder = await tx.partners.findByChannel(actor.workspace.id, channelId);
      if (holder && holder.id !== partner.id) throw new DomainError("channel_taken", { partner: holder.name });
      const tied = holder ? holder : await tx.partners.setHomeChannel(partner.id, channelId);
      await tx.audit.record({
        workspaceId: actor.workspace.id,
        actor: actor.userId,
        action: "partner.channel",
        target: String(partner.id),
        data: { channelId, previous: partner.homeChannel, shared: channel.shared },
      });
      return { partner: tied, previousChannel: partner.homeChannel === channelId ? null : partner.homeChannel };
    });
  }

  /** `/partner channel #ch off`: the channel belongs to no partner any more. */
  async untieChannel(actor: Actor, channelId: string): Promise<PartnerRecord> {
    requireManager(actor.role, "tie_channels");
    return this.store.transaction(async (tx) => {
      const partner = await tx.partners.findByChannel(actor.workspace.id, channelId);
      if (!partner) throw new DomainError("channel_not_tied");
      const untied = await tx.partners.setHomeChannel(partner.id, null);
      await tx.audit.record({
        workspaceId: actor.workspace.id,
        actor: actor.userId,
        action: "partner.channel",
        target: String(partner.id),
        data: { channelId: null, previous: channelId },
      });
      return untied;
    });
  }

  /** The partner a channel is tied to, to preset it (register, shout-out); null when none. */
  partnerOfChannel(workspaceId: number, channelId: string): Promise<PartnerRecord | null> {
    return this.store.partners.findByChannel(workspaceId, channelId);
  }

  /** `/partner remove @someone`: the person stays in the workspace, in no partner company. */
  async removeMember(actor: Actor, userId: string): Promise<{ partner: PartnerRecord | null; member: MemberRecord }> {
    requireManager(actor.role, "remove_partner_members");
    return this.store.transaction(async (tx) => {
      const member = await tx.members.find(actor.workspace.id, userId);
      if (!member || member.partnerId === null) throw new DomainError("not_in_partner", { userId });
      const partner = await tx.partners.findById(actor.workspace.id, member.partnerId);
      const removed = await tx.members.setPartner(member.id, null);
      await tx.audit.record({
        workspaceId: actor.workspace.id,
        actor: actor.userId,
        action: "partner.remove",
        target: userId,
        data: { partnerId: member.partnerId },
      });
      return { partner, member: removed };
    });
  }
}

/**
 * The partner a person named: exactly, or by an unambiguous prefix of its words ("acme" for
 * "Acme Solutions"). Several matches are listed back; none gets the closest names as suggestions.
 */
export async function partnerNamed(store: Store, workspaceId: number, name: string): Promise<PartnerRecord> {
  const match = matchPartner(name, await store.partners.list(workspaceId));
  if (match.kind === "one") return match.partner;
  if (match.kind === "many") {
    throw new DomainError("partner_ambiguous", { name: name.trim(), matches: match.matches.map((p) => p.name) });
  }
  throw new DomainError("partner_not_found", { name: name.trim(), suggestions: match.suggestions.map((p) => p.name) });
}
