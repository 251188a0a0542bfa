import type { WorkspaceRecord } from "../../src/services/records";
import type { WorkspaceRepository } from "../../src/services/store";
import { VENDOR_TEAM } from "./demo-people";

const APPROVALS_CHANNEL = "C0APPROVALS";

/** The vendor's workspace: set up for the demo when new; when it exists, only its blanks are filled. */
export async function seedWorkspace(workspaces: WorkspaceRepository): Promise<WorkspaceRecord> {
  const created = await workspaces.create({
    teamId: VENDOR_TEAM.id,
    name: VENDOR_TEAM.name,
    timezone: "Europe/Berlin",
    reportingCurrency: "USD",
    approvalsChannel: APPROVALS_CHANNEL,
    firstAdminUserId: "U0ADMIN",
  });
  if (created) return created;
  const existing = await workspaces.ensure(VENDOR_TEAM.id);
  await workspaces.fillName(existing.id, VENDOR_TEAM.name);
  await workspaces.setApprovalsChannel(existing.id, APPROVALS_CHANNEL, true);
  return existing;
}
