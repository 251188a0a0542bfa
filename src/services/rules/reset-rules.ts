import { requireAdmin } from "../../domain/partners/roles";
import type { Actor } from "../access-service";
import { writeRules } from "./save-rules";
import { currentRules, type ProgramRules, type RulesContext } from "./show-rules";

/**
 * `/hub rules reset`: drops the admins' own text, leaving the rules built from the settings.
 * Audited like an edit; `changed` is false when there was no text to drop.
 */
export async function resetRules(
  context: RulesContext,
  actor: Actor,
): Promise<{ rules: ProgramRules; changed: boolean }> {
  requireAdmin(actor.role, "edit_rules");
  const changed = await writeRules(context, actor, null);
  return { rules: await currentRules(context, actor), changed };
}
