import { requireAdmin } from "../../domain/partners/roles";
import { formatSection } from "../../domain/program/program-config";
import type { ProgramSection } from "../../domain/shared/error-codes";
import type { Actor } from "../access-service";
import type { ProgramConfigContext } from "./program-config-context";

/** The Edit button: the section as one line per item, the text its modal opens with. Admins only. */
export async function programSectionText(
  context: ProgramConfigContext,
  actor: Actor,
  section: ProgramSection,
): Promise<string> {
  requireAdmin(actor.role, "edit_program");
  const config = await context.store.programConfig.get(actor.workspace.id);
  return formatSection(section, config, actor.workspace.reportingCurrency);
}
