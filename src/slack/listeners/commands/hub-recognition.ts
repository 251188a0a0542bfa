import type { WebClient } from "@slack/web-api";
import { DomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { MemberRecord, WorkspaceRecord } from "../../../services/records";
import type { SlackDeps } from "../../deps";
import { channelFacts, channelNames } from "../../identity/channel-info";
import { parseArgs, type Token } from "../../parse/command-text";
import type { Message } from "../../views/message";
import { settingsMessage } from "../../views/settings-view";

/** The settings, with the channels they name looked up (names, never raw ids). */
export async function settingsReply(
  client: WebClient,
  workspace: WorkspaceRecord,
  changed?: string,
  member?: MemberRecord,
): Promise<Message> {
  const names = await channelNames(client, [workspace.approvalsChannel, workspace.celebrationsChannel]);
  return settingsMessage(workspace, changed, member, names);
}

const SHOUTOUTS_USAGE =
  "Usage: `/hub shoutouts allowance 5`, `/hub shoutouts first-win on|off`, `/hub shoutouts record-month on|off`, `/hub shoutouts channel #wins|none` (admins)";

function onOff(word: string | undefined): boolean {
  if (word === "on") return true;
  if (word === "off") return false;
  throw new DomainError("usage", { text: `Say on or off. ${SHOUTOUTS_USAGE}` });
}

/** `/hub values Customer first, Win together`: the program's company values, comma-separated (admins). */
export async function changeValues(deps: SlackDeps, client: WebClient, actor: Actor, rest: Token[]): Promise<Message> {
  const typed = parseArgs(rest).words.join(" ").trim();
  if (typed === "") return settingsReply(client, actor.workspace, undefined, actor.member);
  const values = typed
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value !== "");
  const workspace = await deps.services.recognition.setValues(actor, values);
  return settingsReply(client, workspace, `Company values: ${workspace.companyValues.join(", ")}.`, actor.member);
}

/** `/hub shoutouts …`: the daily allowance and the milestone celebrations (admins). */
export async function changeShoutoutSettings(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  rest: Token[],
): Promise<Message> {
  const args = parseArgs(rest);
  const [setting, word] = args.words.map((entry) => entry.toLowerCase());
  const recognition = deps.services.recognition;
  switch (setting) {
    case undefined:
      return settingsReply(client, actor.workspace, undefined, actor.member);
    case "allowance": {
      const n = Number(word);
      if (word === undefined || !/^\d+$/.test(word))
        throw new DomainError("usage", { text: `Give a whole number. ${SHOUTOUTS_USAGE}` });
      const workspace = await recognition.setAllowance(actor, n);
      return settingsReply(client, workspace, `Each person can recognize ${workspace.shoutoutAllowance} a day.`);
    }
    case "first-win": {
      const workspace = await recognition.setCelebrations(actor, { firstWin: onOff(word) });
      return settingsReply(
        client,
        workspace,
        `First won deals are ${workspace.celebrateFirstWin ? "" : "not "}celebrated.`,
      );
    }
    case "record-month": {
      const workspace = await recognition.setCelebrations(actor, { recordMonth: onOff(word) });
      return settingsReply(
        client,
        workspace,
        `Record months are ${workspace.celebrateRecordMonth ? "" : "not "}celebrated.`,
      );
    }
    case "channel": {
      const channel = args.channels[0]?.id ?? (word === "none" ? null : undefined);
      if (channel === undefined) throw new DomainError("usage", { text: `Name a channel or none. ${SHOUTOUTS_USAGE}` });
      // Celebrations name partners: never into a partner's channel or one shared with another organization.
      const shared = channel === null ? false : (await channelFacts(client, channel)).shared;
      const workspace = await recognition.setCelebrations(actor, { channel }, { shared });
      return settingsReply(client, workspace, "Where milestones are celebrated is updated.");
    }
    default:
      throw new DomainError("usage", { text: SHOUTOUTS_USAGE });
  }
}

const SETTINGS_USAGE =
  "Usage: `/hub settings shoutouts public|private`, or for admins `/hub settings approval-reminder 3|off` and `/hub settings leaderboard-amounts own|all`";

/**
 * `/hub settings shoutouts public|private`: the person's own choice, for shout-outs they receive;
 * `/hub settings approval-reminder 3|off`: after how many working days managers are reminded (admins);
 * `/hub settings leaderboard-amounts own|all`: what partner members see of the others' figures (admins).
 */
export async function changeOwnSettings(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  rest: Token[],
): Promise<Message> {
  const [topic, choice] = parseArgs(rest).words.map((entry) => entry.toLowerCase());
  if (topic === undefined) return settingsReply(client, actor.workspace, undefined, actor.member);
  if (topic === "approval-reminder") {
    if (choice === undefined) throw new DomainError("usage", { text: SETTINGS_USAGE });
    const { workspace } = await deps.services.settings.change(actor, "approval-reminder", choice);
    const days = workspace.approvalReminderDays;
    const sentence =
      days === 0
        ? "Managers are not reminded of waiting registrations."
        : `Managers are reminded of registrations waiting more than ${days} working ${days === 1 ? "day" : "days"}.`;
    return settingsReply(client, workspace, sentence, actor.member);
  }
  if (topic === "leaderboard-amounts") {
    if (choice === undefined) throw new DomainError("usage", { text: SETTINGS_USAGE });
    const { workspace } = await deps.services.settings.change(actor, "leaderboard-amounts", choice);
    const sentence =
      workspace.leaderboardAmounts === "all"
        ? "Partner members now see every partner's amounts on leaderboards."
        : "Partner members now see their own amounts and only the other partners' ranks.";
    return settingsReply(client, workspace, sentence, actor.member);
  }
  if (topic !== "shoutouts" || (choice !== "public" && choice !== "private"))
    throw new DomainError("usage", { text: SETTINGS_USAGE });
  const member = await deps.services.recognition.setAnnounce(actor, choice === "public");
  const sentence =
    choice === "public"
      ? "Shout-outs you receive are announced in the channel."
      : "Shout-outs you receive come to you privately; they still count.";
  return settingsReply(client, actor.workspace, sentence, member);
}
