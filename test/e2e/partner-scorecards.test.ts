import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, SCORECARD_BLOCKS, VIEWS } from "../../src/slack/ids";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { ACME, APPROVALS, setUpPartners } from "./outbox-fixtures";
import {
  click,
  clickOnHome,
  clickToModal,
  expectNoButton,
  homeOf,
  lastEphemeral,
  partnerIdOf,
  pastDeal,
} from "./program-fixtures";

/** Mid-November 2026: Q4 2026 is the current quarter, Q3 the previous one. */
const NOW = new Date("2026-11-16T12:00:00Z");

let h: Harness;
let acmeId: number;

async function openReview(userId: string, partner: string) {
  const opened = h.fake.callsOf("views.open").length;
  const answer = await h.slack.command(userId, "/partner", `review ${partner}`, APPROVALS);
  expect(answer.status).toBe(200);
  await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the review modal");
  const modal = h.fake.topModal(userId);
  expect(modal?.view.callback_id).toBe(VIEWS.scorecardReview);
  return modal;
}

beforeAll(async () => {
  h = await startHarness({ hubAdmins: ["U0ADMIN"], clock: () => NOW });
  await setUpPartners(h);
  await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
  await h.command("U0ADMIN", "/partner", "assign <@U0EXTERNAL> Acme Resellers", APPROVALS);
  await h.command("U0ADMIN", "/partner", "channel <#C0PARTNERA> Acme Resellers", APPROVALS);
  acmeId = await partnerIdOf(h, "Acme Resellers");
  const globexId = await partnerIdOf(h, "Globex");
  // Acme: USD 8,000 won in Q4 (10 and 4 days to close), USD 4,000 in Q3, and USD 6,000 open for December.
  await pastDeal(h, acmeId, {
    amountMinor: 5_000_00,
    createdAt: new Date("2026-10-01T12:00:00Z"),
    closedAt: new Date("2026-10-11T12:00:00Z"),
  });
  await pastDeal(h, acmeId, {
    amountMinor: 3_000_00,
    createdAt: new Date("2026-11-01T12:00:00Z"),
    closedAt: new Date("2026-11-05T12:00:00Z"),
  });
  await pastDeal(h, acmeId, {
    amountMinor: 4_000_00,
    createdAt: new Date("2026-08-01T12:00:00Z"),
    closedAt: new Date("2026-08-20T12:00:00Z"),
  });
  await pastDeal(h, acmeId, {
    amountMinor: 6_000_00,
    createdAt: new Date("2026-11-10T12:00:00Z"),
    closedAt: null,
    stage: "proposal",
    expectedCloseOn: "2026-12-15",
  });
  await pastDeal(h, globexId, {
    amountMinor: 9_999_00,
    createdAt: new Date("2026-10-01T12:00:00Z"),
    closedAt: new Date("2026-10-02T12:00:00Z"),
  });
});
afterAll(async () => {
  await h?.close();
});

describe("/partner scorecard", () => {
  it("shows a member their company's quarter against the last, with the trend", async () => {
    const card = await h.command("U0PARTNERA", "/partner", "scorecard");
    expect(card.text).toContain("Acme Resellers: scorecard Q4 2026");
    expect(card.text).toContain("changes are against Q3 2026");
    expect(card.text).toContain("*Revenue won*\nUSD 8,000  ▲ +4,000");
    expect(card.text).toContain("*Pipeline closing this quarter*\nUSD 6,000");
    expect(card.text).toContain("*Deals won*\n2  ▲ +1");
    expect(card.text).toContain("*Median days to close*\n7.0 days  ▲ −12.0");
    expect(card.text).toContain("*Goal attainment*\nno goals");
    // Four quarters, oldest first.
    const trend = card.text.slice(card.text.indexOf("Quarter"));
    expect(trend.indexOf("Q1 2026")).toBeLessThan(trend.indexOf("Q4 2026"));
    expect(trend).toMatch(/Q3 2026\s+4,000\s+1/);
    expect(card.text).toContain("Review Q4 2026:* not reviewed yet.");
    expectNoButton(card.body.blocks, ACTIONS.scorecardReviewOpen);
    expect(card.text).not.toContain("9,999");
  });

  it("refuses a member another partner's scorecard and the review", async () => {
    const other = await h.command("U0PARTNERA", "/partner", "scorecard Globex");
    expect(other.text).toContain("You can only see your own company's partnership.");
    expect(other.text).not.toContain("9,999");
    const review = await h.command("U0PARTNERA", "/partner", "review Acme Resellers");
    expect(review.text).toContain("Only managers and admins can review scorecards.");
    expect((await h.command("U0PARTNERA", "/partner", "review Globxe")).text).not.toContain("Globex");
  });

  it("lets managers save one review per quarter, shown to the partner with its notes", async () => {
    const modal = await openReview("U0MANAGER", "Acme Resellers");
    expect(visibleText(modal?.view.blocks)).toContain("*Acme Resellers* · Q4 2026");
    const tooLong = await h.slack.submitView("U0MANAGER", {
      [`${SCORECARD_BLOCKS.notes}.value`]: "x".repeat(1001),
    });
    expect(tooLong.json).toMatchObject({ response_action: "errors" });
    expect(JSON.stringify(tooLong.json)).toContain("1,000 characters");

    const saved = await h.slack.submitView("U0MANAGER", {
      [`${SCORECARD_BLOCKS.rating("engagement")}.value`]: "4",
      [`${SCORECARD_BLOCKS.rating("pipeline_quality")}.value`]: "3",
      [`${SCORECARD_BLOCKS.notes}.value`]: "Great quarter: <!channel> *keep* it up",
    });
    expect(saved.json).toMatchObject({ response_action: "update" });
    expect(visibleText(h.fake.topModal("U0MANAGER")?.view.blocks)).toContain("Engagement 4/5 · Pipeline quality 3/5");

    // Saved again from the manager's scorecard: it replaces the first.
    const managerCard = await h.command("U0MANAGER", "/partner", "scorecard Acme Resellers", APPROVALS);
    expect(managerCard.text).toContain("Edit the Q4 2026 review");
    const again = await clickToModal(
      h,
      "U0MANAGER",
      lastEphemeral(h, APPROVALS, "U0MANAGER"),
      ACTIONS.scorecardReviewOpen,
    );
    expect(JSON.stringify(again.view.blocks)).toContain("Great quarter");
    await h.slack.submitView("U0MANAGER", {
      [`${SCORECARD_BLOCKS.rating("engagement")}.value`]: "5",
      [`${SCORECARD_BLOCKS.notes}.value`]: "Great quarter: <!channel> *keep* it up",
    });
    expect(await h.hub.db.scorecardReview.count()).toBe(1);
    expect(await h.hub.db.auditEntry.count({ where: { action: "scorecard.review" } })).toBe(2);

    const card = await h.command("U0PARTNERA", "/partner", "scorecard");
    // The modal opened with the saved ratings: the one left as it was stays.
    expect(card.text).toContain("*Review Q4 2026* by <@U0MANAGER>: Engagement 5/5 · Pipeline quality 3/5");
    expect(card.text).not.toContain("Engagement 4/5");
    expect(card.text).toContain("_Notes, shared with the partner:_");
    expect(card.text).toContain("Great quarter: &lt;!channel&gt;");
    expect(JSON.stringify(card.body.blocks)).not.toContain("<!channel>");
  });

  it("reaches Slack Connect guests through the launcher and members through the Home", async () => {
    await h.command("U0MANAGER", "/hub", "launcher", ACME);
    const launcher = h.fake.channelMessages(ACME).find((message) => message.text.includes("register deals here"));
    if (!launcher) throw new Error("no launcher");
    const ours = await click(h, "U0EXTERNAL", launcher, ACTIONS.partnerCardShow);
    expect(ours.text).toContain("Acme Resellers");
    const scorecard = await click(h, "U0EXTERNAL", lastEphemeral(h, ACME, "U0EXTERNAL"), ACTIONS.scorecardShow);
    expect(scorecard.text).toContain("Acme Resellers: scorecard Q4 2026");
    expect(scorecard.text).toContain("Engagement 5/5");

    const home = await homeOf(h, "U0PARTNERA");
    expect(home.text).toContain("Your partnership");
    const fromHome = await clickOnHome(h, "U0PARTNERA", ACTIONS.scorecardShow);
    expect(fromHome.text).toContain("Acme Resellers: scorecard Q4 2026");
  });
});
