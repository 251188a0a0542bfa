import type { Tier } from "../../src/domain/partners/partner-rules";
import type { PartnerRecord } from "../../src/services/records";
import type { DealWorld, Program } from "./deal-fixtures";

let resources = 0;

/** A training in the program's library (required for `requiredFor` when given), written straight to the store. */
export async function training(
  world: DealWorld,
  program: Program,
  fields: { title?: string; requiredFor?: Tier | null; minTier?: Tier } = {},
) {
  resources += 1;
  return world.opened.store.resources.create({
    workspaceId: program.admin.workspace.id,
    title: fields.title ?? `Sales training ${resources}`,
    url: `https://learn.example.com/${resources}`,
    kind: "training",
    tags: [],
    minTier: fields.minTier ?? "registered",
    requiredFor: fields.requiredFor ?? null,
    createdBy: "U_MANAGER",
  });
}

/** `userId` of `partner` completed the training at `at` (as "Mark done" records it). */
export async function completed(
  world: DealWorld,
  program: Program,
  resourceId: number,
  userId: string,
  partner: PartnerRecord | null,
  at: Date,
): Promise<boolean> {
  return world.opened.store.resources.complete({
    workspaceId: program.admin.workspace.id,
    resourceId,
    slackUserId: userId,
    partnerId: partner?.id ?? null,
    at,
  });
}

/** Audit entries of one action in the workspace, oldest first. */
export async function auditOf(world: DealWorld, workspaceId: number, action: string) {
  const entries = await world.opened.db.auditEntry.findMany({ where: { workspaceId, action }, orderBy: { id: "asc" } });
  return entries.map((entry) => ({
    actor: entry.actor,
    target: entry.target,
    data: JSON.parse(entry.data) as Record<string, unknown>,
  }));
}
