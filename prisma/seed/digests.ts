import type { WorkspaceRecord } from "../../src/services/records";
import type { Store } from "../../src/services/store";

/**
 * The demo's weekly digest: #sales, Monday 09:00 in the program's time zone, set up by Max, so the
 * sandbox's "Run scheduled jobs now" has a digest to post and /hub digest in #sales shows a schedule.
 * Added only to a channel that never had a subscription: one a person turned off stays off.
 */

export const DEMO_DIGEST = { channelId: "C0SALES", weekday: 1, hour: 9, minute: 0, createdBy: "U0MANAGER" } as const;

export async function seedDigests(tx: Store, workspace: WorkspaceRecord): Promise<number> {
  if (await tx.digests.find(workspace.id, DEMO_DIGEST.channelId)) return 0;
  await tx.digests.upsert({ workspaceId: workspace.id, kind: "channel", timezone: workspace.timezone, ...DEMO_DIGEST });
  return 1;
}
