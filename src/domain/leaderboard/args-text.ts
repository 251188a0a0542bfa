import { DomainError } from "../shared/domain-error";
import { type LeaderboardArgs, METRICS, type Metric, SCOPES, type Scope } from "./metrics";
import { type PeriodSpec, parsePeriod } from "./periods";

/** An option value the command tokenizer reads back whole: quoted when it holds a space or a quote. */
function optionValue(value: string): string {
  return /[\s"“”„]/.test(value) ? `"${value.replace(/["“”„]/g, "'")}"` : value;
}

function periodWord(period: PeriodSpec): string {
  return period.kind === "range" ? `${period.first}..${period.last}` : period.kind;
}

/**
 * The arguments written out in full and in one order ("month revenue people region:EMEA"): what
 * buttons carry and titles show, and what parseLeaderboardArgs reads back to the same arguments.
 */
export function formatLeaderboardArgs(args: LeaderboardArgs): string {
  const parts = [periodWord(args.period), args.metric, args.scope];
  if (args.region !== undefined) parts.push(`region:${optionValue(args.region)}`);
  if (args.tier !== undefined) parts.push(`tier:${optionValue(args.tier)}`);
  if (args.chart) parts.push("chart");
  return parts.join(" ");
}

/** Same arguments, same key: the part of a post's dedupe key that says what was posted. */
export function leaderboardArgsKey(args: LeaderboardArgs): string {
  return formatLeaderboardArgs(args).toLowerCase().replace(/\s+/g, "_");
}

/** Reads arguments back from JSON (an outbox subject); null when they are not valid arguments. */
export function leaderboardArgsFromJson(value: unknown): LeaderboardArgs | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const period = periodFromJson(record.period);
  const metric = record.metric;
  const scope = record.scope;
  if (period === null || typeof metric !== "string" || typeof scope !== "string") return null;
  if (!(METRICS as readonly string[]).includes(metric) || !(SCOPES as readonly string[]).includes(scope)) return null;
  const args: LeaderboardArgs = {
    period,
    metric: metric as Metric,
    scope: scope as Scope,
    chart: record.chart === true,
  };
  if (typeof record.region === "string" && record.region !== "") args.region = record.region;
  if (typeof record.tier === "string" && record.tier !== "") args.tier = record.tier;
  return args;
}

function periodFromJson(value: unknown): PeriodSpec | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const word =
    record.kind === "range" && typeof record.first === "string" && typeof record.last === "string"
      ? `${record.first}..${record.last}`
      : typeof record.kind === "string"
        ? record.kind
        : "";
  try {
    return parsePeriod(word);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}
