import { describe, expect, it } from "vitest";
import type { GoalProgress } from "../../src/domain/goals/pace";
import type { WorkspaceRecord } from "../../src/services/records";
import { ACTIONS, BLOCKS, GOAL_BLOCKS, VIEWS } from "../../src/slack/ids";
import { chosenLabel, goalModal, goalSavedModal, targetText } from "../../src/slack/views/goal-modal";
import { type GoalLineView, goalsMessage, paceText, progressBar } from "../../src/slack/views/goal-view";
import { homeView } from "../../src/slack/views/home-view";
import { launcherMessage } from "../../src/slack/views/launcher-view";
import { leaderboardHomeBlocks } from "../../src/slack/views/leaderboard-home-view";
import { ratesMessage } from "../../src/slack/views/rates-view";
import { settingsMessage } from "../../src/slack/views/settings-view";
import { expectWithinSlackLimits } from "../support/block-limits";
import { visibleText } from "../support/harness";

const progress = (overrides: Partial<GoalProgress> = {}): GoalProgress => ({
  percent: 52,
  expectedByNow: 0,
  neededPerDay: 120_000,
  daysLeft: 12,
  status: "at_risk",
  ...overrides,
});

function line(overrides: Partial<GoalLineView> = {}): GoalLineView {
  return {
    goal: { id: 7, metric: "revenue", currency: "EUR" },
    ownerLabel: "Acme Resellers",
    partnerName: null,
    periodLabel: "Q4 2026",
    progress: progress(),
    unpriced: 0,
    display: { actual: "EUR 26,000.00", target: "EUR 50,000.00" },
    ...overrides,
  };
}

describe("goal progress", () => {
  it("draws a ten-cell bar rounded down, full only at 100 % and beyond", () => {
    expect(progressBar(52)).toBe("▓▓▓▓▓░░░░░ 52 %");
    expect(progressBar(99)).toBe("▓▓▓▓▓▓▓▓▓░ 99 %");
    expect(progressBar(0)).toBe("░░░░░░░░░░ 0 %");
    expect(progressBar(130)).toBe("▓▓▓▓▓▓▓▓▓▓ 130 %");
  });

  it("says the pace needed: money per day in whole units rounded up, counts as what is missing", () => {
    expect(paceText(line(), "EUR")).toBe("EUR 1,200 a day for the 12 days left");
    expect(paceText(line({ progress: progress({ neededPerDay: 120_001 }) }), "EUR")).toBe(
      "EUR 1,201 a day for the 12 days left",
    );
    expect(paceText(line({ progress: progress({ daysLeft: 1 }) }), "EUR")).toBe(
      "EUR 1,200 a day for today, the last day",
    );
    const deals = line({
      goal: { id: 1, metric: "deals", currency: null },
      progress: progress({ neededPerDay: 0.25 }),
    });
    expect(paceText(deals, "EUR")).toBe("3 more deals won in the 12 days left");
    const one = line({
      goal: { id: 1, metric: "kudos", currency: null },
      progress: progress({ neededPerDay: 1 / 12 }),
    });
    expect(paceText(one, "EUR")).toBe("1 more kudo in the 12 days left");
    expect(paceText(line({ progress: progress({ status: "reached", neededPerDay: 0 }) }), "EUR")).toBeNull();
    expect(
      paceText(line({ progress: progress({ status: "missed", daysLeft: 0, neededPerDay: null }) }), "EUR"),
    ).toBeNull();
    const winrate = line({
      goal: { id: 1, metric: "winrate", currency: null },
      progress: progress({ neededPerDay: null }),
    });
    expect(paceText(winrate, "EUR")).toBeNull();
  });

  it("shows each goal with bar, actual of target, status and pace; a tier goal per partner", () => {
    const lines = [
      line(),
      line({
        goal: { id: 8, metric: "deals", currency: null },
        ownerLabel: "All Gold partners",
        partnerName: "Acme",
        progress: progress({ status: "reached", percent: 110, neededPerDay: 0 }),
        display: { actual: "11", target: "10" },
      }),
      line({
        goal: { id: 8, metric: "deals", currency: null },
        ownerLabel: "All Gold partners",
        partnerName: "Globex",
        progress: progress({ status: "missed", percent: 40, neededPerDay: null, daysLeft: 0 }),
        display: { actual: "4", target: "10" },
        unpriced: 2,
      }),
    ];
    const member = goalsMessage(lines, { reportingCurrency: "EUR", canManage: false });
    expectWithinSlackLimits(member);
    const text = visibleText(member.blocks);
    expect(text).toContain("▓▓▓▓▓░░░░░ 52 %");
    expect(text).toContain("EUR 26,000.00 of EUR 50,000.00 · :warning: at risk");
    expect(text).toContain("EUR 1,200 a day for the 12 days left");
    expect(text).toContain("*All Gold partners* · Deals won · Q4 2026");
    expect(text).toContain("• Acme: `▓▓▓▓▓▓▓▓▓▓ 110 %` · 11 of 10 · :white_check_mark: reached");
    expect(text).toContain("• Globex: `▓▓▓▓░░░░░░ 40 %` · 4 of 10 · :x: missed · :grey_question: 2 deals not priced");
    expect(JSON.stringify(member.blocks)).not.toContain(ACTIONS.removeGoal);
    expect(member.blocks?.filter((block) => block.block_id === BLOCKS.goalRow(8))).toHaveLength(1);

    const manager = goalsMessage(lines, { reportingCurrency: "EUR", canManage: true });
    expectWithinSlackLimits(manager);
    const json = JSON.stringify(manager.blocks);
    expect(json).toContain(ACTIONS.removeGoal);
    expect(json).toContain(ACTIONS.setGoal);
  });

  it("stays within Slack's limits with many long goals, and says when there are none", () => {
    const many = Array.from({ length: 80 }, (_, i) =>
      line({
        goal: { id: i + 1, metric: "pipeline", currency: "KWD" },
        ownerLabel: "<&>*".repeat(60),
        partnerName: "P".repeat(200),
      }),
    );
    const message = goalsMessage(many, { reportingCurrency: "KWD", canManage: true });
    expectWithinSlackLimits(message);
    expect(visibleText(message.blocks)).toContain("…and 35 more goals");
    expect(visibleText(goalsMessage([], { reportingCurrency: "EUR", canManage: false }).blocks)).toContain(
      "No goals for your company",
    );
  });
});

describe("the Set a goal modal", () => {
  const partners = Array.from({ length: 230 }, (_, i) => ({
    id: i + 1,
    name: `Partner ${String(i).padStart(3, "0")} ${"x".repeat(90)}`,
  }));
  const form = { partners, tiers: ["registered", "silver", "gold", "platinum"], reportingCurrency: "EUR" };

  it("offers the program, each tier and every partner, and names the reporting currency", () => {
    const view = goalModal(form, { fromHome: false });
    expectWithinSlackLimits(view);
    expect(view.callback_id).toBe(VIEWS.setGoal);
    const text = visibleText(view.blocks);
    expect(text).toContain("All Gold partners");
    expect(text).toContain("The whole program");
    expect(text).toContain("in EUR (the reporting currency)");
    expect(chosenLabel(view, GOAL_BLOCKS.owner, "tier:gold")).toBe("All Gold partners");
    expect(chosenLabel(view, GOAL_BLOCKS.owner, "partner:230")).toMatch(/^Partner 229/);
    expect(chosenLabel(view, GOAL_BLOCKS.period, "next-month")).toBe("Next month");
    expect(chosenLabel(view, GOAL_BLOCKS.owner, "partner:999")).toBeNull();
  });

  it("says what was saved", () => {
    expect(targetText({ metric: "revenue", target: 5_000_000, currency: "EUR" }, "USD")).toBe("EUR 50,000.00");
    expect(targetText({ metric: "winrate", target: 4000, currency: null }, "USD")).toBe("40 %");
    expect(targetText({ metric: "deals", target: 12, currency: null }, "USD")).toBe("12");
    const saved = goalSavedModal(
      { metric: "revenue", target: 5_000_000, currency: "EUR" },
      { ownerLabel: "Acme", periodLabel: "This quarter", reportingCurrency: "EUR" },
    );
    expectWithinSlackLimits(saved);
    expect(visibleText(saved.blocks)).toContain("*Acme* · Revenue won · This quarter: EUR 50,000.00");
  });
});

describe("rates, settings, launcher and App Home", () => {
  it("lists rates with their first day and who set them", () => {
    const facts = {
      reportingCurrency: "EUR",
      rates: [
        { currency: "USD", rate: "0.92", validFrom: new Date("2026-11-01T00:00:00Z"), updatedBy: "U0ADMIN" },
        { currency: "GBP", rate: "1.17", validFrom: new Date("2026-01-01T00:00:00Z"), updatedBy: "seed <!channel>" },
      ],
    };
    const message = ratesMessage(facts, { currency: "USD", rate: "0.92", validFrom: new Date("2026-11-01T00:00:00Z") });
    expectWithinSlackLimits(message);
    const text = visibleText(message.blocks);
    expect(text).toContain(":white_check_mark: 1 USD = 0.92 EUR from 2026-11-01.");
    expect(text).toContain("• 1 GBP = 1.17 EUR · since 2026-01-01 · set by seed &lt;!channel&gt;");
    expect(text).toContain("• 1 USD = 0.92 EUR · since 2026-11-01 · set by <@U0ADMIN>");
    expect(text.indexOf("GBP")).toBeLessThan(text.indexOf("• 1 USD"));
    expect(visibleText(ratesMessage({ reportingCurrency: "EUR", rates: [] }).blocks)).toContain("No rates yet");
  });

  it("shows the leaderboard-amounts setting", () => {
    const workspace: WorkspaceRecord = {
      id: 1,
      teamId: "T1",
      timezone: "UTC",
      reportingCurrency: "EUR",
      weekStartsOn: 1,
      protectionDays: 90,
      approvalsChannel: null,
      firstAdminUserId: null,
      shoutoutAllowance: 5,
      companyValues: [],
      celebrateFirstWin: true,
      celebrateRecordMonth: true,
      celebrationsChannel: null,
      approvalReminderDays: 2,
      leaderboardAmounts: "all",
      programRules: null,
    };
    expect(visibleText(settingsMessage(workspace).blocks)).toContain(
      "Leaderboard amounts: partner members see every partner's amounts",
    );
  });

  it("puts Leaderboard and Our goals on the launcher", () => {
    const json = JSON.stringify(launcherMessage().blocks);
    expect(json).toContain(ACTIONS.showLeaderboard);
    expect(json).toContain(ACTIONS.showGoals);
  });

  it("shows the company's rank and a few goals on the App Home", () => {
    const goals = Array.from({ length: 8 }, (_, i) =>
      line({ goal: { id: i + 1, metric: "revenue", currency: "EUR" } }),
    );
    const blocks = leaderboardHomeBlocks({
      rank: { rank: 3, of: 42, metric: "revenue", periodLabel: "Q4 2026", value: "EUR 12,000.00" },
      goals,
      reportingCurrency: "EUR",
      canManage: false,
      hasPartner: true,
    });
    const text = visibleText(blocks);
    expect(text).toContain("Your company ranks *#3 of 42* by revenue in Q4 2026 with EUR 12,000.00.");
    expect(text).toContain("…and 3 more goals: Our goals shows them all.");
    expect(blocks.filter((block) => block.block_id?.startsWith("goal_"))).toHaveLength(5);
    const home = homeView({
      mine: [],
      mineTotal: 0,
      awaitingDecision: [],
      awaitingTotal: 0,
      isManager: false,
      hasPartner: true,
      today: "2026-11-30",
      leaderboard: { rank: null, goals: [], reportingCurrency: "EUR", canManage: false, hasPartner: true },
    });
    expectWithinSlackLimits(home);
    expect(JSON.stringify(home.blocks)).toContain(ACTIONS.showGoals);
    expect(visibleText(home.blocks)).toContain("No goals for your company this period yet.");
  });
});
