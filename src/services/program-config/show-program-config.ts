import { canAssignRoles, requireManager } from "../../domain/partners/roles";
import type { ProgramConfig } from "../../domain/program/program-types";
import type { Actor } from "../access-service";
import type { ProgramConfigContext } from "./program-config-context";

export interface ProgramConfigView {
  config: ProgramConfig;
  /** The reader may edit it (admins); managers read it to review applications and onboard partners. */
  canEdit: boolean;
  /** Tier revenue thresholds are in it, as minor units. */
  reportingCurrency: string;
}

/** `/partner program`: every section as it stands, for managers and admins. */
export async function showProgramConfig(context: ProgramConfigContext, actor: Actor): Promise<ProgramConfigView> {
  requireManager(actor.role, "edit_program");
  return {
    config: await context.store.programConfig.get(actor.workspace.id),
    canEdit: canAssignRoles(actor.role),
    reportingCurrency: actor.workspace.reportingCurrency,
  };
}
