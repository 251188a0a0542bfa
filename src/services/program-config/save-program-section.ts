import { requireAdmin } from "../../domain/partners/roles";
import { formatSection, parseSection } from "../../domain/program/program-config";
import type { ProgramConfig } from "../../domain/program/program-types";
import type { ProgramSection } from "../../domain/shared/error-codes";
import type { Actor } from "../access-service";
import type { ProgramConfigContext } from "./program-config-context";

/**
 * The Edit modal's Save: the section's lines replace that section (a bad line is refused with its
 * number, nothing saved). Audited with the section's text before and after; the same text again
 * is no change. Partners already onboarding keep the steps they started with.
 */
export async function saveProgramSection(
  context: ProgramConfigContext,
  actor: Actor,
  section: ProgramSection,
  text: string,
): Promise<ProgramConfig> {
  requireAdmin(actor.role, "edit_program");
  const { workspace } = actor;
  const currency = workspace.reportingCurrency;
  return context.store.transaction(async (tx) => {
    // Read and written under the workspace lock: two admins saving different sections at once
    // must not each write back the other's section as it was before.
    await tx.workspaces.lock(workspace.id);
    const before = await tx.programConfig.get(workspace.id);
    const after: ProgramConfig = { ...before, ...parseSection(section, text, currency, before) };
    const previousText = formatSection(section, before, currency);
    const savedText = formatSection(section, after, currency);
    if (previousText === savedText) return before;
    await tx.programConfig.save(workspace.id, after);
    await tx.audit.record({
      workspaceId: workspace.id,
      actor: actor.userId,
      action: "program.update",
      target: section,
      data: { section, before: previousText, after: savedText },
    });
    return after;
  });
}
