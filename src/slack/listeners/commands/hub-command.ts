import type { App } from "@slack/bolt";
import { isRole, ROLES } from "../../../domain/partners/roles";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { channelFacts } from "../../identity/channel-info";
import { parseArgs, splitSubcommand } from "../../parse/command-text";
import { md } from "../../views/block-kit";
import { commandHelpMessage, hubHelpMessage } from "../../views/help-view";
import { launcherMessage } from "../../views/launcher-view";
import { plain } from "../../views/message";
import { ratesMessage } from "../../views/rates-view";
import { roleSetMessage } from "../../views/role-views";
import { statusMessage } from "../../views/status-view";
import { type CommandInvocation, registerCommand } from "./command-runner";
import { hubAudit } from "./hub-audit";
import { hubDigest } from "./hub-digest";
import { changeOwnSettings, changeShoutoutSettings, changeValues, settingsReply } from "./hub-recognition";
import { hubRules } from "./hub-rules";

const ROLE_USAGE = "Usage: `/hub role @someone admin|manager|member`";
const RATES_USAGE =
  "Usage: `/hub rates`, or for admins `/hub rates EUR 1.08` (from today) or `/hub rates EUR 1.08 2026-11-01`";

export function registerHubCommand(app: App, deps: SlackDeps): void {
  registerCommand(app, deps, "/hub", async (invocation: CommandInvocation) => {
    const { actor, text, body, client } = invocation;
    const { sub, rest } = splitSubcommand(text);
    switch (sub) {
      case "":
      case "help":
        return hubHelpMessage(actor.role);
      case "role": {
        const args = parseArgs(rest);
        const target = args.users[0];
        const role = args.words[0]?.toLowerCase();
        if (!target || args.users.length > 1)
          throw new DomainError("usage", { text: `Mention one person. ${ROLE_USAGE}` });
        if (!role || !isRole(role) || args.words.length > 1) {
          throw new DomainError("usage", { text: `The role must be one of ${ROLES.join(", ")}. ${ROLE_USAGE}` });
        }
        // A Slack Connect guest can't be given a program role: the services refuse, Slack tells who is one.
        const external = await deps.identities.isExternal(actor.workspace.teamId, target.id);
        const { member, previous } = await deps.services.roles.setRole(actor, target.id, role, { external });
        return roleSetMessage(member.slackUserId, member.role, previous);
      }
      case "approvals": {
        const channel = parseArgs(rest).channels[0];
        if (!channel) {
          const current = actor.workspace.approvalsChannel;
          const name = current ? (await channelFacts(client, current)).name : null;
          const where = current ? `Deal approvals go to ${name ? `#${name}` : "a channel I can't see"}. ` : "";
          throw new DomainError("usage", {
            text: `${where || "No approvals channel yet. "}Usage: \`/hub approvals #channel\` (admins)`,
          });
        }
        const { shared } = await channelFacts(client, channel.id);
        await deps.services.settings.setApprovalsChannel(actor, channel.id, { shared });
        return plain(
          `:white_check_mark: Deal registrations will be sent to <#${channel.id}> for approval. Invite me there if I'm not in it yet.`,
        );
      }
      case "launcher": {
        deps.services.settings.checkCanPostLauncher(actor);
        // A channel tied to no partner gets Apply to become a partner instead of Our partnership.
        const tied = await deps.services.partners.partnerOfChannel(actor.workspace.id, body.channel_id);
        try {
          await client.chat.postMessage({
            channel: body.channel_id,
            ...launcherMessage({ tiedToPartner: tied !== null }),
          });
        } catch {
          throw new DomainError("not_in_channel");
        }
        return plain(
          ":white_check_mark: Posted the launcher: partners can register deals with its button, even from Slack Connect. Pin it so it stays at hand.",
        );
      }
      case "rates": {
        const words = parseArgs(rest).words;
        const [currency, rate, date] = words;
        if (currency === undefined) return ratesMessage(await deps.services.rates.list(actor));
        if (rate === undefined || words.length > 3) throw new DomainError("usage", { text: RATES_USAGE });
        const changed = await deps.services.rates.set(actor, { currency, rate, ...(date !== undefined && { date }) });
        return ratesMessage(await deps.services.rates.list(actor), changed);
      }
      case "rules":
        return hubRules(deps, invocation, rest);
      case "audit":
        return hubAudit(deps, invocation, rest);
      case "digest":
        return hubDigest(deps, client, actor, body.channel_id, rest);
      case "status":
        return statusMessage(await deps.services.status.status(actor), deps.outboxLastSweepAt?.() ?? null);
      case "settings":
        return changeOwnSettings(deps, client, actor, rest);
      case "values":
        return changeValues(deps, client, actor, rest);
      case "shoutouts":
        return changeShoutoutSettings(deps, client, actor, rest);
      case "timezone":
      case "currency":
      case "protection": {
        const value = parseArgs(rest).words.join(" ");
        if (value === "") return settingsReply(client, actor.workspace);
        const changed = await deps.services.settings.change(actor, sub, value);
        return settingsReply(client, changed.workspace, `Updated: ${changed.value}.`);
      }
      default:
        return commandHelpMessage("/hub", md`I don't know \`/hub ${sub}\`.`, actor.role);
    }
  });
}
