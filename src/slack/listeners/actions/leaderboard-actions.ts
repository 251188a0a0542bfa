import type { App } from "@slack/bolt";
import type { LeaderboardArgs } from "../../../domain/leaderboard/metrics";
import type { SlackDeps } from "../../deps";
import { channelFacts } from "../../identity/channel-info";
import { ACTIONS } from "../../ids";
import { plain } from "../../views/message";
import { answerLeaderboard, readLeaderboardText } from "../commands/leaderboard-command";
import { registerAction } from "./action-runner";

const STALE = "That button is out of date: run `/leaderboard` again.";

/**
 * A button's arguments, written by leaderboardButtonValue and read back through the command's own
 * parser: a forged or stale value meets the same checks as typed text, and null means "stale".
 */
export function buttonArgs(value: string | undefined): LeaderboardArgs | null {
  try {
    const parsed: unknown = JSON.parse(value ?? "");
    const args = (parsed as { args?: unknown } | null)?.args;
    if (typeof args !== "string") return null;
    const read = readLeaderboardText(args);
    return read.ok ? read.args : null;
  } catch {
    return null;
  }
}

/** "Post to channel" and "Chart" under a leaderboard answer. */
export function registerLeaderboardActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.leaderboardPost, async ({ actor, action, body, client, tell, fromHome }) => {
    const args = buttonArgs(action.value);
    if (args === null) return tell(plain(STALE));
    const channelId = fromHome ? null : (body.channel?.id ?? null);
    if (channelId === null) return tell(plain("Run `/leaderboard` in a channel to post it there."));
    const { shared } = await channelFacts(client, channelId);
    await deps.services.leaderboard.post(actor, args, { id: channelId, shared });
    await tell(plain(":white_check_mark: Posting the leaderboard in this channel for everyone."));
  });

  registerAction(app, deps, ACTIONS.leaderboardChart, async ({ actor, action, body, client, tell, fromHome }) => {
    const args = buttonArgs(action.value);
    if (args === null) return tell(plain(STALE));
    const channelId = fromHome ? null : (body.channel?.id ?? null);
    await tell(await answerLeaderboard(deps, client, actor, { ...args, chart: true }, channelId));
  });
}
