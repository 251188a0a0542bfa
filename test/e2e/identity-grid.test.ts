import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import { defaultDirectory } from "../../src/sandbox/fake-slack-directory";
import { type Harness, startHarness, visibleText } from "../support/harness";

/** An expected close date the deal rules accept, whatever day the test runs. */
function inTwoMonths(): string {
  return new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Enterprise Grid: in interaction payloads Slack gives the org's own people `user.team_id` = the
 * organization's id (E…), `team` carries `enterprise_id`, and `enterprise` is set. The vendor's
 * manager is still internal; a Slack Connect guest from another organization is still a guest.
 */
const ORG = { id: "E0VENDORORG", name: "Vendor Group" };
const ACME = "C0PARTNERA";
const APPROVALS = "C0APPROVALS";

describe("Enterprise Grid payloads", () => {
  let h: Harness;
  beforeAll(async () => {
    const directory = defaultDirectory();
    directory.team.enterprise = ORG;
    h = await startHarness({ directory });
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
    await h.command("U0ADMIN", "/partner", "add Acme", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0EXTERNAL> Acme", APPROVALS);
  });
  afterAll(async () => {
    await h.close();
  });

  async function registerDeal(userId: string, customer: string): Promise<FakeMessage> {
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.command(userId, "/deal", "", ACME);
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the deal modal");
    const answer = await h.slack.submitView(userId, {
      "deal_customer.value": customer,
      "deal_domain.value": `${customer.toLowerCase()}.example`,
      "deal_product.value": "Analytics Pro",
      "deal_amount.value": "1000",
      "deal_currency.value": "EUR",
      "deal_stage.value": "qualified",
      "deal_close.value": inTwoMonths(),
    });
    expect(answer.json?.response_action).toBe("update");
    const deal = await h.hub.db.deal.findFirstOrThrow({ where: { customerName: customer } });
    return h.fake.waitFor(
      () => h.fake.messages.find((message) => message.channel === APPROVALS && message.text.includes(`#${deal.id} `)),
      5_000,
      "the approval message",
    );
  }

  it("made the first internal user admin though commands name the org, and files everything under the workspace", async () => {
    expect(await h.hub.db.auditEntry.findMany({ where: { action: "role.first_admin" } })).toMatchObject([
      { target: "U0ADMIN" },
    ]);
    expect((await h.hub.db.workspace.findMany()).map((workspace) => workspace.teamId)).toEqual(["T0VENDOR"]);
  });

  it("lets the org's manager approve a deal although user.team_id is the organization id", async () => {
    const approval = await registerDeal("U0PARTNERA", "Initech");
    const before = h.fake.responses.length;
    await h.slack.messageAction("U0MANAGER", { channel: APPROVALS, ts: approval.ts }, "deal_approve");
    await h.fake.waitForCall(
      "chat.postMessage",
      (args) => args.channel === "U0PARTNERA" && String(args.text).includes("approved"),
    );
    expect((await h.hub.db.deal.findFirstOrThrow({ where: { customerName: "Initech" } })).status).toBe("approved");
    const refusals = h.fake.responses.slice(before).map((response) => visibleText(response.body.blocks));
    expect(refusals.join("\n")).not.toContain("Only managers");
    const manager = await h.hub.db.member.findFirstOrThrow({ where: { slackUserId: "U0MANAGER" } });
    expect(manager.role).toBe("manager");
  });

  it("still treats a Slack Connect guest from another organization as a guest", async () => {
    const approval = await registerDeal("U0PARTNERA", "Globex");
    const before = h.fake.responses.length;
    await h.slack.messageAction("U0EXTERNAL", { channel: APPROVALS, ts: approval.ts }, "deal_approve");
    const reply = await h.fake.waitForResponse(before);
    expect(visibleText(reply.body.blocks)).toContain("Only managers can approve deals.");
    expect((await h.hub.db.deal.findFirstOrThrow({ where: { customerName: "Globex" } })).status).toBe("pending");
  });

  it("publishes the manager's App Home with what awaits a manager", async () => {
    const published = h.fake.callsOf("views.publish").length;
    await h.slack.openHome("U0MANAGER");
    await h.fake.waitFor(() => h.fake.callsOf("views.publish")[published], 5_000, "the manager's home");
    const manager = await h.hub.db.member.findFirstOrThrow({ where: { slackUserId: "U0MANAGER" } });
    expect(manager.role).toBe("manager");
    expect(await h.hub.db.workspace.count()).toBe(1);
  });
});
