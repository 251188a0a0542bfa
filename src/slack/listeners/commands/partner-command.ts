import type { App } from "@slack/bolt";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { channelFacts } from "../../identity/channel-info";
import { parseArgs, splitSubcommand } from "../../parse/command-text";
import { md } from "../../views/block-kit";
import { commandHelpMessage } from "../../views/help-view";
import {
  partnerAddedMessage,
  partnerAssignedMessage,
  partnerChannelTiedMessage,
  partnerChannelUntiedMessage,
  partnerListMessage,
  partnerMemberRemovedMessage,
  partnerMembersMessage,
} from "../../views/partner-views";
import { registerCommand } from "./command-runner";
import { partnerApplications } from "./partner-applications";
import { partnerApply } from "./partner-apply";
import { partnerShow } from "./partner-card";
import { partnerExport } from "./partner-export";
import { partnerOnboarding } from "./partner-onboarding";
import { partnerProgram } from "./partner-program";
import { partnerResources, partnerTraining } from "./partner-resources";
import { partnerReview, partnerScorecard } from "./partner-scorecard";
import { partnerTiers } from "./partner-tiers";

const ADD_USAGE = "Usage: `/partner add Acme Resellers region:EMEA tier:gold`";
const ASSIGN_USAGE = "Usage: `/partner assign @someone Acme Resellers`";
const MEMBERS_USAGE = "Usage: `/partner members Acme Resellers`";
const REMOVE_USAGE = "Usage: `/partner remove @someone`";
const CHANNEL_USAGE = "Usage: `/partner channel #partner-acme Acme Resellers`, or `/partner channel #partner-acme off`";

export function registerPartnerCommand(app: App, deps: SlackDeps): void {
  const partners = deps.services.partners;
  registerCommand(app, deps, "/partner", async (invocation) => {
    const { actor, text, body, client } = invocation;
    const { sub, rest } = splitSubcommand(text);
    switch (sub) {
      case "":
      case "help":
        return commandHelpMessage("/partner", undefined, actor.role);
      case "add": {
        const args = parseArgs(rest, ["region", "tier"]);
        if (args.users.length > 0 || args.channels.length > 0) {
          throw new DomainError("usage", { text: `A partner name can't contain mentions. ${ADD_USAGE}` });
        }
        if (args.words.length === 0) throw new DomainError("usage", { text: `Name the partner company. ${ADD_USAGE}` });
        const created = await partners.add(actor, {
          name: args.words.join(" "),
          ...(args.options.region !== undefined && { region: args.options.region }),
          ...(args.options.tier !== undefined && { tier: args.options.tier }),
        });
        return partnerAddedMessage(created);
      }
      case "list":
        return partnerListMessage(await partners.list(actor));
      case "assign": {
        const args = parseArgs(rest);
        const user = args.users[0];
        if (!user || args.users.length > 1) {
          throw new DomainError("usage", { text: `Mention one person with @ so Slack links them. ${ASSIGN_USAGE}` });
        }
        if (args.words.length === 0)
          throw new DomainError("usage", { text: `Name the partner company. ${ASSIGN_USAGE}` });
        const { partner, previousPartnerId } = await partners.assign(actor, user.id, args.words.join(" "));
        const previous = previousPartnerId === null ? null : await partners.byId(actor, previousPartnerId);
        return partnerAssignedMessage(user.id, partner, previous);
      }
      case "export":
        return partnerExport(deps, invocation, rest);
      // The partner program (issue 14): members use apply, show, scorecard, onboarding, resources.
      case "apply":
        return partnerApply(deps, invocation, rest);
      case "applications":
        return partnerApplications(deps, invocation, rest);
      case "program":
        return partnerProgram(deps, invocation, rest);
      case "onboarding":
        return partnerOnboarding(deps, invocation, rest);
      case "show":
        return partnerShow(deps, invocation, rest);
      case "scorecard":
        return partnerScorecard(deps, invocation, rest);
      case "review":
        return partnerReview(deps, invocation, rest);
      case "resources":
        return partnerResources(deps, invocation, rest);
      case "training":
        return partnerTraining(deps, invocation, rest);
      case "tiers":
        return partnerTiers(deps, invocation, rest);
      case "members": {
        const args = parseArgs(rest);
        if (args.words.length === 0)
          throw new DomainError("usage", { text: `Name the partner company. ${MEMBERS_USAGE}` });
        const { partner, members } = await partners.members(actor, args.words.join(" "));
        return partnerMembersMessage(partner, members);
      }
      case "remove": {
        const args = parseArgs(rest);
        const user = args.users[0];
        if (!user || args.users.length > 1 || args.words.length > 0) {
          throw new DomainError("usage", { text: `Mention one person with @ so Slack links them. ${REMOVE_USAGE}` });
        }
        const { partner } = await partners.removeMember(actor, user.id);
        return partnerMemberRemovedMessage(user.id, partner);
      }
      case "channel": {
        const args = parseArgs(rest);
        if (args.channels.length > 1 || args.users.length > 0) {
          throw new DomainError("usage", { text: `Name one channel. ${CHANNEL_USAGE}` });
        }
        // Typed in the channel itself, the channel can be left out.
        const channelId = args.channels[0]?.id ?? body.channel_id;
        if (args.words.length === 0)
          throw new DomainError("usage", { text: `Name the partner company. ${CHANNEL_USAGE}` });
        if (args.words.length === 1 && args.words[0]?.toLowerCase() === "off") {
          const untied = await partners.untieChannel(actor, channelId);
          return partnerChannelUntiedMessage(untied, channelId);
        }
        const { shared } = await channelFacts(client, channelId);
        const { partner, previousChannel } = await partners.tieChannel(actor, channelId, args.words.join(" "), {
          shared,
        });
        return partnerChannelTiedMessage(partner, channelId, previousChannel);
      }
      default:
        return commandHelpMessage("/partner", md`I don't know \`/partner ${sub}\`.`, actor.role);
    }
  });
}
