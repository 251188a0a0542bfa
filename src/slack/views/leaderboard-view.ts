import type { ImageBlock, KnownBlock } from "@slack/types";
import { formatAmount } from "../../domain/deals/currency";
import { isMoneyMetric, METRIC_LABELS, type Metric, WINRATE_MIN_CLOSED } from "../../domain/leaderboard/metrics";
import type { Movement } from "../../domain/leaderboard/ranking";
import type { LeaderboardLine, LeaderboardResult } from "../../services/leaderboard";
import { ACTIONS, BLOCKS } from "../ids";
import {
  actions,
  button,
  context,
  divider,
  header,
  joinMd,
  LIMITS,
  type Mrkdwn,
  md,
  truncate,
  trusted,
} from "./block-kit";
import { linesToSections, type Message, message, userMention } from "./message";

/** Partner and person names are cut here so ten rows always fit one section. */
const NAME_MAX = 80;
const ALT_TEXT_MAX = 2000;

export interface LeaderboardViewOptions {
  /** "Post to channel" and "Chart" under an answer only the caller sees; a posted message has none. */
  buttons: boolean;
  /** The chart uploaded for this answer: shown as an image instead of the list of rows. */
  chartFileId?: string | null;
  /** The chart was asked for but could not be uploaded: the list is shown with a note. */
  chartFailed?: boolean;
  /** Who posted it to the channel. */
  postedBy?: string;
}

const SCOPE_LABELS = { partners: "Partners", people: "People" } as const;

/** "Revenue won · November 2026 · Partners · region EMEA": the metric, the period, the scope and the filters. */
export function leaderboardTitle(result: LeaderboardResult): string {
  const parts = [METRIC_LABELS[result.metric], result.period.label, SCOPE_LABELS[result.scope]];
  if (result.region !== null) parts.push(`region ${result.region}`);
  if (result.tier !== null) parts.push(`tier ${result.tier}`);
  return parts.join(" · ");
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** A value as people read it: an amount in the reporting currency, a count, or a percentage. */
export function formatValue(metric: Metric, value: number, reportingCurrency: string): string {
  switch (metric) {
    case "revenue":
    case "pipeline":
      return formatAmount(Math.round(value), reportingCurrency);
    case "deals":
      return plural(value, "deal won", "deals won");
    case "registrations":
      return plural(value, "registration", "registrations");
    case "kudos":
      return plural(value, "kudo", "kudos");
    case "winrate":
      return `${Math.round(value * 100)} %`;
  }
}

function lineValue(result: LeaderboardResult, line: LeaderboardLine): string {
  if (!line.showAmount) return "rank only";
  if (line.value === null) {
    return result.metric === "winrate"
      ? `not ranked: ${plural(line.count, "closed deal", "closed deals")}, ${WINRATE_MIN_CLOSED} needed`
      : "not ranked";
  }
  const shown = formatValue(result.metric, line.value, result.reportingCurrency);
  return result.metric === "winrate" ? `${shown} (${line.won} of ${line.count})` : shown;
}

export function movementText(movement: Movement): string {
  switch (movement.kind) {
    case "up":
      return `:arrow_up_small: ${movement.by}`;
    case "down":
      return `:arrow_down_small: ${movement.by}`;
    case "new":
      return "new";
    case "same":
      return "–";
  }
}

/**
 * A person without a known display name is stored under their Slack id: a mention lets Slack show
 * the name (and pings nobody in an ephemeral answer); anyone else is named as stored, escaped.
 */
function rowName(line: LeaderboardLine): Mrkdwn {
  if (line.userId !== null && line.name === line.userId) return userMention(line.userId);
  return md`${truncate(line.name, NAME_MAX)}`;
}

/** One row: "*2.* Acme Resellers — EUR 12,500.00 · :arrow_up_small: 1"; the caller's own row in bold. */
function rowLine(result: LeaderboardResult, line: LeaderboardLine): Mrkdwn {
  const rank = line.rank === null ? "–" : `${line.rank}.`;
  const who = line.mine
    ? md`*${rowName(line)}* (${result.scope === "people" ? "you" : "your company"})`
    : rowName(line);
  const unpriced =
    line.showAmount && line.unpriced > 0 ? md` · ${plural(line.unpriced, "deal", "deals")} not priced` : trusted("");
  return md`*${rank}* ${who} — ${lineValue(result, line)}${unpriced} · ${trusted(movementText(line.movement))}`;
}

/** "3 deals in BRL, ARS not priced: no exchange rate" — counted, never priced as zero. */
function unpricedNote(result: LeaderboardResult): string | null {
  if (!isMoneyMetric(result.metric) || result.unpriced === 0) return null;
  const currencies = result.unpricedCurrencies.length > 0 ? ` in ${result.unpricedCurrencies.join(", ")}` : "";
  return `:warning: ${plural(result.unpriced, "deal", "deals")}${currencies} not priced: no exchange rate for their day (\`/hub rates\`).`;
}

function notes(result: LeaderboardResult): Mrkdwn[] {
  const out: Mrkdwn[] = [];
  const unpriced = unpricedNote(result);
  if (unpriced !== null) out.push(trusted(unpriced));
  if (result.total !== null && !result.hiddenAmounts) {
    out.push(md`Total: ${formatValue(result.metric, result.total, result.reportingCurrency)}`);
  }
  if (result.goalLines.length > 0 && !result.hiddenAmounts) {
    const goals = result.goalLines.map(
      (goal) => md`${goal.label} ${formatValue(result.metric, goal.value, result.reportingCurrency)}`,
    );
    out.push(md`:dart: Goals: ${joinMd(goals, " · ")}`);
  }
  if (result.hiddenAmounts) out.push(trusted(":lock: Other partners' amounts are private: you see their ranks."));
  if (result.metric === "winrate") {
    out.push(trusted(`Win rate = won / (won + lost), ranked from ${WINRATE_MIN_CLOSED} closed deals.`));
  }
  if (isMoneyMetric(result.metric)) out.push(md`Amounts in ${result.reportingCurrency}.`);
  return out;
}

/** The button value: the normalized arguments, read back by the same parser as typed text. */
export function leaderboardButtonValue(argsText: string): string {
  return JSON.stringify({ args: argsText });
}

function buttonsBlock(result: LeaderboardResult, chart: boolean): KnownBlock {
  const value = leaderboardButtonValue(result.argsText);
  const elements = [button(ACTIONS.leaderboardPost, "Post to channel", value)];
  if (!chart) elements.push(button(ACTIONS.leaderboardChart, "Chart", value));
  return actions(elements, BLOCKS.leaderboardActions);
}

/** What a screen reader says for the chart: the title and the ranking as listed. */
export function chartAltText(result: LeaderboardResult): string {
  const rows = result.top.map((line) => `${line.rank ?? "–"}. ${line.name}: ${lineValue(result, line)}`);
  return truncate([leaderboardTitle(result), ...rows].join("; "), ALT_TEXT_MAX);
}

export function chartImageBlock(fileId: string, altText: string): ImageBlock {
  return { type: "image", slack_file: { id: fileId }, alt_text: truncate(altText, ALT_TEXT_MAX) };
}

/**
 * A leaderboard as a message: the title, the top rows with rank, value and movement against the
 * previous period, the caller's own row under a divider when it is outside the top, then notes
 * (unpriced deals, totals, goals, hidden amounts). With a chart, the image replaces the rows.
 */
export function leaderboardMessage(result: LeaderboardResult, options: LeaderboardViewOptions): Message {
  const title = leaderboardTitle(result);
  const blocks: KnownBlock[] = [header(title)];
  if (options.postedBy !== undefined) blocks.push(context(md`Posted by ${userMention(options.postedBy)}`));
  const chartFileId = options.chartFileId ?? null;
  if (chartFileId !== null) {
    blocks.push(chartImageBlock(chartFileId, chartAltText(result)));
  } else if (result.top.length === 0) {
    blocks.push(...linesToSections([trusted("_Nothing to show for this period yet._")]));
  } else {
    blocks.push(...linesToSections(result.top.map((line) => rowLine(result, line))));
  }
  if (chartFileId === null && result.caller !== null) {
    blocks.push(divider(), ...linesToSections([rowLine(result, result.caller)]));
  }
  const footer = notes(result);
  if (options.chartFailed) footer.unshift(trusted(":warning: The chart could not be uploaded, so here is the list."));
  if (footer.length > 0) blocks.push(context(...footer.slice(0, LIMITS.contextElements)));
  if (options.buttons) blocks.push(buttonsBlock(result, chartFileId !== null));
  return message(fallbackText(result, title), blocks);
}

/** The notification text: the title and the leader, so a preview says who leads. */
function fallbackText(result: LeaderboardResult, title: string): Mrkdwn {
  const leader = result.top[0];
  if (leader === undefined) return md`${title}: nothing to show yet`;
  return md`${title}: ${truncate(leader.name, NAME_MAX)} leads (${lineValue(result, leader)})`;
}
