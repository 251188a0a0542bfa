import type { TopLevelSpec } from "vega-lite";

/** One bar: `value` sets its length, `display` is the text printed at its end (already formatted). */
export interface BarChartRow {
  label: string;
  value: number;
  display: string;
}

/** A target drawn as a vertical dashed line across every bar, labelled at the top. */
export interface GoalLine {
  label: string;
  value: number;
}

export interface BarChartInput {
  title: string;
  subtitle?: string;
  rows: BarChartRow[];
  goalLines?: GoalLine[];
  /** Title of the value axis, e.g. "EUR" or "won deals". */
  unit?: string;
  /** Shown instead of bars when `rows` is empty. */
  emptyMessage?: string;
}

export const FONT_FAMILY = "DejaVu Sans";
export const DEFAULT_EMPTY_MESSAGE = "Nothing to show for this period yet.";

/**
 * Sized for Slack's image preview, which scales an image to the message column: ~800 px wide keeps
 * 13 px labels readable after that scaling. Height grows with the rows so bars never get thinner.
 */
export const LAYOUT = {
  width: 800,
  labelWidth: 200,
  rowHeight: 30,
  goalLabelHeight: 16,
  emptyHeight: 120,
  padding: 16,
  fontSize: 13,
};
const PLOT_WIDTH = LAYOUT.width - LAYOUT.labelWidth - 2 * LAYOUT.padding;
const BAR_COLOR = "#4A154B";
const GOAL_COLOR = "#E01E5A";
const TEXT_COLOR = "#1D1C1D";
const MUTED_COLOR = "#616061";

/** Room right of the longest bar for its printed value. */
const HEADROOM = 1.22;
const TITLE_ONLY = 34;
const TITLE_WITH_SUBTITLE = 52;
const UNIT_CAPTION_HEIGHT = 24;

/**
 * The vega-lite spec of a horizontal bar chart, largest value on top. Rows with equal values keep
 * the caller's order (the ranking already breaks ties by name).
 *
 * Labels are data, never part of a field name or an expression: vega escapes text it writes into
 * the SVG, and a bar is keyed by its position, so two partners with the same name get two bars.
 */
export function barChartSpec(input: BarChartInput): TopLevelSpec {
  for (const row of input.rows) assertFinite(row.value, `value of "${row.label}"`);
  for (const goal of input.goalLines ?? []) assertFinite(goal.value, `goal line "${goal.label}"`);
  if (input.rows.length === 0) return emptySpec(input);

  const rows = input.rows
    .map((row, order) => ({ ...row, order }))
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .map((row, position) => ({ key: String(position), label: row.label, value: row.value, display: row.display }));
  const goals = input.goalLines ?? [];
  const values = [...rows.map((r) => r.value), ...goals.map((g) => g.value)];
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const domain = [min * HEADROOM, max === 0 && min === 0 ? 1 : max * HEADROOM];
  const goalBand = goals.length * LAYOUT.goalLabelHeight;
  const keys = rows.map((r) => r.key);
  const y = {
    field: "key",
    type: "nominal" as const,
    scale: { domain: keys, paddingInner: 0.3, paddingOuter: 0.15 },
    axis: null,
  };
  const x = {
    field: "value",
    type: "quantitative" as const,
    scale: { domain, nice: false, zero: true },
    stack: null,
    // No tick numbers: `value` may be in minor units or a ratio, only `display` is what people read.
    axis: input.unit
      ? { title: input.unit, labels: false, ticks: false, grid: false, domain: false, titleColor: MUTED_COLOR }
      : null,
  };

  return {
    ...frame(input, rows.length * LAYOUT.rowHeight, goalBand),
    layer: [
      {
        data: { values: rows },
        layer: [
          {
            name: "bars",
            mark: { type: "bar", color: BAR_COLOR, cornerRadiusEnd: 3 },
            encoding: { x, y },
          },
          {
            name: "values",
            mark: { type: "text", align: "left", baseline: "middle", dx: 5, color: TEXT_COLOR },
            encoding: { x, y, text: { field: "display", type: "nominal" } },
          },
          {
            // Row labels drawn as text marks, not axis labels: the axis would merge equal names.
            name: "labels",
            mark: {
              type: "text",
              align: "right",
              baseline: "middle",
              dx: -8,
              color: TEXT_COLOR,
              limit: LAYOUT.labelWidth - 12,
            },
            encoding: { y, x: { value: 0 }, text: { field: "label", type: "nominal" } },
          },
        ],
      },
      ...goalLayers(goals, x),
    ],
  };
}

/** One entry of a layer spec's `layer` list (vega-lite exports no name for it). */
type Layer = Extract<TopLevelSpec, { layer: unknown }>["layer"][number];

function goalLayers(goals: GoalLine[], x: object): Layer[] {
  if (goals.length === 0) return [];
  // Labels stack upwards above the plot, one line each, so close targets never overlap.
  const values = goals.map((goal, index) => ({ ...goal, labelY: -4 - index * LAYOUT.goalLabelHeight }));
  return [
    {
      data: { values },
      layer: [
        {
          name: "goal_rules",
          mark: { type: "rule", color: GOAL_COLOR, strokeDash: [6, 4], strokeWidth: 2 },
          encoding: { x },
        },
        {
          name: "goal_labels",
          mark: {
            type: "text",
            align: "center",
            baseline: "bottom",
            limit: 220,
            color: GOAL_COLOR,
            fontWeight: "bold",
          },
          encoding: {
            x,
            y: { field: "labelY", type: "quantitative", scale: null },
            text: { field: "label", type: "nominal" },
          },
        },
      ],
    },
  ];
}

function emptySpec(input: BarChartInput): TopLevelSpec {
  return {
    ...frame(input, LAYOUT.emptyHeight),
    data: { values: [{ message: input.emptyMessage ?? DEFAULT_EMPTY_MESSAGE }] },
    mark: { type: "text", align: "center", baseline: "middle", color: MUTED_COLOR, fontSize: 16 },
    encoding: {
      x: { value: (PLOT_WIDTH - LAYOUT.labelWidth) / 2 },
      y: { value: LAYOUT.emptyHeight / 2 },
      text: { field: "message", type: "nominal" },
    },
  };
}

/** What every chart shares: size, title, fonts, white background (Slack's dark mode shows PNGs as they are). */
function frame(input: BarChartInput, height: number, topExtra = 0) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: PLOT_WIDTH,
    height,
    // Fixed padding instead of autosizing, so every chart is exactly LAYOUT.width wide: the bar
    // labels live in the left padding, title and goal labels in the top, the axis in the bottom.
    padding: {
      left: LAYOUT.padding + LAYOUT.labelWidth,
      right: LAYOUT.padding,
      top: LAYOUT.padding + (input.subtitle ? TITLE_WITH_SUBTITLE : TITLE_ONLY) + topExtra,
      bottom: LAYOUT.padding + (input.unit && input.rows.length > 0 ? UNIT_CAPTION_HEIGHT : 0),
    },
    autosize: { type: "none" as const },
    background: "white",
    title: {
      text: input.title,
      ...(input.subtitle ? { subtitle: input.subtitle } : {}),
      anchor: "start" as const,
      frame: "group" as const,
      offset: 14,
      // Title and subtitle start at the bar labels' left edge, not at the plot's.
      dx: -LAYOUT.labelWidth,
    },
    config: {
      font: FONT_FAMILY,
      // ARIA attributes only matter to an SVG in a browser; the PNG does not carry them.
      aria: false,
      view: { stroke: null },
      text: { fontSize: LAYOUT.fontSize },
      axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal" as const },
      title: { fontSize: 17, subtitleFontSize: 13, color: TEXT_COLOR, subtitleColor: MUTED_COLOR },
    },
  };
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`renderBarChart: ${what} is not a finite number (${value})`);
}
