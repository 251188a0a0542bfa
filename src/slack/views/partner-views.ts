import type { MemberRecord, PartnerRecord, PartnerSummary } from "../../services/records";
import { escapeMrkdwn, linesToSections, type Message, plain, userMention } from "./message";

function describePartner(partner: PartnerRecord): string {
  const facts = [partner.region ?? "no region", partner.tier, partner.status];
  return `*${escapeMrkdwn(partner.name)}* · ${facts.map(escapeMrkdwn).join(" · ")}`;
}

export function partnerAddedMessage(partner: PartnerRecord): Message {
  return plain(
    `:white_check_mark: Added ${describePartner(partner)}.\nNext: \`/partner assign @someone ${escapeMrkdwn(partner.name)}\``,
  );
}

export function partnerListMessage(partners: PartnerSummary[]): Message {
  if (partners.length === 0) {
    return plain("No partner companies yet. Add the first with `/partner add Acme Resellers region:EMEA tier:gold`.");
  }
  const lines = partners.map((partner) => {
    const people = partner.memberCount === 1 ? "1 member" : `${partner.memberCount} members`;
    return `${describePartner(partner)} · ${people}`;
  });
  return {
    text: `${partners.length} partner companies`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: `Partner companies (${partners.length})` } },
      ...linesToSections(lines),
    ],
  };
}

export function partnerAssignedMessage(
  userId: string,
  partner: PartnerRecord,
  previous: PartnerRecord | null,
): Message {
  const moved = previous && previous.id !== partner.id ? ` (moved from ${escapeMrkdwn(previous.name)})` : "";
  return plain(`:white_check_mark: ${userMention(userId)} now belongs to *${escapeMrkdwn(partner.name)}*${moved}.`);
}

export function partnerMembersMessage(partner: PartnerRecord, members: MemberRecord[]): Message {
  if (members.length === 0) {
    return plain(
      `*${escapeMrkdwn(partner.name)}* has no members yet: \`/partner assign @someone ${escapeMrkdwn(partner.name)}\``,
    );
  }
  const lines = members.map((member) => `• ${userMention(member.slackUserId)} · ${member.role}`);
  return {
    text: `${escapeMrkdwn(partner.name)}: ${members.length} members`,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${escapeMrkdwn(partner.name)}* · ${members.length} members` },
      },
      ...linesToSections(lines),
    ],
  };
}
