import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackClientSimulator } from "../../src/sandbox/slack-client-simulator";
import { type Harness, SIGNING_SECRET, startHarness, visibleText } from "../support/harness";

/** An expected close date the deal rules accept, whatever day the test runs. */
function inTwoMonths(): string {
  return new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A Slack Connect guest's view submission can name the guest's own team and carry no
 * view.app_installed_team_id. It belongs to the installation the modal came from, never to a new
 * workspace of the guest's team (where the guest would have become its first admin).
 */
describe("a Slack Connect guest's view submission", () => {
  let h: Harness;
  let asSlackSendsGuests: SlackClientSimulator;
  beforeAll(async () => {
    h = await startHarness();
    asSlackSendsGuests = new SlackClientSimulator({
      appUrl: h.appUrl,
      signingSecret: SIGNING_SECRET,
      fake: h.fake,
      guestTeam: "own",
    });
    await h.command("U0ADMIN", "/partner", "add Acme", "C0APPROVALS");
    await h.command("U0ADMIN", "/partner", "assign <@U0EXTERNAL> Acme", "C0APPROVALS");
    await h.command("U0ADMIN", "/hub", "launcher", "C0PARTNERA");
  });
  afterAll(async () => {
    await h.close();
  });

  it("is filed under the installing workspace, and the guest stays a member", async () => {
    const launcher = h.fake
      .channelMessages("C0PARTNERA")
      .find((message) => message.text.includes("register deals here"));
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.messageAction("U0EXTERNAL", { channel: "C0PARTNERA", ts: launcher?.ts ?? "" }, "deal_register_open");
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the guest's modal");

    const answer = await asSlackSendsGuests.submitView("U0EXTERNAL", {
      "deal_customer.value": "Initech",
      "deal_domain.value": "initech.example",
      "deal_product.value": "Analytics Pro",
      "deal_amount.value": "1000",
      "deal_currency.value": "EUR",
      "deal_stage.value": "qualified",
      "deal_close.value": inTwoMonths(),
    });
    expect(answer.json?.response_action).toBe("update");
    expect(visibleText(answer.json?.view)).toContain("is registered");

    expect((await h.hub.db.workspace.findMany()).map((workspace) => workspace.teamId)).toEqual(["T0VENDOR"]);
    const deal = await h.hub.db.deal.findFirstOrThrow({ include: { partner: true } });
    expect(deal.partner.name).toBe("Acme");
    const guest = await h.hub.db.member.findMany({ where: { slackUserId: "U0EXTERNAL" } });
    expect(guest).toMatchObject([{ role: "member", slackTeamId: "T0ACMEPART" }]);
    expect(await h.hub.db.auditEntry.findMany({ where: { action: "role.first_admin" } })).toMatchObject([
      { target: "U0ADMIN" },
    ]);
  });

  it("answers a guest's click that names the guest's own team from the same installation", async () => {
    const launcher = h.fake
      .channelMessages("C0PARTNERA")
      .find((message) => message.text.includes("register deals here"));
    const opened = h.fake.callsOf("views.open").length;
    await asSlackSendsGuests.messageAction(
      "U0EXTERNAL",
      { channel: "C0PARTNERA", ts: launcher?.ts ?? "" },
      "deal_register_open",
    );
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the guest's modal");
    expect(visibleText(h.fake.topModal("U0EXTERNAL")?.view.blocks)).toContain("Registering for *Acme*");
    expect((await h.hub.db.workspace.findMany()).map((workspace) => workspace.teamId)).toEqual(["T0VENDOR"]);
  });
});
