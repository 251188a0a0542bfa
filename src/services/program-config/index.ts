import type { ProgramSection } from "../../domain/shared/error-codes";
import type { Actor } from "../access-service";
import { programSectionText } from "./edit-program-section";
import type { ProgramConfigContext } from "./program-config-context";
import { saveProgramSection } from "./save-program-section";
import { setGraceDays } from "./set-grace-days";
import { showProgramConfig } from "./show-program-config";

export type { ProgramConfigContext } from "./program-config-context";
export type { ProgramConfigView } from "./show-program-config";

/** `/partner program`: the selection criteria, checks, onboarding steps and tier rules admins edit. */
export function createProgramConfigUseCases(context: ProgramConfigContext) {
  return {
    show: (actor: Actor) => showProgramConfig(context, actor),
    editText: (actor: Actor, section: ProgramSection) => programSectionText(context, actor, section),
    saveSection: (actor: Actor, section: ProgramSection, text: string) =>
      saveProgramSection(context, actor, section, text),
    setGraceDays: (actor: Actor, days: number | string) => setGraceDays(context, actor, days),
  };
}

export type ProgramConfigUseCases = ReturnType<typeof createProgramConfigUseCases>;
