import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, TIER_BLOCKS, VIEWS } from "../../src/slack/ids";
import { tierDecisionActionId } from "../../src/slack/views/tier-views";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { ACME, APPROVALS, GLOBEX, setUpPartners } from "./outbox-fixtures";
import { actorOf, click, clickToModal, homeOf, partnerIdOf, pastDeal } from "./program-fixtures";

/** Mid-November 2026; the tests move the clock past the grace periods. */
const START = new Date("2026-11-16T12:00:00Z");
const DAY = 86_400_000;
let now = START;

let h: Harness;
let acmeId: number;
let globexId: number;

const celebrations = () => h.fake.channelMessages(ACME).filter((message) => message.text.includes("moved up to"));
/** The review cards the outbox posted (ephemeral answers to managers aside). */
const reviewCards = () =>
  h.fake.messages.filter((message) => message.visibleTo === undefined && /^Tier review( of|:)/.test(message.text));

async function recalculate(force = false) {
  const report = await h.hub.services.tiers.recalculate({ force });
  await h.outboxDrained();
  return report;
}

async function decide(userId: string, decision: "demote" | "keep", note = "") {
  const card = reviewCards().at(-1);
  if (!card) throw new Error("no review card");
  const modal = await clickToModal(h, userId, card, tierDecisionActionId(decision));
  expect(modal.view.callback_id).toBe(VIEWS.tierReviewDecide);
  const answer = await h.slack.submitView(userId, { [`${TIER_BLOCKS.note}.value`]: note });
  await h.outboxDrained();
  return answer;
}

beforeAll(async () => {
  h = await startHarness({ hubAdmins: ["U0ADMIN"], clock: () => now });
  await setUpPartners(h);
  await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
  await h.command("U0ADMIN", "/partner", "channel <#C0PARTNERA> Acme Resellers", APPROVALS);
  await h.command("U0ADMIN", "/partner", "channel <#C0PARTNERB> Globex", APPROVALS);
  acmeId = await partnerIdOf(h, "Acme Resellers");
  globexId = await partnerIdOf(h, "Globex");
  // Globex was made Gold by hand, and has won nothing in the last 12 months.
  await h.hub.db.partner.update({ where: { id: globexId }, data: { tier: "gold" } });
  // Acme: USD 24,000 won in two deals this year, and Pat completed a training: Silver's criteria.
  for (const month of ["2026-03-10", "2026-09-20"]) {
    await pastDeal(h, acmeId, {
      amountMinor: 12_000_00,
      createdAt: new Date(`${month}T09:00:00Z`),
      closedAt: new Date(`${month}T15:00:00Z`),
    });
  }
  const manager = await actorOf(h, "U0MANAGER");
  const added = await h.hub.services.resources.add(manager, {
    title: "Sales certification",
    url: "https://learn.example.com/cert",
    kind: "training",
    tags: null,
    minTier: "registered",
    requiredFor: null,
  });
  if (!added.ok) throw new Error("the training was refused");
  await h.hub.services.resources.markDone(await actorOf(h, "U0PARTNERA"), added.resource.id);
  await h.outboxDrained();
});
afterAll(async () => {
  await h?.close();
});

describe("tiers", () => {
  it("promotes a partner that meets the next tier's criteria, announced once however often the job runs", async () => {
    const replica = await h.startInstance();
    const reports = await Promise.all([h.hub.services.tiers.recalculate(), replica.services.tiers.recalculate()]);
    await h.outboxDrained();
    // The day is claimed once: only one of the two instances did the work.
    expect(reports.map((report) => report.workspaces).sort()).toEqual([0, 1]);
    await recalculate(true);
    await recalculate(true);
    expect((await h.hub.db.partner.findUniqueOrThrow({ where: { id: acmeId } })).tier).toBe("silver");
    expect(celebrations()).toHaveLength(1);
    expect(visibleText(celebrations()[0]?.blocks)).toContain("*Acme Resellers* moved up to *Silver* :tada:");
    expect(await h.hub.db.auditEntry.count({ where: { action: "tier.promote" } })).toBe(1);

    const card = await h.command("U0PARTNERA", "/partner", "show");
    expect(card.text).toContain("*Tier*\nSilver");
    expect(card.text).toContain("Next: *Gold* · USD 24,000 of 60,000 won · 2 of 5 deals won · 1 of 2 people trained");
  });

  it("never demotes on its own: a review waits in the approvals channel, not in the partner's channel", async () => {
    expect((await h.hub.db.partner.findUniqueOrThrow({ where: { id: globexId } })).tier).toBe("gold");
    const cards = reviewCards();
    expect(cards).toHaveLength(1);
    expect(cards[0]?.channel).toBe(APPROVALS);
    expect(h.fake.channelMessages(GLOBEX).some((message) => message.text.includes("Tier review"))).toBe(false);
    const text = visibleText(cards[0]?.blocks);
    expect(text).toContain("*Globex* no longer meets *Gold* and qualifies for *Registered*");
    expect(text).toContain("USD 0 won · 0 deals won");
    expect(text).toContain("Demote to Registered");
    expect(text).toContain("Keep Gold");

    // The partner's own people don't see it; managers do, on the card and on their Home.
    const own = await h.command("U0PARTNERB", "/partner", "show");
    expect(own.text).toContain("Globex");
    expect(own.text).not.toContain("Demote");
    const managers = await h.command("U0MANAGER", "/partner", "show Globex");
    expect(managers.text).toContain("Demote to Registered");
    const home = await homeOf(h, "U0MANAGER");
    expect(home.text).toContain("Tier review: *Globex*: Gold → Registered?");
    expect((await h.command("U0MANAGER", "/partner", "tiers")).text).toContain("*Globex* no longer meets *Gold*");
    expect((await h.command("U0PARTNERB", "/partner", "tiers")).text).toContain(
      "Only managers and admins can decide tier reviews.",
    );
  });

  it("refuses a demotion during the grace period and members' clicks, and keeps the tier on Keep", async () => {
    const card = reviewCards()[0];
    if (!card) throw new Error("no review card");
    const early = await click(h, "U0MANAGER", card, tierDecisionActionId("demote"));
    expect(early.text).toContain("still has until 2026-12-16 to qualify again");
    const member = await click(h, "U0PARTNERB", card, tierDecisionActionId("keep"));
    expect(member.text).toContain("Only managers and admins can decide tier reviews.");

    const kept = await decide("U0MANAGER", "keep", "Big deal in the pipeline");
    expect(kept.json).toMatchObject({ response_action: "update" });
    expect(visibleText(h.fake.topModal("U0MANAGER")?.view.blocks)).toContain("*Globex* keeps *Gold*");
    const updated = visibleText(reviewCards()[0]?.blocks);
    expect(updated).toContain("*Globex* keeps *Gold* by <@U0MANAGER>");
    expect(updated).toContain("Note: Big deal in the pipeline");
    expect(JSON.stringify(reviewCards()[0]?.blocks)).not.toContain(ACTIONS.tierReviewDecide);
    expect(await h.hub.db.auditEntry.count({ where: { action: "tier.keep" } })).toBe(1);

    // Held: the next runs open no new review.
    now = new Date(START.getTime() + 10 * DAY);
    await recalculate(true);
    expect(reviewCards()).toHaveLength(1);
  });

  it("opens a new review once the hold ends, and demotes after the grace period", async () => {
    now = new Date(START.getTime() + 31 * DAY);
    await recalculate(true);
    expect(reviewCards()).toHaveLength(2);
    const refused = await click(
      h,
      "U0MANAGER",
      reviewCards()[1] ?? { channel: "", ts: "" },
      tierDecisionActionId("demote"),
    );
    expect(refused.text).toContain("still has until 2027-01-16 to qualify again");
    expect((await h.hub.db.partner.findUniqueOrThrow({ where: { id: globexId } })).tier).toBe("gold");

    now = new Date(START.getTime() + 62 * DAY);
    const demoted = await decide("U0MANAGER", "demote", "No activity all year");
    expect(demoted.json).toMatchObject({ response_action: "update" });
    expect((await h.hub.db.partner.findUniqueOrThrow({ where: { id: globexId } })).tier).toBe("registered");
    expect(visibleText(reviewCards().at(-1)?.blocks)).toContain(
      "*Globex* moved down from *Gold* to *Registered* by <@U0MANAGER>",
    );
    expect(await h.hub.db.auditEntry.count({ where: { action: "tier.demote" } })).toBe(1);
    // Still nothing said in the partner's own channel.
    expect(h.fake.channelMessages(GLOBEX).some((message) => /Tier review|moved down/.test(message.text))).toBe(false);
    const audit = await h.command("U0ADMIN", "/hub", "audit 10");
    expect(audit.text).toContain("demoted a partner to a lower tier");
    expect(audit.text).toContain("kept a partner's tier in a review");
  });

  it("closes a review by itself when the partner qualifies again", async () => {
    // Acme falls below Silver once its March deal leaves the 12 months … and recovers with a new win.
    now = new Date("2027-03-20T12:00:00Z");
    await recalculate(true);
    const review = reviewCards().at(-1);
    expect(visibleText(review?.blocks)).toContain("*Acme Resellers* no longer meets *Silver*");
    await pastDeal(h, acmeId, {
      amountMinor: 15_000_00,
      createdAt: new Date("2027-03-01T09:00:00Z"),
      closedAt: new Date("2027-03-19T15:00:00Z"),
    });
    await recalculate(true);
    expect(visibleText(reviewCards().at(-1)?.blocks)).toContain("*Acme Resellers* qualifies for *Silver* again");
    expect(await h.hub.db.auditEntry.count({ where: { action: "tier.review_recovered" } })).toBe(1);
    expect((await h.hub.db.partner.findUniqueOrThrow({ where: { id: acmeId } })).tier).toBe("silver");
  });
});
