import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/slack/ids";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { APPROVALS, registerDeal, setUpPartners, TEAM } from "./outbox-fixtures";
import { dmsTo, lastPostIn, plusOneLabel, postsIn, shoutoutValues } from "./shoutouts-fixtures";

/** The fair limits, the opt-out, +1s, milestones and Slack Connect guests, end to end. */
describe("shout-out limits and reach", () => {
  let h: Harness;
  const count = () => h.hub.db.shoutout.count();

  beforeAll(async () => {
    h = await startHarness();
    await setUpPartners(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it("says how many are left and when the allowance resets, and records nothing partial", async () => {
    const set = await h.command("U0ADMIN", "/hub", "shoutouts allowance 2", APPROVALS);
    expect(set.text).toContain("Shout-out allowance: 2 recipients a day");
    await h.command("U0MANAGER", "/shoutout", "<@U0PARTNERA> first to reply to the RFP", "C0SALES");
    const partial = await h.command(
      "U0MANAGER",
      "/shoutout",
      "<@U0PARTNERA> <@U0PARTNERB> both of you, thanks",
      "C0SALES",
    );
    expect(partial.text).toContain("You can recognize 1 more person today");
    expect(partial.text).toContain("resets at");
    expect(await count()).toBe(1);
    await h.command("U0MANAGER", "/shoutout", "<@U0PARTNERB> sharp pricing call", "C0SALES");
    const none = await h.command("U0MANAGER", "/shoutout", "<@U0ADMIN> for the setup", "C0SALES");
    expect(none.text).toContain("You have recognized as many people as you can today");
    expect(await count()).toBe(2);
    await h.command("U0ADMIN", "/hub", "shoutouts allowance 5", APPROVALS);
  });

  it("counts a +1 once per person; a second click takes it back", async () => {
    const post = await lastPostIn(h, "C0SALES");
    const click = async (userId: string, expected: string) => {
      await h.slack.messageAction(userId, { channel: post.channel, ts: post.ts }, ACTIONS.shoutoutPlusOne);
      await h.fake.waitFor(() => (plusOneLabel(post).includes(expected) ? true : undefined), 5_000, expected);
      await h.outboxDrained();
    };
    await click("U0PARTNERA", "+1 (1)");
    await click("U0ADMIN", "+1 (2)");
    await click("U0PARTNERA", "+1 (1)");
    expect(await h.hub.db.shoutoutPlusOne.count()).toBe(1);
  });

  it("delivers privately to someone who opted out, and still counts it", async () => {
    const optOut = await h.command("U0PARTNERB", "/hub", "settings shoutouts private", "C0SALES");
    expect(optOut.text).toContain("come to you privately");
    const before = (await postsIn(h, "C0SALES")).length;
    const reply = await h.command("U0PARTNERA", "/shoutout", "<@U0PARTNERB> covered my customer call", "C0SALES");
    expect(reply.text).toContain("privately");
    expect((await postsIn(h, "C0SALES")).length).toBe(before);
    expect((await dmsTo(h, "U0PARTNERB")).at(-1)).toContain("delivered to you privately");
    expect(await h.hub.db.shoutoutRecipient.count({ where: { userId: "U0PARTNERB" } })).toBe(2);
    await h.command("U0PARTNERB", "/hub", "settings shoutouts public", "C0SALES");
  });

  it("celebrates a partner's first won deal once", async () => {
    const admin = await h.hub.services.access.identify({ teamId: TEAM, userId: "U0ADMIN" });
    const partner = await h.hub.services.access.identify({ teamId: TEAM, userId: "U0PARTNERA" });
    for (const name of ["Initech", "Umbrella"]) {
      const deal = await registerDeal(h.hub, "U0PARTNERA", name, "C0PARTNERA");
      await h.hub.services.deals.decide(admin, deal.id, "approve");
      await h.hub.services.deals.markWon(partner, deal.id, "1000");
    }
    await h.outboxDrained();
    const celebrations = h.fake.messages.filter((message) => message.text.includes("first deal"));
    expect(celebrations).toHaveLength(1);
    expect(visibleText(celebrations[0]?.blocks)).toContain("*Acme Resellers* just won their first deal");
    expect(await h.hub.db.milestone.count()).toBe(1);
  });

  it("lets a Slack Connect guest give a shout-out from the launcher button", async () => {
    await h.command("U0ADMIN", "/hub", "launcher", "C0PARTNERA");
    const launcher = h.fake
      .channelMessages("C0PARTNERA")
      .find((message) => message.text.includes("register deals here"));
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.messageAction("U0EXTERNAL", { channel: "C0PARTNERA", ts: launcher?.ts ?? "" }, ACTIONS.giveShoutout);
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the guest's modal");
    const answer = await h.slack.submitView(
      "U0EXTERNAL",
      shoutoutValues({ "shoutout_recipients.value": ["U0PARTNERA"] }),
    );
    expect(answer.json?.response_action).toBe("update");
    const post = await lastPostIn(h, "C0PARTNERA");
    expect(visibleText(post.blocks)).toContain("<@U0EXTERNAL> gave <@U0PARTNERA> a shout-out");
  });
});
