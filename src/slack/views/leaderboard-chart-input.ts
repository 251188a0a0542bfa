import { minorUnitsOf } from "../../domain/deals/currency";
import { isMoneyMetric, type Metric } from "../../domain/leaderboard/metrics";
import type { LeaderboardLine, LeaderboardResult } from "../../services/leaderboard";
import type { BarChartInput, BarChartRow } from "../charts/bar-chart";
import { formatValue, leaderboardTitle } from "./leaderboard-view";

const LABEL_MAX = 40;

function label(line: LeaderboardLine): string {
  const name = line.name.length > LABEL_MAX ? `${line.name.slice(0, LABEL_MAX - 1)}…` : line.name;
  return line.rank === null ? name : `${line.rank}. ${name}`;
}

/**
 * The leaderboard as bars. Money is drawn in major units so the axis reads "EUR", win rates in
 * percent. When some amounts are private to this audience, a bar's length would give them away,
 * so every bar is drawn by rank instead (the leader longest) and only the rows the audience may
 * see print their amount; goal lines are left out then, having no place on a rank scale.
 */
export function leaderboardChartInput(result: LeaderboardResult): BarChartInput {
  const { metric, reportingCurrency } = result;
  const title = leaderboardTitle(result);
  const ranked = result.top.filter((line) => line.rank !== null && line.value !== null);
  const display = (line: LeaderboardLine): string =>
    line.showAmount && line.value !== null ? formatValue(metric, line.value, reportingCurrency) : `#${line.rank}`;

  if (result.hiddenAmounts) {
    const last = Math.max(0, ...ranked.map((line) => line.rank ?? 0));
    const rows: BarChartRow[] = ranked.map((line) => ({
      label: label(line),
      value: last + 1 - (line.rank ?? last),
      display: display(line),
    }));
    return { title, subtitle: "Bars show rank: other partners' amounts are private", rows, unit: "rank" };
  }

  const scale = isMoneyMetric(metric) ? 10 ** minorUnitsOf(reportingCurrency) : metric === "winrate" ? 0.01 : 1;
  const rows: BarChartRow[] = ranked.map((line) => ({
    label: label(line),
    value: (line.value ?? 0) / scale,
    display: display(line),
  }));
  const goalLines = result.goalLines.map((goal) => ({
    label: `${goal.label} ${formatValue(metric, goal.value, reportingCurrency)}`,
    value: goal.value / scale,
  }));
  const unit = isMoneyMetric(metric) ? reportingCurrency : UNITS[metric];
  return { title, rows, goalLines, unit };
}

const UNITS: Record<Metric, string> = {
  revenue: "",
  pipeline: "",
  deals: "won deals",
  registrations: "registrations",
  kudos: "kudos",
  winrate: "% won",
};
