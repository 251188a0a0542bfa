import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import {
  LEADERBOARD_OPTIONS,
  type LeaderboardArgs,
  type ParsedLeaderboardArgs,
  parseLeaderboardArgs,
} from "../../../domain/leaderboard/metrics";
import type { Actor } from "../../../services/access-service";
import { leaderboardChart } from "../../charts/upload-chart";
import type { SlackDeps } from "../../deps";
import { channelFacts } from "../../identity/channel-info";
import { withPeopleNames } from "../../identity/people-names";
import { parseArgs, tokenize } from "../../parse/command-text";
import { mentionSafe } from "../../views/block-kit";
import { errorSentence } from "../../views/error-sentences";
import { commandHelpMessage } from "../../views/help-view";
import { leaderboardMessage } from "../../views/leaderboard-view";
import type { Message } from "../../views/message";
import { registerCommand } from "./command-runner";

/** `/leaderboard` text (or a button's stored arguments) read into arguments; the same parser for both. */
export function readLeaderboardText(text: string): ParsedLeaderboardArgs {
  const { words, options } = parseArgs(tokenize(text), LEADERBOARD_OPTIONS);
  return parseLeaderboardArgs({ words, options });
}

/**
 * The ranking for `args` as the caller may see it in `channelId`, as a list or (args.chart) as a
 * chart image. Where it is asked matters: in a partner's or a shared channel amounts follow the
 * partner-member rule, because others may be looking over the caller's shoulder.
 */
export async function answerLeaderboard(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  args: LeaderboardArgs,
  channelId: string | null,
  // From the App Home the answer is a DM: Post to channel there would post into the DM.
  buttons = channelId !== null,
): Promise<Message> {
  const shared = channelId === null ? false : (await channelFacts(client, channelId)).shared;
  const result = await withPeopleNames(
    client,
    await deps.services.leaderboard.show(actor, args, { channelId, shared }),
  );
  if (!args.chart || result.top.length === 0) return leaderboardMessage(result, { buttons });
  const chart = await leaderboardChart(client, result);
  if ("chartFailed" in chart) {
    deps.logger.warn({ err: String(chart.error) }, "leaderboard: chart upload failed, answering with the list");
    return leaderboardMessage(result, { buttons, chartFailed: true });
  }
  return leaderboardMessage(result, { buttons, chartFileId: chart.chartFileId });
}

/** `/leaderboard [period] [metric] [scope] [region:x] [tier:y] [chart]`: an ephemeral ranking. */
export function registerLeaderboardCommand(app: App, deps: SlackDeps): void {
  registerCommand(app, deps, "/leaderboard", async ({ actor, text, body, client }) => {
    if (text.trim().toLowerCase() === "help") return commandHelpMessage("/leaderboard", undefined, actor.role);
    const parsed = readLeaderboardText(text);
    if (!parsed.ok) {
      return commandHelpMessage("/leaderboard", mentionSafe(errorSentence(parsed.problem)), actor.role);
    }
    return answerLeaderboard(deps, client, actor, parsed.args, body.channel_id || null);
  });
}
