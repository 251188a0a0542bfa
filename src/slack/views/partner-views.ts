import type { MemberRecord, PartnerRecord, PartnerSummary } from "../../services/records";
import { header, joinMd, type Mrkdwn, md, section } from "./block-kit";
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
    return md`${describePartner(partner)} · ${people}`;
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
