import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import { payloadBody } from "../../src/sandbox/slack-signer";
import { ACTIONS, VIEWS } from "../../src/slack/ids";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { ACME, APPROVALS, TEAM } from "./outbox-fixtures";
import { lastEphemeral, waitForModal } from "./practices-fixtures";

const DAY = 86_400_000;
let now = new Date();
let h: Harness;

/** An expected close date the deal rules accept. */
function inTwoMonths(): string {
  return new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10);
}

const partnerNamed = (name: string) => h.hub.db.partner.findFirstOrThrow({ where: { name } });
const stepsOf = async (name: string) => {
  const partner = await partnerNamed(name);
  const steps = await h.hub.db.onboardingStep.findMany({
    where: { partnerId: partner.id },
    orderBy: { position: "asc" },
  });
  return Object.fromEntries(steps.map((step) => [step.key, step.doneBy]));
};

/** `/partner onboarding …` as the ephemeral message it leaves in #sales, with its buttons. */
async function checklist(userId: string, text = ""): Promise<FakeMessage> {
  await h.command(userId, "/partner", `onboarding ${text}`.trim(), "C0SALES");
  return lastEphemeral(h, userId, "C0SALES");
}

/** Clicks Mark done on `label` in a checklist message; returns what the clicker then reads. */
async function markDone(userId: string, list: FakeMessage, label: string): Promise<string> {
  const blocks = list.blocks as { block_id: string; text?: { text: string }; accessory?: { value: string } }[];
  const block = blocks.find((candidate) => candidate.text?.text.includes(label) && candidate.accessory);
  if (!block) throw new Error(`no Mark done for ${label}`);
  const index = h.fake.responses.length;
  const answer = await h.slack.messageAction(
    userId,
    { channel: list.channel, ts: list.ts },
    ACTIONS.onboardingStepDone,
    undefined,
    block.block_id,
  );
  expect(answer.status).toBe(200);
  const { body } = await h.fake.waitForResponse(index);
  expectWithinSlackLimits(body);
  return visibleText(body.blocks ?? body.text);
}

/** A click carrying whatever value a forged or stale client sends, on an ephemeral message in #sales. */
async function forgedClick(userId: string, actionId: string, value: string): Promise<string> {
  const index = h.fake.responses.length;
  const payload = {
    type: "block_actions",
    user: { id: userId, username: userId, name: userId, team_id: TEAM },
    api_app_id: h.fake.directory.appId,
    token: "verification-token-unused",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0SALES", is_ephemeral: true },
    trigger_id: h.fake.issueTrigger(userId),
    team: { id: TEAM, domain: h.fake.directory.team.domain },
    channel: { id: "C0SALES", name: "sales" },
    response_url: h.fake.issueResponseUrl({ channel: "C0SALES", userId }),
    actions: [{ type: "button", action_id: actionId, block_id: "forged", value, action_ts: "1700000000.000200" }],
  };
  expect((await h.slack.post(payloadBody(payload))).status).toBe(200);
  const { body } = await h.fake.waitForResponse(index);
  return visibleText(body.blocks ?? body.text);
}

beforeAll(async () => {
  h = await startHarness({ hubAdmins: ["U0ADMIN"], clock: () => now });
  await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
  await h.command("U0ADMIN", "/partner", "add Acme Resellers region:EMEA", APPROVALS);
  await h.command("U0ADMIN", "/partner", "add Globex region:APAC", APPROVALS);
});
afterAll(async () => {
  await h?.close();
});

describe("onboarding a partner", () => {
  it("starts a checklist when a partner is added; managers see everyone onboarding", async () => {
    expect(await partnerNamed("Acme Resellers")).toMatchObject({ status: "onboarding", onboardedAt: null });
    const overview = await h.command("U0MANAGER", "/partner", "onboarding");
    expect(overview.text).toContain("Partners onboarding");
    expect(overview.text).toContain("*Acme Resellers* · 0 of 6 steps");
    expect(overview.text).toContain("*Globex* · 0 of 6 steps");
    expect(overview.text).not.toContain("stuck");
    expect((await h.command("U0PARTNERA", "/partner", "onboarding")).text).toContain(
      "You're not in a partner company yet",
    );
  });

  it("ticks steps by events: a member added, a deal registered in the modal, a deal won", async () => {
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERB> Globex", APPROVALS);
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.command("U0PARTNERA", "/deal", "", "C0SALES");
    await waitForModal(h, "U0PARTNERA", opened, VIEWS.registerDeal);
    const registered = await h.slack.submitView("U0PARTNERA", {
      "deal_customer.value": "Initech",
      "deal_domain.value": "initech.example",
      "deal_product.value": "Analytics Pro",
      "deal_amount.value": "1000",
      "deal_currency.value": "EUR",
      "deal_stage.value": "qualified",
      "deal_close.value": inTwoMonths(),
    });
    expect(registered.json?.response_action).toBe("update");
    expect(await stepsOf("Acme Resellers")).toMatchObject({
      team: "U0ADMIN",
      first_deal: "U0PARTNERA",
      first_win: null,
      kickoff: null,
    });

    const admin = await h.hub.services.access.identify({ teamId: TEAM, userId: "U0ADMIN" });
    const member = await h.hub.services.access.identify({ teamId: TEAM, userId: "U0PARTNERA" });
    const deal = await h.hub.db.deal.findFirstOrThrow({ where: { customerName: "Initech" } });
    await h.hub.services.deals.decide(admin, deal.id, "approve");
    await h.hub.services.deals.markWon(member, deal.id, "1000");
    expect((await stepsOf("Acme Resellers")).first_win).toBe("U0PARTNERA");
    const events = await h.hub.db.auditEntry.findMany({ where: { action: "onboarding.step" } });
    expect(events.map((entry) => entry.actor).sort()).toEqual(["U0ADMIN", "U0ADMIN", "U0PARTNERA", "U0PARTNERA"]);
  });

  it("shows a member their own checklist with Mark done on open steps, and ticks by hand", async () => {
    const list = await checklist("U0PARTNERA");
    const shown = visibleText(list.blocks);
    expect(shown).toContain("Onboarding · Acme Resellers");
    expect(shown).toContain("*3 of 6* steps done");
    expect(shown).toContain("First deal registered · done by <@U0PARTNERA>");
    expect(shown).toContain("*Kickoff call held* · _ticked by hand_");
    expect(JSON.stringify(list.blocks).match(new RegExp(ACTIONS.onboardingStepDone, "g"))).toHaveLength(3);

    const after = await markDone("U0PARTNERA", list, "Kickoff call held");
    expect(after).toContain("Marked *Kickoff call held* done.");
    expect(after).toContain("*4 of 6* steps done");
    expect((await stepsOf("Acme Resellers")).kickoff).toBe("U0PARTNERA");
    // The redrawn checklist has no button for it; a stale copy's click finds it done, recorded once.
    const acme = await partnerNamed("Acme Resellers");
    expect(await forgedClick("U0PARTNERA", ACTIONS.onboardingStepDone, `${acme.id}:kickoff`)).toContain(
      "“Kickoff call held” is already done.",
    );
    const hand = await h.hub.db.auditEntry.findMany({ where: { action: "onboarding.step", actor: "U0PARTNERA" } });
    expect(hand).toHaveLength(3);
  });

  it("keeps other partners' people out of a checklist", async () => {
    expect((await h.command("U0PARTNERB", "/partner", "onboarding Acme")).text).toContain(
      "You can only see your own company's partnership.",
    );
    const acme = await partnerNamed("Acme Resellers");
    expect(await forgedClick("U0PARTNERB", ACTIONS.onboardingStepDone, `${acme.id}:training`)).toContain(
      "Only the partner's own people and managers can tick its onboarding steps.",
    );
    expect(await forgedClick("U0PARTNERB", ACTIONS.onboardingStepDone, "<!channel>")).toContain(
      "That button is out of date",
    );
    expect(await forgedClick("U0PARTNERB", ACTIONS.onboardingShow, String(acme.id))).toContain(
      "You can only see your own company's partnership.",
    );
    expect((await stepsOf("Acme Resellers")).training).toBeNull();
  });

  it("lists a partner with nothing done for 14 days as stuck, first", async () => {
    now = new Date(now.getTime() + 15 * DAY);
    await markDone("U0PARTNERA", await checklist("U0PARTNERA"), "First training completed");
    const overview = await h.command("U0MANAGER", "/partner", "onboarding");
    expect(overview.text).toContain("1 stuck");
    const globex = overview.text.indexOf("*Globex*");
    const acme = overview.text.indexOf("*Acme Resellers*");
    expect(globex).toBeGreaterThan(-1);
    expect(globex).toBeLessThan(acme);
    expect(overview.text).toContain(":warning: *stuck* · *Globex*");
    expect(overview.text).not.toContain(":warning: *stuck* · *Acme");
    expect((await h.command("U0MANAGER", "/partner", "onboarding Globex")).text).toContain("*Stuck*");
  });

  it("finishes when the last step is done: active, announced in the partner's channel, audited", async () => {
    await h.command("U0ADMIN", "/partner", "channel <#C0PARTNERA|partner-acme> Acme Resellers", APPROVALS);
    const list = await checklist("U0MANAGER", "Acme Resellers");
    expect(JSON.stringify(list.blocks).match(new RegExp(ACTIONS.onboardingStepDone, "g"))).toHaveLength(1);
    const after = await markDone("U0MANAGER", list, "Partner agreement signed");
    expect(after).toContain("Every step is done: *Acme Resellers* is now an active partner.");
    expect(after).toContain("All 6 steps done");
    const partner = await partnerNamed("Acme Resellers");
    expect(partner.status).toBe("active");
    expect(partner.onboardedAt?.getTime()).toBe(now.getTime());
    await h.outboxDrained();
    const posts = h.fake.channelMessages(ACME).filter((message) => message.text.includes("finished onboarding"));
    expect(posts).toHaveLength(1);
    expect(visibleText(posts[0]?.blocks)).toContain("*Acme Resellers* finished onboarding");
    expect(await h.hub.db.auditEntry.count({ where: { action: "onboarding.finish" } })).toBe(1);
    const overview = await h.command("U0MANAGER", "/partner", "onboarding");
    expect(overview.text).not.toContain("Acme Resellers");
    expect((await h.command("U0ADMIN", "/hub", "audit")).text).toContain("finished a partner's onboarding");
  });
});
