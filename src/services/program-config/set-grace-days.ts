import { requireAdmin } from "../../domain/partners/roles";
import { validateGraceDays } from "../../domain/program/program-config";
import type { ProgramConfig } from "../../domain/program/program-types";
import type { Actor } from "../access-service";
import type { ProgramConfigContext } from "./program-config-context";

/** `/partner program grace 30`: how long a partner below its tier keeps it while managers review. */
export async function setGraceDays(
  context: ProgramConfigContext,
  actor: Actor,
  days: number | string,
): Promise<ProgramConfig> {
  requireAdmin(actor.role, "edit_program");
  const demotionGraceDays = validateGraceDays(days);
  const { workspace } = actor;
  return context.store.transaction(async (tx) => {
    await tx.workspaces.lock(workspace.id);
    const before = await tx.programConfig.get(workspace.id);
    if (before.demotionGraceDays === demotionGraceDays) return before;
    const after = { ...before, demotionGraceDays };
    await tx.programConfig.save(workspace.id, after);
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: "program.update",
      target: "grace",
      data: { section: "grace", before: String(before.demotionGraceDays), after: String(demotionGraceDays) },
    });
    return after;
  });
}
