import type { MemberRecord, PartnerRecord, PartnerSummary } from "../../services/records";
import { header, joinMd, type Mrkdwn, md, mention, section } from "./block-kit";
import { linesToSections, type Message, message, notice, userMention } from "./message";

function describePartner(partner: PartnerRecord): Mrkdwn {
  const facts = [partner.region ?? "no region", partner.tier, partner.status];
  return md`*${partner.name}* · ${joinMd(facts, " · ")}`;
}

export function partnerAddedMessage(partner: PartnerRecord): Message {
  return notice(
    md`:white_check_mark: Added ${describePartner(partner)}.\nNext: \`/partner assign @someone ${partner.name}\``,
  );
}

export function partnerListMessage(partners: PartnerSummary[]): Message {
  if (partners.length === 0) {
    return notice(
      md`No partner companies yet. Add the first with \`/partner add Acme Resellers region:EMEA tier:gold\`.`,
    );
  }
  const lines = partners.map((partner) => {
    const people = partner.memberCount === 1 ? "1 member" : `${partner.memberCount} members`;
    const channel = partner.homeChannel ? md` · ${mention(partner.homeChannel, "#")}` : "";
    return md`${describePartner(partner)} · ${people}${channel}`;
  });
  return message(md`${partners.length} partner companies`, [
    header(`Partner companies (${partners.length})`),
    ...linesToSections(lines),
  ]);
}

export function partnerAssignedMessage(
  userId: string,
  partner: PartnerRecord,
  previous: PartnerRecord | null,
): Message {
  const moved = previous && previous.id !== partner.id ? md` (moved from ${previous.name})` : "";
  return notice(md`:white_check_mark: ${userMention(userId)} now belongs to *${partner.name}*${moved}.`);
}

export function partnerMembersMessage(partner: PartnerRecord, members: MemberRecord[]): Message {
  if (members.length === 0) {
    return notice(md`*${partner.name}* has no members yet: \`/partner assign @someone ${partner.name}\``);
  }
  const lines = members.map((member) => md`• ${userMention(member.slackUserId)} · ${member.role}`);
  return message(md`${partner.name}: ${members.length} members`, [
    section(md`*${partner.name}* · ${members.length} members`),
    ...linesToSections(lines),
  ]);
}

/** `/partner channel #ch Acme`: what the tie changes, so the manager knows why they'd want it. */
export function partnerChannelTiedMessage(
  partner: PartnerRecord,
  channelId: string,
  previousChannel: string | null,
): Message {
  const moved = previousChannel ? md` (instead of ${mention(previousChannel, "#")})` : "";
  return notice(
    md`:white_check_mark: ${mention(channelId, "#")} is now *${partner.name}*'s channel${moved}: \`/deal\`, the launcher and shout-outs there are for ${partner.name}, and approvals or other partners' deals never go there.\nUndo with \`/partner channel #channel off\`.`,
  );
}

export function partnerChannelUntiedMessage(partner: PartnerRecord, channelId: string): Message {
  return notice(md`:white_check_mark: ${mention(channelId, "#")} is no longer *${partner.name}*'s channel.`);
}

export function partnerMemberRemovedMessage(userId: string, partner: PartnerRecord | null): Message {
  const from = partner ? md` *${partner.name}*` : md` their partner company`;
  return notice(
    md`:white_check_mark: ${userMention(userId)} is no longer in${from}. Their deals stay with the company.`,
  );
}
