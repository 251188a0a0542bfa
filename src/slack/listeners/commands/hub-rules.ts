import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { parseArgs, type Token } from "../../parse/command-text";
import type { Message } from "../../views/message";
import { editRulesModal, rulesMessage } from "../../views/rules-view";
import type { CommandInvocation } from "./command-runner";

export const RULES_USAGE =
  "Usage: `/hub rules` shows the program's rules of engagement; admins: `/hub rules edit` to write your own, `/hub rules reset` to remove them.";

/** `/hub rules [edit|reset]`: everyone reads the rules, admins change the part they write. */
export async function hubRules(deps: SlackDeps, invocation: CommandInvocation, rest: Token[]): Promise<Message | null> {
  const { actor, body, client } = invocation;
  const [sub, ...extra] = parseArgs(rest).words;
  const rules = deps.services.rules;
  // Nothing after the subcommand: the rules are written in the modal, never on the command line.
  if (extra.length > 0 || rest.length > (sub === undefined ? 0 : 1)) {
    throw new DomainError("usage", { text: RULES_USAGE });
  }
  switch (sub?.toLowerCase()) {
    case undefined:
      return rulesMessage(rules.show(actor));
    case "edit":
      await client.views.open({ trigger_id: body.trigger_id, view: editRulesModal(rules.editForm(actor).text) });
      return null;
    case "reset": {
      const { rules: after, changed } = await rules.reset(actor);
      const note = changed
        ? ":white_check_mark: Your own rules are removed: everyone now sees the rules built from the settings."
        : "There were no rules of your own to remove: these are built from the settings.";
      return rulesMessage(after, note);
    }
    default:
      throw new DomainError("usage", { text: RULES_USAGE });
  }
}
