import type { RegistrationStatus } from "../deals/registration";
import { DomainError } from "../shared/domain-error";
import type { Problem } from "../shared/error-codes";
import { type PeriodSpec, parsePeriod } from "./periods";

export const METRICS = ["revenue", "deals", "pipeline", "winrate", "registrations", "kudos"] as const;
export type Metric = (typeof METRICS)[number];

export const SCOPES = ["partners", "people"] as const;
export type Scope = (typeof SCOPES)[number];

/** Below this many won + lost deals a win rate says more about luck than skill, so it is not ranked. */
export const WINRATE_MIN_CLOSED = 3;

/** Registrations that can still close: what the pipeline adds up (rejected and expired ones cannot). */
export const PIPELINE_STATUSES: readonly RegistrationStatus[] = ["pending", "conflict", "info_requested", "approved"];

export const METRIC_LABELS: Record<Metric, string> = {
  revenue: "Revenue won",
  deals: "Deals won",
  pipeline: "Open pipeline",
  winrate: "Win rate",
  registrations: "Registrations",
  kudos: "Kudos",
};

/** Metrics whose values are amounts in the reporting currency (minor units). */
export function isMoneyMetric(metric: Metric): boolean {
  return metric === "revenue" || metric === "pipeline";
}

const METRIC_ALIASES: Readonly<Record<string, Metric>> = {
  revenue: "revenue",
  won: "revenue",
  deals: "deals",
  pipeline: "pipeline",
  winrate: "winrate",
  "win-rate": "winrate",
  registrations: "registrations",
  kudos: "kudos",
  shoutouts: "kudos",
};

const SCOPE_ALIASES: Readonly<Record<string, Scope>> = {
  partners: "partners",
  partner: "partners",
  people: "people",
  person: "people",
};

export interface LeaderboardArgs {
  period: PeriodSpec;
  metric: Metric;
  scope: Scope;
  region?: string;
  tier?: string;
  chart: boolean;
}

/** What the Slack layer hands over: the words and the `key:value` options, as its tokenizer split them. */
export interface LeaderboardInput {
  words: readonly string[];
  options: Readonly<Record<string, string>>;
}

export const LEADERBOARD_OPTIONS = ["region", "tier"] as const;

export type ParsedLeaderboardArgs = { ok: true; args: LeaderboardArgs } | { ok: false; problem: Problem };

/**
 * `/leaderboard [period] [metric] [scope] [region:x] [tier:y] [chart]`, every part optional and in
 * any order. A part given twice is refused rather than one silently winning ("month year").
 */
export function parseLeaderboardArgs(input: LeaderboardInput): ParsedLeaderboardArgs {
  let period: { spec: PeriodSpec; word: string } | null = null;
  let metric: { value: Metric; word: string } | null = null;
  let scope: { value: Scope; word: string } | null = null;
  let chart: string | null = null;
  const repeated = (first: string, second: string): ParsedLeaderboardArgs => ({
    ok: false,
    problem: { code: "leaderboard_part_repeated", params: { first, second } },
  });

  for (const raw of input.words) {
    const word = raw.trim();
    if (word === "") continue;
    const lower = word.toLowerCase();
    let spec: PeriodSpec | null;
    try {
      spec = parsePeriod(word);
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, problem: error.problem };
      throw error;
    }
    if (spec !== null) {
      if (period !== null) return repeated(period.word, word);
      period = { spec, word };
      continue;
    }
    const asMetric = METRIC_ALIASES[lower];
    if (asMetric !== undefined) {
      if (metric !== null) return repeated(metric.word, word);
      metric = { value: asMetric, word };
      continue;
    }
    const asScope = SCOPE_ALIASES[lower];
    if (asScope !== undefined) {
      if (scope !== null) return repeated(scope.word, word);
      scope = { value: asScope, word };
      continue;
    }
    if (lower === "chart") {
      if (chart !== null) return repeated(chart, word);
      chart = word;
      continue;
    }
    return { ok: false, problem: { code: "leaderboard_word_unknown", params: { word } } };
  }

  const args: LeaderboardArgs = {
    period: period?.spec ?? { kind: "week" },
    metric: metric?.value ?? "revenue",
    scope: scope?.value ?? "partners",
    chart: chart !== null,
  };
  for (const key of LEADERBOARD_OPTIONS) {
    const value = input.options[key];
    if (value === undefined) continue;
    if (value.trim() === "") return { ok: false, problem: { code: "leaderboard_filter_empty", params: { key } } };
    args[key] = value.trim();
  }
  return { ok: true, args };
}

/** Row keys: one namespace per scope, so a partner id can never be mistaken for a Slack user. */
export function partnerKey(partnerId: number): string {
  return `partner:${partnerId}`;
}

export function personKey(slackUserId: string): string {
  return `user:${slackUserId}`;
}
