import type { App } from "@slack/bolt";
import { isRole, ROLES } from "../../../domain/partners/roles";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { parseArgs, splitSubcommand } from "../../parse/command-text";
import { commandHelpMessage, hubHelpMessage } from "../../views/help-view";
import { roleSetMessage } from "../../views/role-views";
import { type CommandInvocation, registerCommand } from "./command-runner";

const ROLE_USAGE = "Usage: `/hub role @someone admin|manager|member`";

export function registerHubCommand(app: App, deps: SlackDeps): void {
  registerCommand(app, deps, "/hub", async ({ actor, text }: CommandInvocation) => {
    const { sub, rest } = splitSubcommand(text);
    switch (sub) {
      case "":
      case "help":
        return hubHelpMessage();
      case "role": {
        const args = parseArgs(rest);
        const target = args.users[0];
        const role = args.words[0]?.toLowerCase();
        if (!target || args.users.length > 1) throw new DomainError("usage", `Mention one person. ${ROLE_USAGE}`);
        if (!role || !isRole(role) || args.words.length > 1) {
          throw new DomainError("usage", `The role must be one of ${ROLES.join(", ")}. ${ROLE_USAGE}`);
        }
        const { member, previous } = await deps.services.roles.setRole(actor, target.id, role);
        return roleSetMessage(member.slackUserId, member.role, previous);
      }
      default:
        return commandHelpMessage("/hub", `I don't know \`/hub ${sub}\`.`);
    }
  });
}
