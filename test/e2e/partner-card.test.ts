import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, BLOCKS } from "../../src/slack/ids";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { ACME, APPROVALS, setUpPartners, TEAM } from "./outbox-fixtures";
import { click, clickOnHome, expectNoButton, homeOf, lastEphemeral, partnerIdOf, pastDeal } from "./program-fixtures";

const START = new Date("2026-11-16T12:00:00Z");
const DAY = 86_400_000;
let now = START;

let h: Harness;
let acmeId: number;

beforeAll(async () => {
  h = await startHarness({ hubAdmins: ["U0ADMIN"], clock: () => now });
  await setUpPartners(h);
  await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
  await h.command("U0ADMIN", "/partner", "channel <#C0PARTNERA> Acme Resellers", APPROVALS);
  acmeId = await partnerIdOf(h, "Acme Resellers");
  // USD 42,000 won in 2 deals and one lost: a 67 % win rate.
  for (const [amount, stage] of [
    [30_000_00, "won"],
    [12_000_00, "won"],
    [5_000_00, "lost"],
  ] as const) {
    await pastDeal(h, acmeId, {
      amountMinor: amount,
      stage,
      createdAt: new Date("2026-06-01T09:00:00Z"),
      closedAt: new Date("2026-07-01T09:00:00Z"),
    });
  }
  await h.hub.db.partner.update({ where: { id: acmeId }, data: { tier: "silver" } });
});
afterAll(async () => {
  await h?.close();
});

describe("the partner card", () => {
  it("shows a member their company, its onboarding and the way to the next tier", async () => {
    const card = await h.command("U0PARTNERA", "/partner", "show");
    expect(card.text).toContain("Acme Resellers");
    expect(card.text).toContain("*Tier*\nSilver");
    expect(card.text).toContain("*Status*\nOnboarding");
    expect(card.text).toContain("*Region*\nEMEA");
    expect(card.text).toContain("*Members*\n1");
    expect(card.text).toContain("*Channel*\n<#C0PARTNERA>");
    expect(card.text).toMatch(/\*Onboarding\*\n\d of 6 steps done/);
    expect(card.text).toContain(
      "Next: *Gold* · USD 42,000 of 60,000 won · 2 of 5 deals won · 0 of 2 people trained · win rate 67 % of 25 % ✓",
    );
    expect(card.text).toContain("Last 12 months: USD 42,000 won · 2 deals won · win rate 67 %");
    const blocks = JSON.stringify(card.body.blocks);
    for (const id of [ACTIONS.scorecardShow, ACTIONS.resourcesShow, ACTIONS.onboardingShow])
      expect(blocks).toContain(id);
    expect(blocks).toContain(BLOCKS.partnerCard(acmeId));
  });

  it("keeps other partners private from members, and asks managers which partner", async () => {
    const other = await h.command("U0PARTNERA", "/partner", "show Globex");
    expect(other.text).toContain("You can only see your own company's partnership.");
    expect(other.text).not.toContain("APAC");
    const manager = await h.command("U0MANAGER", "/partner", "show Globex");
    expect(manager.text).toContain("*Region*\nAPAC");
    expect(manager.text).toContain("Next: *Silver*");
    const typo = await h.command("U0MANAGER", "/partner", "show Globx");
    expect(typo.text).toContain("Globex");
    expect(typo.text).not.toContain("*Tier*");
  });

  it("says Top tier at platinum", async () => {
    await h.hub.db.partner.update({ where: { id: acmeId }, data: { tier: "platinum" } });
    expect((await h.command("U0PARTNERA", "/partner", "show")).text).toContain(":crown: Top tier: *Platinum*");
    await h.hub.db.partner.update({ where: { id: acmeId }, data: { tier: "silver" } });
  });

  it("opens from the launcher for Slack Connect guests, with its buttons working", async () => {
    await h.command("U0ADMIN", "/partner", "assign <@U0EXTERNAL> Acme Resellers", APPROVALS);
    await h.command("U0MANAGER", "/hub", "launcher", ACME);
    const launcher = h.fake.channelMessages(ACME).find((message) => message.text.includes("register deals here"));
    if (!launcher) throw new Error("no launcher");
    const card = await click(h, "U0EXTERNAL", launcher, ACTIONS.partnerCardShow);
    expect(card.body.response_type).toBe("ephemeral");
    expect(card.text).toContain("*Members*\n2");
    // A manager clicking it in the partner's channel sees that partner.
    expect((await click(h, "U0MANAGER", launcher, ACTIONS.partnerCardShow)).text).toContain("*Region*\nEMEA");
    expect((await h.command("U0MANAGER", "/partner", "show", ACME)).text).toContain("*Region*\nEMEA");
    const onboarding = await click(h, "U0EXTERNAL", lastEphemeral(h, ACME, "U0EXTERNAL"), ACTIONS.onboardingShow);
    expect(onboarding.text).toContain("Team members added to Partner Hub");
    await h.command("U0ADMIN", "/partner", "remove <@U0EXTERNAL>", APPROVALS);
  });

  it("puts the partnership on a member's Home", async () => {
    const home = await homeOf(h, "U0PARTNERA");
    expect(home.text).toContain("Your partnership");
    expect(home.text).toContain("*Acme Resellers* · *Silver* partner");
    expect(home.text).toContain("Next: *Gold* · USD 42,000 of 60,000 won");
    expectNoButton(home.blocks, ACTIONS.applyOpen);
    const card = await clickOnHome(h, "U0PARTNERA", ACTIONS.partnerCardShow, BLOCKS.homeProgram);
    expect(card.text).toContain("*Tier*\nSilver");
    const resources = await clickOnHome(h, "U0PARTNERA", ACTIONS.resourcesShow, BLOCKS.homeProgram);
    expect(resources.text).toContain("Nothing in the library for you yet.");
  });

  it("gives managers their program queue on the Home, and people in no partner the way to apply", async () => {
    const prospect = await h.hub.services.access.identify({
      teamId: TEAM,
      userId: "U0EXTERNAL",
      userTeamId: "T0ACMEPART",
      internal: false,
    });
    const submitted = await h.hub.services.applications.submit(
      prospect,
      {
        company: "Initech",
        website: "initech.example",
        regions: "EMEA",
        segments: "Mid-market",
        solutions: "Integration services",
        teamSize: "40",
        reference1: "Jane Doe, jane@example.com",
        reference2: "John Roe, john@example.com",
      },
      { channelId: ACME, idempotencyKey: "card-test-application" },
    );
    expect(submitted.ok).toBe(true);
    // Globex has done nothing for three weeks since it was added; Acme, made Gold by hand, has nobody trained.
    now = new Date(START.getTime() + 21 * DAY);
    await h.hub.db.partner.update({ where: { id: acmeId }, data: { tier: "gold" } });
    await h.hub.services.tiers.recalculate({ force: true });

    const home = await homeOf(h, "U0MANAGER");
    expect(home.text).toContain("Partner program");
    expect(home.text).toContain("Application: *Initech* (Slack Connect)");
    expect(home.text).toContain("Onboarding stuck: *Globex*");
    expect(home.text).toContain("Tier review: *Acme Resellers*: Gold → Registered?");
    expect(JSON.stringify(home.blocks)).toContain(ACTIONS.applicationReview);

    await h.command("U0ADMIN", "/partner", "remove <@U0PARTNERB>", APPROVALS);
    const outsider = await homeOf(h, "U0PARTNERB");
    expect(outsider.text).toContain("Become a partner");
    expect(outsider.text).not.toContain("ask a channel manager to add you");
    expect(JSON.stringify(outsider.blocks)).toContain(ACTIONS.applyOpen);
    expect(visibleText(outsider.blocks)).not.toContain("Your partnership");
  });
});
