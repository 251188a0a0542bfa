import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PastDeal } from "../../src/services/store";
import { ACTIONS, GOAL_BLOCKS, VIEWS } from "../../src/slack/ids";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { ACME, APPROVALS, setUpPartners, TEAM } from "./outbox-fixtures";

/** Mid-November 2026: Q4 is half gone (46.5 of 92 days), November a little more than half. */
const NOW = new Date("2026-11-16T12:00:00Z");

let h: Harness;
let acmeId: number;
let globexId: number;
let keys = 0;

/** A deal won this morning (Nov 16, a Monday: this week, month and quarter) for `partnerId`, stored as the app stores one. */
async function wonDeal(partnerId: number, amountMinor: number): Promise<void> {
  keys += 1;
  const workspace = await h.hub.db.workspace.findFirstOrThrow({ where: { teamId: TEAM } });
  const at = new Date("2026-11-02T10:00:00Z");
  const deal: PastDeal = {
    workspaceId: workspace.id,
    partnerId,
    createdBy: "U0PARTNERA",
    customerName: `Goal customer ${keys}`,
    customer: { domain: null, nameKey: `goal customer ${keys}` },
    product: "Suite",
    amountMinor,
    currency: "USD",
    stage: "won",
    status: "approved",
    conflictDealId: null,
    expectedCloseOn: null,
    region: null,
    notes: null,
    channelId: null,
    idempotencyKey: `goal-test-${keys}`,
    protectedUntil: null,
    reminderSentAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    closedAt: new Date("2026-11-16T09:00:00Z"),
    lostReason: null,
    createdAt: at,
    updatedAt: at,
  };
  await h.hub.store.deals.createWithHistory(deal, []);
}

async function openGoalModal(userId: string) {
  const opened = h.fake.callsOf("views.open").length;
  const answer = await h.slack.command(userId, "/goal", "", "C0SALES");
  expect(answer.status).toBe(200);
  await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the goal modal");
  const modal = h.fake.topModal(userId);
  expect(modal?.view.callback_id).toBe(VIEWS.setGoal);
  expectWithinSlackLimits(modal?.view ?? {});
  return modal;
}

async function setGoal(owner: string, metric: string, period: string, target: string) {
  await openGoalModal("U0MANAGER");
  return h.slack.submitView("U0MANAGER", {
    [`${GOAL_BLOCKS.owner}.value`]: owner,
    [`${GOAL_BLOCKS.metric}.value`]: metric,
    [`${GOAL_BLOCKS.period}.value`]: period,
    [`${GOAL_BLOCKS.target}.value`]: target,
  });
}

/** The ephemeral answer to a click on a message's button. */
async function click(userId: string, message: { channel: string; ts: string }, actionId: string) {
  const index = h.fake.responses.length;
  await h.slack.messageAction(userId, message, actionId);
  const { body } = await h.fake.waitForResponse(index);
  expectWithinSlackLimits(body);
  return { body, text: visibleText(body.blocks ?? body.text) };
}

beforeAll(async () => {
  h = await startHarness({ hubAdmins: ["U0ADMIN"], clock: () => NOW });
  await setUpPartners(h);
  await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
  await h.command("U0ADMIN", "/partner", "assign <@U0EXTERNAL> Acme Resellers", APPROVALS);
  acmeId = (await h.hub.db.partner.findFirstOrThrow({ where: { name: "Acme Resellers" } })).id;
  globexId = (await h.hub.db.partner.findFirstOrThrow({ where: { name: "Globex" } })).id;
  for (let i = 0; i < 5; i++) await wonDeal(acmeId, 1_000_00);
  await wonDeal(globexId, 1_000_00);
});
afterAll(async () => {
  await h?.close();
});

describe("/goal", () => {
  it("lets managers set goals in the modal, with problems under their fields", async () => {
    const modal = await openGoalModal("U0MANAGER");
    const text = visibleText(modal?.view.blocks);
    expect(text).toContain("All Gold partners");
    expect(text).toContain("Acme Resellers");
    expect(text).toContain("in USD (the reporting currency)");
    const bad = await h.slack.submitView("U0MANAGER", {
      [`${GOAL_BLOCKS.owner}.value`]: `partner:${acmeId}`,
      [`${GOAL_BLOCKS.target}.value`]: "lots",
    });
    expect(bad.json).toMatchObject({ response_action: "errors" });
    expect(JSON.stringify(bad.json)).toContain(GOAL_BLOCKS.target);
    expect(await h.hub.db.goal.count()).toBe(0);

    const saved = await setGoal(`partner:${acmeId}`, "revenue", "this-quarter", "10,000");
    expect(saved.json).toMatchObject({ response_action: "update" });
    expect(visibleText(h.fake.topModal("U0MANAGER")?.view.blocks)).toContain(
      "*Acme Resellers* · Revenue won · This quarter: USD 10,000.00",
    );
    await setGoal("tier:registered", "deals", "this-month", "3");
    expect(await h.hub.db.goal.count()).toBe(2);
    expect(await h.hub.db.auditEntry.count({ where: { action: { startsWith: "goal" } } })).toBe(2);
  });

  it("shows a member their company's goals with progress, pace and at risk", async () => {
    const acme = await h.command("U0PARTNERA", "/goal");
    expect(acme.text).toContain("*Acme Resellers* · Revenue won · Q4 2026");
    expect(acme.text).toContain("▓▓▓▓▓░░░░░ 50 %");
    expect(acme.text).toContain("USD 5,000.00 of USD 10,000.00 · on pace");
    expect(acme.text).toContain("USD 109 a day for the 46 days left");
    expect(acme.text).toContain("• Acme Resellers: `▓▓▓▓▓▓▓▓▓▓ 166 %` · 5 of 3 · :white_check_mark: reached");
    expect(acme.text).not.toContain("Globex");
    expect(JSON.stringify(acme.body.blocks)).not.toContain(ACTIONS.removeGoal);

    const globex = await h.command("U0PARTNERB", "/goal");
    expect(globex.text).toContain("• Globex: `▓▓▓░░░░░░░ 33 %` · 1 of 3 · :warning: at risk");
    expect(globex.text).toContain("2 more deals won in the 15 days left");
    expect(globex.text).not.toContain("Revenue won");
  });

  it("refuses members what is for managers, and lists every goal for managers", async () => {
    expect((await h.command("U0PARTNERA", "/goal", "remove 1")).text).toContain(
      "Only managers and admins can set or remove goals.",
    );
    expect((await h.command("U0PARTNERA", "/goal", "set")).text).toContain(
      "Only managers and admins can set or remove goals.",
    );
    const list = await h.command("U0MANAGER", "/goal", "list");
    expect(list.text).toContain("• Acme Resellers:");
    expect(list.text).toContain("• Globex:");
    expect(JSON.stringify(list.body.blocks)).toContain(ACTIONS.removeGoal);
    const one = await h.command("U0MANAGER", "/goal", "list Globex");
    expect(one.text).toContain("• Globex:");
    expect(one.text).not.toContain("Acme Resellers");
    expect((await h.command("U0MANAGER", "/goal", "remove 2147483648")).text).toContain("There is no goal #2147483648");
    expect((await h.command("U0MANAGER", "/goal", "remove twelve")).text).toContain("`/goal remove 12`");
    expect((await h.command("U0MANAGER", "/goal", "frobnicate")).text).toContain("I don't know `/goal frobnicate`");
    expect((await h.command("U0PARTNERA", "/goal", "help")).text).toContain("/goal");
  });

  it("gives Slack Connect guests Our goals and Leaderboard on the launcher", async () => {
    await h.command("U0MANAGER", "/hub", "launcher", ACME);
    const launcher = h.fake.channelMessages(ACME).find((message) => message.text.includes("register deals here"));
    if (!launcher) throw new Error("no launcher");
    const goals = await click("U0EXTERNAL", { channel: ACME, ts: launcher.ts }, ACTIONS.showGoals);
    expect(goals.text).toContain("USD 5,000.00 of USD 10,000.00");
    expect(goals.body.response_type).toBe("ephemeral");
    const board = await click("U0EXTERNAL", { channel: ACME, ts: launcher.ts }, ACTIONS.showLeaderboard);
    expect(board.text).toContain("Acme Resellers");
    expect(board.text).toContain("Globex");
    // A partner member sees the other partner's rank, not its amount (the program default).
    expect(board.text).toContain("USD 5,000.00");
    expect(board.text).not.toContain("USD 1,000.00");
  });

  it("shows the company's rank and goals on the App Home, and Set a goal there for managers", async () => {
    await h.slack.openHome("U0PARTNERB");
    const home = await h.fake.waitFor(() => h.fake.homeTabs.get("U0PARTNERB"), 5_000, "Globex's home");
    expectWithinSlackLimits(home);
    const text = visibleText(home.blocks);
    expect(text).toContain("Your company ranks *#2 of 2* by revenue in Q4 2026 with USD 1,000.00.");
    expect(text).toContain(":warning: at risk");
    // From the Home the answer comes as a DM, without a Post to channel that would post into the DM.
    const dm = h.fake.dmChannel("U0PARTNERB").id;
    const before = h.fake.channelMessages(dm).length;
    await h.slack.viewAction("U0PARTNERB", "home", ACTIONS.showLeaderboard);
    const board = await h.fake.waitFor(() => h.fake.channelMessages(dm)[before], 5_000, "the leaderboard DM");
    expect(visibleText(board.blocks)).toContain("Revenue won · Week of Nov 16, 2026");
    expect(JSON.stringify(board.blocks)).not.toContain(ACTIONS.leaderboardPost);

    await h.slack.openHome("U0MANAGER");
    await h.fake.waitFor(() => h.fake.homeTabs.get("U0MANAGER"), 5_000, "the manager's home");
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.viewAction("U0MANAGER", "home", ACTIONS.setGoal);
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the goal modal from the home");
    await h.slack.submitView("U0MANAGER", {
      [`${GOAL_BLOCKS.owner}.value`]: `partner:${globexId}`,
      [`${GOAL_BLOCKS.metric}.value`]: "winrate",
      [`${GOAL_BLOCKS.period}.value`]: "next-quarter",
      [`${GOAL_BLOCKS.target}.value`]: "40 %",
    });
    expect(visibleText(h.fake.topModal("U0MANAGER")?.view.blocks)).toContain("Win rate · Next quarter: 40 %");
    expect(await h.hub.db.goal.count()).toBe(3);
  });

  it("removes a goal from the list with its button, and the list redraws without it", async () => {
    const list = await h.command("U0MANAGER", "/goal", "list");
    const message = h.fake.messages.filter((entry) => entry.visibleTo === "U0MANAGER").at(-1);
    if (!message) throw new Error("no list");
    expect(list.text).toContain("Revenue won");
    const goal = await h.hub.db.goal.findFirstOrThrow({ where: { metric: "revenue" } });
    const index = h.fake.responses.length;
    const blockId = `goal_${goal.id}`;
    await h.slack.messageAction(
      "U0MANAGER",
      { channel: message.channel, ts: message.ts },
      ACTIONS.removeGoal,
      undefined,
      blockId,
    );
    const { body } = await h.fake.waitForResponse(index);
    expect(body.replace_original).toBe(true);
    expect(visibleText(body.blocks)).not.toContain("Revenue won");
    expect(await h.hub.db.goal.count()).toBe(2);
    expect((await h.command("U0PARTNERA", "/goal")).text).not.toContain("Revenue won");
  });
});
