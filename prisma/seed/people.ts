import type { MemberPatch, MemberRepository } from "../../src/services/store";
import { DEMO_STAFF, type DemoMember } from "./demo-people";

/** How many people the seed added, and how many it completed by filling a blank. */
export interface PeopleSummary {
  membersCreated: number;
  membersUpdated: number;
}

/**
 * Adds the person, or fills what their member row leaves blank (no partner, no name, a plain
 * member the demo makes a manager): what someone set in the app stays as it is.
 */
export async function seedPerson(
  members: MemberRepository,
  workspaceId: number,
  person: DemoMember,
  partnerId: number | null,
  summary: PeopleSummary,
): Promise<void> {
  const existing = await members.find(workspaceId, person.id);
  if (!existing) {
    await members.create({
      workspaceId,
      slackUserId: person.id,
      slackTeamId: person.teamId,
      displayName: person.realName,
      role: person.role,
      partnerId,
    });
    summary.membersCreated++;
    return;
  }
  const blanks: MemberPatch = {
    ...(existing.partnerId === null && partnerId !== null && { partnerId }),
    ...(existing.role === "member" && person.role !== "member" && { role: person.role }),
    ...(existing.displayName === null && { displayName: person.realName }),
    ...(existing.slackTeamId === null && { slackTeamId: person.teamId }),
  };
  if (Object.keys(blanks).length === 0) return;
  await members.update(existing.id, blanks);
  summary.membersUpdated++;
}

/** The vendor's people who run the program: the admin and the managers, in no partner. */
export async function seedStaff(members: MemberRepository, workspaceId: number, summary: PeopleSummary): Promise<void> {
  for (const staff of DEMO_STAFF) await seedPerson(members, workspaceId, staff, null, summary);
}
