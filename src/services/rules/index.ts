import type { Actor } from "../access-service";
import { resetRules } from "./reset-rules";
import { editRulesForm, saveRules } from "./save-rules";
import { type RulesContext, showRules } from "./show-rules";

export { MAX_RULES_LENGTH } from "./save-rules";
export type { ProgramRules, RulesContext } from "./show-rules";

/** `/hub rules`: the program's rules of engagement, read by everyone, written by admins. */
export function createRuleUseCases(context: RulesContext) {
  return {
    show: (actor: Actor) => showRules(actor),
    editForm: (actor: Actor) => editRulesForm(actor),
    save: (actor: Actor, text: string) => saveRules(context, actor, text),
    reset: (actor: Actor) => resetRules(context, actor),
  };
}

export type RuleUseCases = ReturnType<typeof createRuleUseCases>;
