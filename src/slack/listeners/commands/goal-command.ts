import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { canManageProgram } from "../../../domain/partners/roles";
import { DomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { parseArgs, splitSubcommand } from "../../parse/command-text";
import { isRecordId } from "../../parse/record-id";
import { md } from "../../views/block-kit";
import { type GoalModalMetadata, goalModal } from "../../views/goal-modal";
import { goalsMessage } from "../../views/goal-view";
import { commandHelpMessage } from "../../views/help-view";
import { type Message, plain } from "../../views/message";
import { registerCommand } from "./command-runner";

const NO_PARTNER = "You're not in a partner company yet: ask a channel manager to add you with `/partner assign`.";

/**
 * A goal number as typed (`12`, `#12`) or carried by a Remove button: null when it is not a
 * number; one beyond the id range is a goal that is not there (PostgreSQL ids are 32-bit).
 */
export function goalIdOf(text: string | undefined): number | null {
  const digits = /^#?(\d+)$/.exec((text ?? "").trim())?.[1];
  if (digits === undefined) return null;
  const id = Number(digits);
  if (!isRecordId(id)) throw new DomainError("goal_not_found", { id });
  return id;
}

/** The goals the person may see with their progress: their company's, or every current one for managers. */
export async function goalsAnswer(
  deps: SlackDeps,
  actor: Actor,
  partner?: { id: number; name: string },
): Promise<Message> {
  const canManage = canManageProgram(actor.role);
  if (!canManage && actor.member.partnerId === null) return plain(NO_PARTNER);
  const lines = await deps.services.goals.progress(actor, partner ? { partnerId: partner.id } : undefined);
  return goalsMessage(lines, {
    reportingCurrency: actor.workspace.reportingCurrency,
    canManage,
    partnerName: partner?.name ?? null,
  });
}

/** Opens Set a goal (managers; the service refuses others before anything opens). */
export async function openGoalModal(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  triggerId: string,
  metadata: GoalModalMetadata,
): Promise<void> {
  const form = await deps.services.goals.form(actor);
  await client.views.open({ trigger_id: triggerId, view: goalModal(form, metadata) });
}

/**
 * `/goal`: managers set a goal in the modal, members see their company's goals; `/goal list
 * [partner]` and `/goal remove 12` for managers.
 */
export function registerGoalCommand(app: App, deps: SlackDeps): void {
  registerCommand(app, deps, "/goal", async ({ actor, text, body, client }) => {
    const { sub, rest } = splitSubcommand(text);
    const words = parseArgs(rest).words;
    switch (sub) {
      case "":
      case "set":
        if (sub === "" && !canManageProgram(actor.role)) return goalsAnswer(deps, actor);
        await openGoalModal(deps, client, actor, body.trigger_id, { fromHome: false });
        return null;
      case "help":
        return commandHelpMessage("/goal", undefined, actor.role);
      case "list": {
        const name = words.join(" ").trim();
        if (name === "" || !canManageProgram(actor.role)) return goalsAnswer(deps, actor);
        const partner = await deps.services.partners.findByName(actor, name);
        return goalsAnswer(deps, actor, partner);
      }
      case "remove": {
        const id = goalIdOf(words[0]);
        if (id === null || words.length > 1) {
          return commandHelpMessage(
            "/goal",
            md`Say which goal: \`/goal remove 12\` (its number is in \`/goal list\`).`,
            actor.role,
          );
        }
        await deps.services.goals.remove(actor, id);
        return plain(`:white_check_mark: Goal #${id} removed.`);
      }
      default:
        return commandHelpMessage("/goal", md`I don't know \`/goal ${sub}\`.`, actor.role);
    }
  });
}
