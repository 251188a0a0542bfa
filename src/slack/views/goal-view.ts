import type { KnownBlock, SectionBlock } from "@slack/types";
import { formatAmountNumber, minorUnitsOf } from "../../domain/deals/currency";
import type { GoalProgress } from "../../domain/goals/pace";
import { isMoneyMetric, METRIC_LABELS, type Metric } from "../../domain/leaderboard/metrics";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, header, joinMd, type Mrkdwn, md, section, trusted } from "./block-kit";
import { type Message, message } from "./message";

/** What a goal line shows: the shape services.goals.progress returns (GoalLine), as far as a view reads it. */
export interface GoalLineView {
  goal: { id: number; metric: Metric; currency: string | null };
  ownerLabel: string;
  /** Set on a tier or program goal's line about one partner. */
  partnerName: string | null;
  periodLabel: string;
  progress: GoalProgress;
  unpriced: number;
  display: { actual: string; target: string };
}

const BAR_CELLS = 10;

/** "▓▓▓▓▓░░░░░ 52 %": ten cells, rounded down so a bar is full only once the goal is reached. */
export function progressBar(percent: number): string {
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.floor(percent / BAR_CELLS)));
  return `${"▓".repeat(filled)}${"░".repeat(BAR_CELLS - filled)} ${percent} %`;
}

const STATUS: Record<GoalProgress["status"], string> = {
  reached: ":white_check_mark: reached",
  on_pace: "on pace",
  at_risk: ":warning: at risk",
  missed: ":x: missed",
};

/** Counts read as what they count: "3 more deals won". */
const COUNT_NOUNS: Partial<Record<Metric, [one: string, many: string]>> = {
  deals: ["deal won", "deals won"],
  registrations: ["registration", "registrations"],
  kudos: ["kudo", "kudos"],
};

/** "EUR 1,200": whole units, rounded up, so the pace to keep is never smaller than what is missing. */
function wholeAmount(minor: number, currency: string): string {
  const scale = 10 ** minorUnitsOf(currency);
  const whole = Math.ceil(minor / scale - 1e-9) * scale;
  return `${currency} ${formatAmountNumber(whole, currency).split(".")[0]}`;
}

function daysLeftText(days: number): string {
  return days === 1 ? "today, the last day" : `the ${days} days left`;
}

/**
 * What it takes from here: "EUR 1,200 a day for the 12 days left" for money, "3 more deals won in
 * the 12 days left" for counts; nothing once reached or over, and nothing for a win rate (no pace).
 */
export function paceText(line: GoalLineView, reportingCurrency: string): string | null {
  const { progress, goal } = line;
  if (progress.status === "reached" || progress.status === "missed") return null;
  if (progress.neededPerDay === null || progress.neededPerDay <= 0 || progress.daysLeft <= 0) return null;
  if (isMoneyMetric(goal.metric)) {
    // Progress is measured in the reporting currency, whatever currency the target was set in.
    const amount = wholeAmount(progress.neededPerDay, reportingCurrency);
    return `${amount} a day for ${daysLeftText(progress.daysLeft)}`;
  }
  const missing = Math.ceil(progress.neededPerDay * progress.daysLeft - 1e-9);
  const [one, many] = COUNT_NOUNS[goal.metric] ?? ["", ""];
  return `${missing} more ${missing === 1 ? one : many} in ${daysLeftText(progress.daysLeft)}`;
}

/** "▓▓▓▓▓░░░░░ 52 % · EUR 26,000 of EUR 50,000 · :warning: at risk" and what it takes from here. */
function progressText(line: GoalLineView, reportingCurrency: string): Mrkdwn {
  const pace = paceText(line, reportingCurrency);
  const unpriced =
    line.unpriced > 0
      ? md` · :grey_question: ${line.unpriced} ${line.unpriced === 1 ? "deal" : "deals"} not priced (no rate)`
      : md``;
  return md`\`${progressBar(line.progress.percent)}\` · ${line.display.actual} of ${line.display.target} · ${trusted(
    STATUS[line.progress.status],
  )}${unpriced}${pace ? md`\n_${pace}_` : md``}`;
}

/** The lines of one goal: a tier goal has one per partner, a partner's or the program's a single one. */
function groupByGoal(lines: readonly GoalLineView[]): GoalLineView[][] {
  const groups = new Map<number, GoalLineView[]>();
  for (const line of lines) {
    const group = groups.get(line.goal.id);
    if (group) group.push(line);
    else groups.set(line.goal.id, [line]);
  }
  return [...groups.values()];
}

function goalTitle(line: GoalLineView): Mrkdwn {
  return md`*${line.ownerLabel}* · ${METRIC_LABELS[line.goal.metric]} · ${line.periodLabel}`;
}

/**
 * One section per goal (block goalRow(id)) with a Remove button for managers; a goal shown per
 * partner lists each partner's progress under its title.
 */
function goalSection(group: GoalLineView[], reportingCurrency: string, canManage: boolean): SectionBlock {
  const first = group[0] as GoalLineView;
  const single = group.length === 1 && (first.partnerName === null || first.partnerName === first.ownerLabel);
  const body = single
    ? progressText(first, reportingCurrency)
    : joinMd(
        group.map((line) => md`• ${line.partnerName ?? line.ownerLabel}: ${progressText(line, reportingCurrency)}`),
        "\n",
      );
  const block = section(md`${goalTitle(first)}\n${body}`, BLOCKS.goalRow(first.goal.id));
  return canManage
    ? { ...block, accessory: button(ACTIONS.removeGoal, "Remove", String(first.goal.id), "danger") }
    : block;
}

/** The goal sections, at most `max`, with a line saying how many more there are. */
export function goalBlocks(
  lines: readonly GoalLineView[],
  options: { reportingCurrency: string; canManage: boolean; max: number; more?: Mrkdwn },
): KnownBlock[] {
  const groups = groupByGoal(lines);
  const shown = groups.slice(0, options.max);
  const blocks: KnownBlock[] = shown.map((group) => goalSection(group, options.reportingCurrency, options.canManage));
  const hidden = groups.length - shown.length;
  if (hidden > 0)
    blocks.push(context(md`…and ${hidden} more ${hidden === 1 ? "goal" : "goals"}${options.more ?? md``}`));
  return blocks;
}

/** Messages hold 50 blocks: a header, the buttons and a note leave room for this many goals. */
const MAX_GOALS_IN_MESSAGE = 45;

/**
 * `/goal`, `/goal list` and Our goals: the goals with progress bars, the pace to keep and at risk;
 * managers get Set a goal and a Remove button on each.
 */
export function goalsMessage(
  lines: readonly GoalLineView[],
  options: { reportingCurrency: string; canManage: boolean; partnerName?: string | null },
): Message {
  const title = options.canManage ? "Goals" : options.partnerName ? `${options.partnerName}: our goals` : "Our goals";
  const blocks: KnownBlock[] = [header(title)];
  if (lines.length === 0) {
    blocks.push(
      section(
        options.canManage
          ? trusted("No current goals. Set one with the button below or `/goal`.")
          : trusted("No goals for your company this period yet: your channel manager sets them."),
      ),
    );
  } else {
    blocks.push(
      ...goalBlocks(lines, {
        reportingCurrency: options.reportingCurrency,
        canManage: options.canManage,
        max: MAX_GOALS_IN_MESSAGE,
      }),
    );
  }
  if (options.canManage) blocks.push(actions([button(ACTIONS.setGoal, "Set a goal", undefined, "primary")]));
  const atRisk = lines.filter((line) => line.progress.status === "at_risk").length;
  const fallback = lines.length === 0 ? `${title}: none yet` : `${title}: ${lines.length}, ${atRisk} at risk`;
  return message(fallback, blocks);
}
