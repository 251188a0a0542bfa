import { minorUnitsOf, parseAmount } from "../deals/currency";
import { TIERS, type Tier } from "../partners/partner-rules";
import { DomainError } from "../shared/domain-error";
import { invalid, type Line, linesOf } from "./program-lines";
import type { TierRule } from "./program-types";

/** Tier criteria as admins type them, one line per tier above the entry one. */

/** Far above any real target; a bigger count is a typo. */
export const MAX_TIER_COUNT = 1_000_000;

/** The tiers an admin sets criteria for; the entry tier asks for nothing. */
export const RULED_TIERS: readonly Tier[] = TIERS.slice(1);

export function zeroRule(tier: Tier): TierRule {
  return { tier, wonRevenueMinor: 0, dealsWon: 0, peopleTrained: 0, winRate: 0 };
}

function tierFormat(tier: string): string {
  return `${tier}: revenue 20000, won 2, trained 1, winrate 25%`;
}

const TIER_PARTS = ["revenue", "won", "trained", "winrate"] as const;
type TierPart = (typeof TIER_PARTS)[number];

/**
 * `silver: revenue 20000, won 2, trained 1, winrate 0%` for each tier above the entry one, in any
 * order. Revenue is in the reporting currency's major units (its decimals allowed, grouping as
 * people type it); a part left out asks for nothing. A higher tier may not ask for less than the
 * tier below it on any part, or a partner could qualify for gold without qualifying for silver.
 * Returns one rule per tier in TIERS order, the entry tier asking for nothing.
 */
export function parseTierRules(text: string, currency: string): TierRule[] {
  const section = "tiers";
  const lines = linesOf(text, section, RULED_TIERS.length);
  const rules = new Map<Tier, TierRule>();
  for (const line of lines) {
    const match = /^([^:]+):(.*)$/.exec(line.text);
    if (match === null) throw invalid(section, line, tierFormat("silver"));
    const name = (match[1] ?? "").trim();
    const tier = RULED_TIERS.find((known) => known === name.toLowerCase());
    if (tier === undefined) {
      throw new DomainError("program_tier_unknown", { line: line.number, text: name, tiers: RULED_TIERS });
    }
    if (rules.has(tier)) throw new DomainError("program_item_repeated", { section, text: tier });
    rules.set(tier, parseTierLine(line, tier, (match[2] ?? "").trim(), currency));
  }

  const lastLine = lines[lines.length - 1]?.number ?? 0;
  const ordered: TierRule[] = [zeroRule(TIERS[0])];
  for (const tier of RULED_TIERS) {
    const rule = rules.get(tier);
    if (rule === undefined) {
      throw new DomainError("program_line_invalid", {
        section,
        line: lastLine + 1,
        text: "",
        expected: `a line for ${tier}, e.g. ${tierFormat(tier)}`,
      });
    }
    const below = ordered[ordered.length - 1] ?? zeroRule(TIERS[0]);
    const asksLess =
      rule.wonRevenueMinor < below.wonRevenueMinor ||
      rule.dealsWon < below.dealsWon ||
      rule.peopleTrained < below.peopleTrained ||
      rule.winRate < below.winRate;
    if (asksLess) throw new DomainError("program_tier_order", { tier, below: below.tier });
    ordered.push(rule);
  }
  return ordered;
}

function parseTierLine(line: Line, tier: Tier, body: string, currency: string): TierRule {
  const rule = zeroRule(tier);
  if (body === "") return rule;
  const seen = new Set<TierPart>();
  // Split only at commas followed by a part name: revenue amounts may hold grouping commas (20,000).
  for (const piece of body.split(/,\s*(?=(?:revenue|won|trained|winrate)\b)/i)) {
    const match = /^(revenue|won|trained|winrate)\s+(.+)$/i.exec(piece.trim());
    const part = match?.[1]?.toLowerCase() as TierPart | undefined;
    const value = (match?.[2] ?? "").trim();
    if (part === undefined || seen.has(part)) throw invalid("tiers", line, tierFormat(tier));
    seen.add(part);
    switch (part) {
      case "revenue": {
        const minor = parseRevenue(value, currency);
        if (minor === null) throw invalid("tiers", line, `revenue as an amount in ${currency}, e.g. revenue 20000`);
        rule.wonRevenueMinor = minor;
        break;
      }
      case "won":
      case "trained": {
        const count = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
        if (!(count <= MAX_TIER_COUNT)) throw invalid("tiers", line, `${part} as a whole number, e.g. ${part} 2`);
        if (part === "won") rule.dealsWon = count;
        else rule.peopleTrained = count;
        break;
      }
      case "winrate": {
        const percent = /^(\d{1,3})\s*%?$/.exec(value);
        const rate = percent === null ? Number.NaN : Number(percent[1]);
        if (!(rate <= 100)) throw invalid("tiers", line, "winrate as a percentage 0–100, e.g. winrate 25%");
        rule.winRate = rate / 100;
        break;
      }
    }
  }
  return rule;
}

/** Minor units, or null when it is no amount in the currency. Zero is allowed here: it means "no requirement". */
function parseRevenue(text: string, currency: string): number | null {
  if (/^0+(?:[.,]0+)?$/.test(text)) return 0;
  const parsed = parseAmount(text, currency);
  return parsed.ok ? parsed.minor : null;
}

/** Major units without grouping and with decimals only when there are any, so it parses back as typed. */
function formatRevenue(minor: number, currency: string): string {
  const units = minorUnitsOf(currency);
  const digits = String(minor).padStart(units + 1, "0");
  const integer = digits.slice(0, digits.length - units);
  const fraction = digits.slice(digits.length - units);
  return /^0*$/.test(fraction) ? integer : `${integer}.${fraction}`;
}

/** The tiers above the entry one, one line each, in TIERS order. */
export function formatTierRules(rules: readonly TierRule[], currency: string): string {
  return rules
    .filter((rule) => rule.tier !== TIERS[0])
    .map(
      (rule) =>
        `${rule.tier}: revenue ${formatRevenue(rule.wonRevenueMinor, currency)}, won ${rule.dealsWon}, ` +
        `trained ${rule.peopleTrained}, winrate ${Math.round(rule.winRate * 100)}%`,
    )
    .join("\n");
}
