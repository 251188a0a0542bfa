import type { KnownBlock } from "@slack/types";
import { REVIEW_DIMENSIONS, type ReviewDimension } from "../../domain/program/program-types";
import type { ScorecardReviewRecord } from "../../services/program/program-store";
import type { Scorecard, ScorecardFigures } from "../../services/scorecards";
import { ACTIONS } from "../ids";
import {
  actions,
  button,
  context,
  divider,
  fields,
  header,
  type MdValue,
  md,
  mention,
  section,
  trusted,
} from "./block-kit";
import { type Message, message } from "./message";
import { amountText } from "./tier-views";

export const DIMENSION_NAMES: Record<ReviewDimension, string> = {
  engagement: "Engagement",
  pipeline_quality: "Pipeline quality",
  enablement: "Enablement",
  collaboration: "Collaboration",
};

type Kind = "money" | "count" | "share" | "days";

interface Row {
  label: string;
  kind: Kind;
  value: (figures: ScorecardFigures) => number | null;
  /** What a missing value means for this row. */
  none: string;
  /** Fewer is better (days to close). */
  lowerIsBetter?: boolean;
}

const ROWS: readonly Row[] = [
  { label: "Revenue won", kind: "money", value: (f) => f.revenueMinor, none: "none" },
  { label: "Pipeline closing this quarter", kind: "money", value: (f) => f.pipelineMinor, none: "none" },
  { label: "Win rate", kind: "share", value: (f) => f.winRate, none: "n/a (too few closed)" },
  { label: "Deals won", kind: "count", value: (f) => f.dealsWon, none: "0" },
  { label: "Registrations", kind: "count", value: (f) => f.registrations, none: "0" },
  {
    label: "Median days to close",
    kind: "days",
    value: (f) => f.medianDaysToClose,
    none: "n/a (nothing won)",
    lowerIsBetter: true,
  },
  { label: "Goal attainment", kind: "share", value: (f) => f.goalAttainment, none: "no goals" },
  { label: "Training completion", kind: "share", value: (f) => f.trainingCompletion, none: "none required" },
  { label: "Kudos", kind: "count", value: (f) => f.kudos, none: "0" },
];

function valueText(kind: Kind, value: number, currency: string): string {
  switch (kind) {
    case "money":
      return `${currency} ${amountText(value, currency, true)}`;
    case "count":
      return String(value);
    case "share":
      return `${Math.round(value * 100)} %`;
    case "days":
      return `${value.toFixed(1)} days`;
  }
}

function deltaText(kind: Kind, delta: number, currency: string): string {
  const sign = delta > 0 ? "+" : "−";
  const size = Math.abs(delta);
  switch (kind) {
    case "money":
      return `${sign}${amountText(size, currency, true)}`;
    case "count":
      return `${sign}${size}`;
    case "share":
      return `${sign}${Math.round(size * 100)} pts`;
    case "days":
      return `${sign}${size.toFixed(1)}`;
  }
}

/** "▲ +12,000" / "▼ −2" / "= same" / "new": the change against the previous quarter. */
export function changeText(row: Row, current: number | null, previous: number | null, currency: string): string {
  if (current === null) return "";
  if (previous === null) return "new";
  const delta = current - previous;
  if (Math.abs(delta) < 1e-9) return "= same";
  const better = row.lowerIsBetter ? delta < 0 : delta > 0;
  return `${better ? "▲" : "▼"} ${deltaText(row.kind, delta, currency)}`;
}

function figureField(row: Row, view: Scorecard): [string, MdValue] {
  const current = row.value(view.current);
  const previous = row.value(view.previous);
  const currency = view.reportingCurrency;
  if (current === null) return [row.label, row.none];
  const change = changeText(row, current, previous, currency);
  return [row.label, `${valueText(row.kind, current, currency)}${change ? `  ${change}` : ""}`];
}

function trendCell(kind: Kind, value: number | null, currency: string): string {
  return value === null ? "–" : kind === "money" ? amountText(value, currency, true) : valueText(kind, value, currency);
}

/** The last four quarters, oldest first, as a fixed-width table (only app-made text in it). */
function trendTable(view: Scorecard): string {
  const currency = view.reportingCurrency;
  const columns: { title: string; cell: (figures: ScorecardFigures) => string }[] = [
    { title: `Revenue (${currency})`, cell: (f) => trendCell("money", f.revenueMinor, currency) },
    { title: "Won", cell: (f) => trendCell("count", f.dealsWon, currency) },
    { title: "Win rate", cell: (f) => trendCell("share", f.winRate, currency) },
    { title: "Registrations", cell: (f) => trendCell("count", f.registrations, currency) },
  ];
  const lines = [
    ["Quarter", ...columns.map((column) => column.title)],
    ...view.trend.map((entry) => [entry.quarter.label, ...columns.map((column) => column.cell(entry.figures))]),
  ];
  const widths = (lines[0] ?? []).map((_, i) => Math.max(...lines.map((line) => (line[i] ?? "").length)));
  return lines
    .map((line) =>
      line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "),
    )
    .join("\n");
}

/** "Engagement 4/5 · Pipeline quality 3/5": only the dimensions rated. */
export function ratingsText(review: ScorecardReviewRecord): string {
  const rated = REVIEW_DIMENSIONS.flatMap((dimension) => {
    const rating = review.ratings[dimension];
    return rating === undefined ? [] : [`${DIMENSION_NAMES[dimension]} ${rating}/5`];
  });
  return rated.length > 0 ? rated.join(" · ") : "no ratings";
}

function reviewBlocks(label: string, review: ScorecardReviewRecord | null): KnownBlock[] {
  if (!review) return [context(md`*${label}:* not reviewed yet.`)];
  const blocks: KnownBlock[] = [section(md`*${label}* by ${mention(review.reviewedBy)}: ${ratingsText(review)}`)];
  if (review.notes) blocks.push(section(md`_Notes, shared with the partner:_\n${review.notes}`));
  return blocks;
}

/**
 * `/partner scorecard` and the Scorecard button: this quarter against the last, the trend of the
 * last four quarters, and the managers' quarterly review (its notes are visible to the partner).
 */
export function scorecardMessage(view: Scorecard): Message {
  const blocks: KnownBlock[] = [
    header(`${view.partner.name}: scorecard ${view.quarter.label}`),
    context(md`So far this quarter; changes are against ${view.previousQuarter.label}.`),
    fields(ROWS.map((row) => figureField(row, view))),
  ];
  if (view.current.unpriced > 0) {
    blocks.push(
      context(
        md`:grey_question: ${view.current.unpriced} won ${view.current.unpriced === 1 ? "deal is" : "deals are"} not priced (no exchange rate) and not in the revenue.`,
      ),
    );
  }
  blocks.push(
    divider(),
    section(md`*Trend*\n${trusted(`\`\`\`\n${trendTable(view)}\n\`\`\``)}`),
    divider(),
    ...reviewBlocks(`Review ${view.quarter.label}`, view.review),
    ...reviewBlocks(`Review ${view.previousQuarter.label}`, view.previousReview),
  );
  if (view.canReview) {
    blocks.push(
      actions([
        button(
          ACTIONS.scorecardReviewOpen,
          view.review ? `Edit the ${view.quarter.label} review` : `Review ${view.quarter.label}`,
          String(view.partner.id),
          "primary",
        ),
      ]),
    );
  }
  return message(md`${view.partner.name}: scorecard ${view.quarter.label}`, blocks);
}
