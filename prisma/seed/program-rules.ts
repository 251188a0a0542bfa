import type { WorkspaceRecord } from "../../src/services/records";
import type { WorkspaceRepository } from "../../src/services/store";

/** What a real program adds to the rules the settings produce: the demo's `/hub rules` shows it under them. */
export const DEMO_PROGRAM_RULES = `Register within 5 working days of the first customer meeting, before any quote is sent.
• A registration needs a named contact at the customer and a real next step: "interested" is not a deal.
• Joint deals with another partner: register once, name both partners in the notes, and agree the split with your channel manager first.
• Renewals stay with the partner that won the original deal, as long as it keeps the customer active.
• Public-sector tenders are registered by the partner invited to bid; talk to your channel manager before answering one.
• Disputes go to your channel manager within 10 working days; the partner program lead's decision is final.
Questions? Ask in #partner-program or DM your channel manager.`;

/** The demo's own rules text, written only where admins have none, so a text they changed stays. */
export async function seedProgramRules(workspaces: WorkspaceRepository, workspace: WorkspaceRecord): Promise<boolean> {
  return workspaces.setProgramRules(workspace.id, DEMO_PROGRAM_RULES, true);
}
