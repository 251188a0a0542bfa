import { describe, expect, it } from "vitest";
import {
  criterionKey,
  DEFAULT_PROGRAM_CONFIG,
  formatChecklist,
  formatCriteria,
  formatOnboardingSteps,
  formatSection,
  MAX_CHECKLIST_ITEM,
  MAX_CHECKLIST_ITEMS,
  MAX_CRITERIA,
  MAX_CRITERION_LABEL,
  MAX_GRACE_DAYS,
  MAX_ONBOARDING_LABEL,
  MAX_ONBOARDING_STEPS,
  MIN_GRACE_DAYS,
  parseChecklist,
  parseCriteria,
  parseOnboardingSteps,
  parseSection,
  validateGraceDays,
} from "../../../src/domain/program/program-config";
import type { ProgramConfig } from "../../../src/domain/program/program-types";
import { decodeProgramConfig, encodeProgramConfig } from "../../../src/domain/program/stored-program-config";
import { formatTierRules, parseTierRules } from "../../../src/domain/program/tier-rule-lines";
import type { ProgramSection } from "../../../src/domain/shared/error-codes";
import { errorOf } from "../../support/domain-error";

const SECTIONS: ProgramSection[] = ["criteria", "dueDiligence", "onboarding", "tiers"];
const DEFAULT_TIERS_TEXT = [
  "silver: revenue 20000, won 2, trained 1, winrate 0%",
  "gold: revenue 60000, won 5, trained 2, winrate 25%",
  "platinum: revenue 150000, won 10, trained 3, winrate 35%",
].join("\n");

describe("DEFAULT_PROGRAM_CONFIG", () => {
  it("holds the product's defaults", () => {
    const config = DEFAULT_PROGRAM_CONFIG;
    expect(config.criteria.map((c) => [c.key, c.label, c.weight])).toEqual([
      ["reputation", "Reputation", 2],
      ["track_record", "Track record", 3],
      ["customer_base", "Customer base", 2],
      ["product_fit", "Product fit", 3],
      ["cultural_fit", "Cultural fit", 1],
    ]);
    expect(config.dueDiligence).toEqual([
      "References checked",
      "Partner agreement signed",
      "NDA signed",
      "Credit check done",
    ]);
    expect(config.onboardingSteps.map((s) => [s.key, s.auto])).toEqual([
      ["agreement", "agreement_signed"],
      ["team", "member_added"],
      ["training", "training_completed"],
      ["first_deal", "deal_registered"],
      ["first_win", "deal_won"],
      ["kickoff", null],
    ]);
    expect(config.tierRules).toEqual([
      { tier: "registered", wonRevenueMinor: 0, dealsWon: 0, peopleTrained: 0, winRate: 0 },
      { tier: "silver", wonRevenueMinor: 2_000_000, dealsWon: 2, peopleTrained: 1, winRate: 0 },
      { tier: "gold", wonRevenueMinor: 6_000_000, dealsWon: 5, peopleTrained: 2, winRate: 0.25 },
      { tier: "platinum", wonRevenueMinor: 15_000_000, dealsWon: 10, peopleTrained: 3, winRate: 0.35 },
    ]);
    expect(config.demotionGraceDays).toBe(30);
  });

  it("criterion keys are the slugs of their labels", () => {
    for (const criterion of DEFAULT_PROGRAM_CONFIG.criteria) expect(criterionKey(criterion.label)).toBe(criterion.key);
  });
});

describe("criterionKey", () => {
  it.each([
    ["Track record", "track_record"],
    ["  Product   FIT! ", "product_fit"],
    ["Réputation", "reputation"],
    ["Customer-base", "customer_base"],
    ["!!!", ""],
  ])("%j → %j", (label, key) => {
    expect(criterionKey(label)).toBe(key);
  });
});

describe("criteria", () => {
  it("reads label and weight per line, skipping blank lines and folding spaces", () => {
    expect(parseCriteria("Reputation: 2\n\n  Track   record :3 \r\nFit: 0")).toEqual([
      { key: "reputation", label: "Reputation", weight: 2 },
      { key: "track_record", label: "Track record", weight: 3 },
      { key: "fit", label: "Fit", weight: 0 },
    ]);
  });

  it("splits at the last colon so a label may hold one", () => {
    expect(parseCriteria("Fit: product: 4")).toEqual([{ key: "fit_product", label: "Fit: product", weight: 4 }]);
  });

  it("keeps the stored key of a criterion whose label was only respelled", () => {
    const previous = [{ key: "rep_v1", label: "Reputation", weight: 2 }];
    expect(parseCriteria("REPUTATION!: 5", previous)).toEqual([{ key: "rep_v1", label: "REPUTATION!", weight: 5 }]);
  });

  it("round-trips the defaults exactly", () => {
    const text = formatCriteria(DEFAULT_PROGRAM_CONFIG.criteria);
    expect(text).toBe("Reputation: 2\nTrack record: 3\nCustomer base: 2\nProduct fit: 3\nCultural fit: 1");
    expect(parseCriteria(text)).toEqual(DEFAULT_PROGRAM_CONFIG.criteria);
    expect(formatCriteria(parseCriteria(text))).toBe(text);
  });

  it.each([
    ["Reputation 2", 1],
    ["Reputation: 2\n\nno colon here", 3],
    ["!!!: 2", 1],
    [": 3", 1],
  ])("refuses %j at line %i", (text, line) => {
    expect(errorOf(() => parseCriteria(text)).code).toBe("program_line_invalid");
    const params = errorOf(() => parseCriteria(text)).params as { line: number; section: string };
    expect(params).toMatchObject({ section: "criteria", line });
  });

  it.each(["11", "-1", "2.5", "two", "", "100"])("refuses weight %j", (weight) => {
    expect(errorOf(() => parseCriteria(`Fit: 1\nReputation: ${weight}`)).problem).toEqual({
      code: "program_weight_invalid",
      params: { line: 2, text: weight, max: 10 },
    });
  });

  it("accepts weights 0 and 10", () => {
    expect(parseCriteria("A: 0\nB: 10").map((c) => c.weight)).toEqual([0, 10]);
  });

  it("refuses an empty list", () => {
    expect(errorOf(() => parseCriteria(" \n\n ")).problem).toEqual({
      code: "program_list_empty",
      params: { section: "criteria" },
    });
  });

  it("accepts the maximum number of criteria and refuses one more", () => {
    const lines = Array.from({ length: MAX_CRITERIA }, (_, i) => `Criterion ${i}: 1`);
    expect(parseCriteria(lines.join("\n"))).toHaveLength(MAX_CRITERIA);
    expect(errorOf(() => parseCriteria([...lines, "One more: 1"].join("\n"))).problem).toEqual({
      code: "program_list_too_long",
      params: { section: "criteria", max: MAX_CRITERIA },
    });
  });

  it("accepts a label of the maximum length and refuses a longer one", () => {
    expect(parseCriteria(`${"a".repeat(MAX_CRITERION_LABEL)}: 1`)[0]?.label).toHaveLength(MAX_CRITERION_LABEL);
    expect(errorOf(() => parseCriteria(`X: 1\n${"a".repeat(MAX_CRITERION_LABEL + 1)}: 1`)).problem).toEqual({
      code: "program_item_too_long",
      params: { section: "criteria", line: 2, max: MAX_CRITERION_LABEL },
    });
  });

  it("refuses the same criterion twice, however it is spelled", () => {
    expect(errorOf(() => parseCriteria("Product fit: 2\nproduct-FIT: 3")).problem).toEqual({
      code: "program_item_repeated",
      params: { section: "criteria", text: "product-FIT" },
    });
  });
});

describe("due-diligence checklist", () => {
  it("reads one check per line", () => {
    expect(parseChecklist(" NDA signed \n\nCredit   check done")).toEqual(["NDA signed", "Credit check done"]);
  });

  it("round-trips the defaults exactly", () => {
    const text = formatChecklist(DEFAULT_PROGRAM_CONFIG.dueDiligence);
    expect(text).toBe("References checked\nPartner agreement signed\nNDA signed\nCredit check done");
    expect(parseChecklist(text)).toEqual(DEFAULT_PROGRAM_CONFIG.dueDiligence);
  });

  it("refuses a repeated check, an item without letters, too long an item, too many and none", () => {
    expect(errorOf(() => parseChecklist("NDA signed\nnda signed.")).problem).toEqual({
      code: "program_item_repeated",
      params: { section: "dueDiligence", text: "nda signed." },
    });
    expect(errorOf(() => parseChecklist("NDA\n---")).problem).toMatchObject({
      code: "program_line_invalid",
      params: { section: "dueDiligence", line: 2, text: "---" },
    });
    expect(parseChecklist("a".repeat(MAX_CHECKLIST_ITEM))).toEqual(["a".repeat(MAX_CHECKLIST_ITEM)]);
    expect(errorOf(() => parseChecklist(`\n${"a".repeat(MAX_CHECKLIST_ITEM + 1)}`)).problem).toEqual({
      code: "program_item_too_long",
      params: { section: "dueDiligence", line: 2, max: MAX_CHECKLIST_ITEM },
    });
    const many = Array.from({ length: MAX_CHECKLIST_ITEMS }, (_, i) => `Check ${i}`);
    expect(parseChecklist(many.join("\n"))).toHaveLength(MAX_CHECKLIST_ITEMS);
    expect(errorOf(() => parseChecklist([...many, "Check X"].join("\n"))).problem).toEqual({
      code: "program_list_too_long",
      params: { section: "dueDiligence", max: MAX_CHECKLIST_ITEMS },
    });
    expect(errorOf(() => parseChecklist("")).problem).toEqual({
      code: "program_list_empty",
      params: { section: "dueDiligence" },
    });
  });
});

describe("onboarding steps", () => {
  it("reads labels with or without an automatic event", () => {
    expect(
      parseOnboardingSteps("Kickoff call held\nFirst deal registered [auto: deal_registered]\nWon [ AUTO:DEAL_WON ]"),
    ).toEqual([
      { key: "kickoff_call_held", label: "Kickoff call held", auto: null },
      { key: "first_deal_registered", label: "First deal registered", auto: "deal_registered" },
      { key: "won", label: "Won", auto: "deal_won" },
    ]);
  });

  it("round-trips the defaults exactly, keeping their keys", () => {
    const text = formatOnboardingSteps(DEFAULT_PROGRAM_CONFIG.onboardingSteps);
    expect(text.split("\n")).toEqual([
      "Partner agreement signed [auto: agreement_signed]",
      "Team members added to Partner Hub [auto: member_added]",
      "First training completed [auto: training_completed]",
      "First deal registered [auto: deal_registered]",
      "First deal won [auto: deal_won]",
      "Kickoff call held",
    ]);
    expect(parseOnboardingSteps(text, DEFAULT_PROGRAM_CONFIG.onboardingSteps)).toEqual(
      DEFAULT_PROGRAM_CONFIG.onboardingSteps,
    );
    expect(formatOnboardingSteps(parseOnboardingSteps(text))).toBe(text);
  });

  it("gives a new step a key no kept step holds", () => {
    const previous = [{ key: "kickoff", label: "Kickoff call held", auto: null }];
    expect(parseOnboardingSteps("Kickoff\nKickoff call held", previous).map((s) => s.key)).toEqual([
      "kickoff_2",
      "kickoff",
    ]);
  });

  it("refuses an unknown event, naming the ones there are", () => {
    expect(errorOf(() => parseOnboardingSteps("A\nFirst deal [auto: deal_closed]")).problem).toEqual({
      code: "program_auto_event_unknown",
      params: {
        line: 2,
        text: "deal_closed",
        events: ["agreement_signed", "member_added", "training_completed", "deal_registered", "deal_won"],
      },
    });
  });

  it.each(["First deal [deal_won]", "[auto: deal_won]", "?? [auto: deal_won]"])("refuses %j", (text) => {
    expect(errorOf(() => parseOnboardingSteps(text)).problem).toMatchObject({
      code: "program_line_invalid",
      params: { section: "onboarding", line: 1, text },
    });
  });

  it("refuses a repeated step, too long a label, too many and none", () => {
    expect(errorOf(() => parseOnboardingSteps("Kickoff\nkickoff [auto: deal_won]")).problem).toEqual({
      code: "program_item_repeated",
      params: { section: "onboarding", text: "kickoff" },
    });
    const label = "a".repeat(MAX_ONBOARDING_LABEL);
    expect(parseOnboardingSteps(`${label} [auto: deal_won]`)[0]?.label).toBe(label);
    expect(errorOf(() => parseOnboardingSteps(`${label}b`)).problem).toEqual({
      code: "program_item_too_long",
      params: { section: "onboarding", line: 1, max: MAX_ONBOARDING_LABEL },
    });
    const many = Array.from({ length: MAX_ONBOARDING_STEPS }, (_, i) => `Step ${i}`);
    expect(parseOnboardingSteps(many.join("\n"))).toHaveLength(MAX_ONBOARDING_STEPS);
    expect(errorOf(() => parseOnboardingSteps([...many, "Step X"].join("\n"))).problem).toEqual({
      code: "program_list_too_long",
      params: { section: "onboarding", max: MAX_ONBOARDING_STEPS },
    });
    expect(errorOf(() => parseOnboardingSteps("\n")).code).toBe("program_list_empty");
  });
});

describe("tier rules", () => {
  it("reads the defaults and returns the entry tier asking for nothing first", () => {
    expect(parseTierRules(DEFAULT_TIERS_TEXT, "EUR")).toEqual(DEFAULT_PROGRAM_CONFIG.tierRules);
  });

  it("formats the defaults as the admin types them, and parses that back", () => {
    expect(formatTierRules(DEFAULT_PROGRAM_CONFIG.tierRules, "EUR")).toBe(DEFAULT_TIERS_TEXT);
  });

  it.each([
    ["EUR", 2_000_050, "20000.50"],
    ["JPY", 2_000_000, "2000000"],
    ["KWD", 20_000_500, "20000.500"],
    ["USD", 1, "0.01"],
  ])("round-trips revenue in %s with its decimals", (currency, minor, shown) => {
    const rules = DEFAULT_PROGRAM_CONFIG.tierRules.map((rule) =>
      rule.tier === "silver" ? { ...rule, wonRevenueMinor: minor } : rule,
    );
    const rulesOk = rules.map((rule) =>
      rule.tier === "registered" || rule.tier === "silver" ? rule : { ...rule, wonRevenueMinor: 1e12 },
    );
    const text = formatTierRules(rulesOk, currency);
    expect(text.split("\n")[0]).toBe(`silver: revenue ${shown}, won 2, trained 1, winrate 0%`);
    expect(parseTierRules(text, currency)).toEqual(rulesOk);
  });

  it("takes lines in any order, parts in any order, grouped amounts and case-insensitive names", () => {
    const rules = parseTierRules(
      [
        "Platinum: winrate 35 %, trained 3, won 10, revenue EUR 150,000.00",
        "gold:revenue 60.000,00, won 5, trained 2, winrate 25",
        "SILVER: revenue €20,000",
      ].join("\n"),
      "EUR",
    );
    expect(rules.map((r) => r.tier)).toEqual(["registered", "silver", "gold", "platinum"]);
    expect(rules[1]).toEqual({ tier: "silver", wonRevenueMinor: 2_000_000, dealsWon: 0, peopleTrained: 0, winRate: 0 });
    expect(rules[2]).toEqual(DEFAULT_PROGRAM_CONFIG.tierRules[2]);
    expect(rules[3]).toEqual(DEFAULT_PROGRAM_CONFIG.tierRules[3]);
  });

  it("reads a tier with nothing after the colon, or revenue 0, as asking for nothing", () => {
    const rules = parseTierRules("silver:\ngold: revenue 0, won 0\nplatinum: revenue 0.00", "EUR");
    expect(rules.every((r) => r.wonRevenueMinor === 0 && r.dealsWon === 0 && r.winRate === 0)).toBe(true);
  });

  it("refuses an unknown tier, including the entry tier, naming the three", () => {
    for (const name of ["bronze", "registered"]) {
      expect(errorOf(() => parseTierRules(`silver: won 1\n${name}: won 2`, "EUR")).problem).toEqual({
        code: "program_tier_unknown",
        params: { line: 2, text: name, tiers: ["silver", "gold", "platinum"] },
      });
    }
  });

  it("refuses a tier named twice", () => {
    expect(errorOf(() => parseTierRules("silver: won 1\nSilver: won 2\ngold: won 3", "EUR")).problem).toEqual({
      code: "program_item_repeated",
      params: { section: "tiers", text: "silver" },
    });
  });

  it("refuses more than three lines and none", () => {
    expect(errorOf(() => parseTierRules(`${DEFAULT_TIERS_TEXT}\nsilver: won 1`, "EUR")).problem).toEqual({
      code: "program_list_too_long",
      params: { section: "tiers", max: 3 },
    });
    expect(errorOf(() => parseTierRules("", "EUR")).code).toBe("program_list_empty");
  });

  it("asks for the missing tier's line after the last one", () => {
    const error = errorOf(() => parseTierRules("silver: won 1\n\nplatinum: won 3", "EUR"));
    expect(error.code).toBe("program_line_invalid");
    expect(error.params).toMatchObject({ section: "tiers", line: 4, text: "" });
    expect((error.params as { expected: string }).expected).toContain("gold");
  });

  it.each([
    ["silver won 2", "no colon"],
    ["silver: revenu 20000", "misspelled part"],
    ["silver: revenue 20000, won 2, won 3", "a part twice"],
    ["silver: revenue twenty", "no amount"],
    ["silver: revenue 20000.505", "too many decimals"],
    ["silver: revenue 20.000", "ambiguous amount"],
    ["silver: revenue USD 20000", "another currency"],
    ["silver: won 2.5", "fractional count"],
    ["silver: trained -1", "negative count"],
    ["silver: won 99999999", "count too large"],
    ["silver: winrate 101%", "rate over 100"],
    ["silver: winrate 0.25", "rate as a fraction"],
    ["silver: revenue 20000 won 2", "missing comma"],
  ])("refuses %j (%s) naming the line", (line) => {
    const text = `gold: won 5\n${line}\nplatinum: won 10`;
    const error = errorOf(() => parseTierRules(text, "EUR"));
    expect(error.problem).toMatchObject({
      code: "program_line_invalid",
      params: { section: "tiers", line: 2, text: line },
    });
  });

  it.each([
    ["revenue", "silver: revenue 60001\ngold: revenue 60000\nplatinum: revenue 70000", "gold", "silver"],
    ["won", "silver: won 5\ngold: won 5\nplatinum: won 4", "platinum", "gold"],
    ["trained", "silver: trained 2\ngold: trained 1\nplatinum: trained 3", "gold", "silver"],
    ["winrate", "silver: winrate 30%\ngold: winrate 25%\nplatinum: winrate 35%", "gold", "silver"],
  ])("refuses a higher tier asking for less %s than the tier below", (_part, text, tier, below) => {
    expect(errorOf(() => parseTierRules(text, "EUR")).problem).toEqual({
      code: "program_tier_order",
      params: { tier, below },
    });
  });

  it("allows a higher tier asking for exactly as much as the one below", () => {
    expect(() => parseTierRules("silver: won 5\ngold: won 5\nplatinum: won 5", "EUR")).not.toThrow();
  });
});

describe("sections", () => {
  it.each(SECTIONS)("format then parse of %s gives back the config's section", (section) => {
    const text = formatSection(section, DEFAULT_PROGRAM_CONFIG, "EUR");
    const patch = parseSection(section, text, "EUR", DEFAULT_PROGRAM_CONFIG);
    expect({ ...DEFAULT_PROGRAM_CONFIG, ...patch }).toEqual(DEFAULT_PROGRAM_CONFIG);
    expect(formatSection(section, { ...DEFAULT_PROGRAM_CONFIG, ...patch }, "EUR")).toBe(text);
  });

  it("a patch replaces only its own section", () => {
    expect(parseSection("dueDiligence", "NDA signed", "EUR")).toEqual({ dueDiligence: ["NDA signed"] });
    expect(Object.keys(parseSection("onboarding", "Kickoff", "EUR"))).toEqual(["onboardingSteps"]);
    expect(Object.keys(parseSection("tiers", DEFAULT_TIERS_TEXT, "EUR"))).toEqual(["tierRules"]);
    expect(Object.keys(parseSection("criteria", "Fit: 1", "EUR"))).toEqual(["criteria"]);
  });

  it("formats tier revenue in the reporting currency given", () => {
    expect(formatSection("tiers", DEFAULT_PROGRAM_CONFIG, "JPY").split("\n")[0]).toBe(
      "silver: revenue 2000000, won 2, trained 1, winrate 0%",
    );
  });
});

describe("validateGraceDays", () => {
  it.each([
    [MIN_GRACE_DAYS, 7],
    [" 30 ", 30],
    [String(MAX_GRACE_DAYS), 180],
  ])("accepts %j", (value, days) => {
    expect(validateGraceDays(value)).toBe(days);
  });

  it.each([6, 181, "0", "30.5", "thirty", "", "-7", 7.5])("refuses %j", (value) => {
    expect(errorOf(() => validateGraceDays(value)).problem).toEqual({
      code: "program_grace_invalid",
      params: { min: MIN_GRACE_DAYS, max: MAX_GRACE_DAYS },
    });
  });
});

describe("decodeProgramConfig", () => {
  const edited: ProgramConfig = {
    criteria: [{ key: "fit", label: "Fit", weight: 4 }],
    dueDiligence: ["NDA"],
    onboardingSteps: [{ key: "kickoff", label: "Kickoff", auto: null }],
    tierRules: parseTierRules("silver: won 1\ngold: won 2\nplatinum: won 3, winrate 40%", "EUR"),
    demotionGraceDays: 45,
  };

  it("reads back what was encoded", () => {
    expect(decodeProgramConfig(encodeProgramConfig(edited))).toEqual(edited);
  });

  it("gives the defaults for a config never edited", () => {
    expect(
      decodeProgramConfig({
        criteria: null,
        dueDiligence: null,
        onboardingSteps: null,
        tierRules: null,
        demotionGraceDays: 30,
      }),
    ).toEqual(DEFAULT_PROGRAM_CONFIG);
  });

  it("falls back per section on bad JSON or a wrong shape, keeping the good sections", () => {
    const stored = encodeProgramConfig(edited);
    const cases: [keyof ProgramConfig, string][] = [
      ["criteria", "{not json"],
      ["criteria", "[]"],
      ["criteria", '[{"key":"fit","label":"Fit","weight":"4"}]'],
      ["criteria", '[{"key":"fit","label":"Fit","weight":11}]'],
      ["dueDiligence", "[1,2]"],
      ["dueDiligence", '"NDA"'],
      ["onboardingSteps", '[{"key":"k","label":"K","auto":"deal_closed"}]'],
      ["onboardingSteps", "null"],
      ["tierRules", '[{"tier":"silver"}]'],
      ["tierRules", JSON.stringify([...edited.tierRules].reverse())],
      ["tierRules", JSON.stringify(edited.tierRules.map((r) => ({ ...r, dealsWon: -1 })))],
    ];
    for (const [section, json] of cases) {
      const decoded = decodeProgramConfig({ ...stored, [section]: json });
      expect(decoded[section], `${section} ${json}`).toEqual(DEFAULT_PROGRAM_CONFIG[section]);
      const others = (Object.keys(edited) as (keyof ProgramConfig)[]).filter((key) => key !== section);
      for (const key of others) expect(decoded[key]).toEqual(edited[key]);
    }
  });

  it("accepts an empty due-diligence list as stored", () => {
    expect(decodeProgramConfig({ ...encodeProgramConfig(edited), dueDiligence: "[]" }).dueDiligence).toEqual([]);
  });

  it.each([0, 6, 181, 12.5])("uses the default grace for a stored %j", (days) => {
    expect(decodeProgramConfig({ ...encodeProgramConfig(edited), demotionGraceDays: days }).demotionGraceDays).toBe(30);
  });
});
