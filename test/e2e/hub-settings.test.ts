import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, visibleText } from "../support/harness";

describe("/hub approvals and /hub launcher", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // First use in a DM: no approvals channel is chosen by default.
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", h.fake.dmChannel("U0ADMIN").id);
    await h.command("U0ADMIN", "/partner", "add Acme", h.fake.dmChannel("U0ADMIN").id);
    await h.command("U0ADMIN", "/partner", "assign <@U0EXTERNAL> Acme", h.fake.dmChannel("U0ADMIN").id);
  });
  afterAll(async () => {
    await h.close();
  });

  it("defaults to the first channel, says where approvals go, and lets only admins change it, with an audit entry", async () => {
    // A manager's command in a partner's shared channel never makes it the approvals channel.
    await h.command("U0MANAGER", "/hub", "help", "C0PARTNERA");
    expect((await h.hub.db.workspace.findFirstOrThrow()).approvalsChannel).toBeNull();
    // The first channel an admin uses the app in becomes the default (the DM above did not count).
    expect((await h.command("U0ADMIN", "/hub", "approvals", "C0SALES")).text).toContain("Deal approvals go to #sales");
    expect((await h.command("U0MANAGER", "/hub", "approvals <#C0APPROVALS|deal-approvals>", "C0SALES")).text).toContain(
      "Only admins can choose the approvals channel.",
    );
    const set = await h.command("U0ADMIN", "/hub", "approvals <#C0APPROVALS|deal-approvals>", "C0SALES");
    expect(set.text).toContain("Deal registrations will be sent to <#C0APPROVALS>");
    expect((await h.hub.db.workspace.findFirstOrThrow()).approvalsChannel).toBe("C0APPROVALS");
    // Both are audited: the automatic default and the admin's choice.
    expect(await h.hub.db.auditEntry.count({ where: { action: "settings.approvals_channel" } })).toBe(2);
    expect((await h.command("U0ADMIN", "/hub", "approvals", "C0SALES")).text).toContain(
      "Deal approvals go to #deal-approvals",
    );
  });

  it("posts a launcher whose button lets a Slack Connect guest register a deal", async () => {
    expect((await h.command("U0PARTNERA", "/hub", "launcher", "C0PARTNERA")).text).toContain(
      "Only managers and admins",
    );
    const posted = await h.command("U0MANAGER", "/hub", "launcher", "C0PARTNERA");
    expect(posted.text).toContain("Posted the launcher");
    const launcher = h.fake
      .channelMessages("C0PARTNERA")
      .find((message) => message.text.includes("register deals here"));
    expect(launcher).toBeDefined();
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.messageAction("U0EXTERNAL", { channel: "C0PARTNERA", ts: launcher?.ts ?? "" }, "deal_register_open");
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "modal for the guest");
    const modal = h.fake.topModal("U0EXTERNAL");
    expect(visibleText(modal?.view.blocks)).toContain("Registering for *Acme*");
    const member = await h.hub.db.member.findFirstOrThrow({ where: { slackUserId: "U0EXTERNAL" } });
    expect(member.slackTeamId).toBe("T0ACMEPART");
  });

  it("tells the manager when the app is not in the channel", async () => {
    h.fake.failNext("chat.postMessage", { kind: "error", error: "not_in_channel" });
    expect((await h.command("U0MANAGER", "/hub", "launcher", "C0PARTNERB")).text).toContain("invite me first");
  });

  it("shows and changes the program settings (admins), refusing bad values", async () => {
    const shown = await h.command("U0MANAGER", "/hub", "settings", "C0SALES");
    expect(shown.text).toContain("Time zone: UTC");
    expect(shown.text).toContain("Deal protection: 90 days");
    expect((await h.command("U0MANAGER", "/hub", "timezone Europe/Berlin", "C0SALES")).text).toContain(
      "Only admins can change program settings.",
    );
    expect((await h.command("U0ADMIN", "/hub", "timezone Mars/Olympus", "C0SALES")).text).toContain(
      "is not a time zone",
    );
    expect((await h.command("U0ADMIN", "/hub", "timezone europe/berlin", "C0SALES")).text).toContain(
      "Time zone: Europe/Berlin",
    );
    expect((await h.command("U0ADMIN", "/hub", "currency eur", "C0SALES")).text).toContain("Reporting currency: EUR");
    expect((await h.command("U0ADMIN", "/hub", "protection 0", "C0SALES")).text).toContain("from 1 to 730");
    expect((await h.command("U0ADMIN", "/hub", "protection 120", "C0SALES")).text).toContain(
      "Deal protection: 120 days",
    );
    expect(await h.hub.db.workspace.findFirstOrThrow()).toMatchObject({
      timezone: "Europe/Berlin",
      reportingCurrency: "EUR",
      protectionDays: 120,
    });
    expect(await h.hub.db.auditEntry.count({ where: { action: "settings.update" } })).toBe(3);
  });

  it("names channels in the settings, never by raw id, to everyone", async () => {
    await h.command("U0ADMIN", "/hub", "shoutouts channel <#C0SALES|sales>", "C0SALES");
    for (const userId of ["U0ADMIN", "U0MANAGER", "U0PARTNERA"]) {
      const shown = await h.command(userId, "/hub", "settings", "C0SALES");
      expect(shown.text).toContain("Approvals channel: #deal-approvals");
      expect(shown.text).toContain("in #sales");
      expect(shown.text).not.toMatch(/C0[A-Z]+/);
    }
    // A channel Slack won't describe (the app was never invited) is not shown by id either.
    await h.hub.db.workspace.updateMany({ data: { celebrationsChannel: "C0NOWHERE" } });
    const unknown = await h.command("U0ADMIN", "/hub", "settings", "C0SALES");
    expect(unknown.text).toContain("a channel I can't see");
    expect(unknown.text).not.toContain("C0NOWHERE");
  });

  it("changes after how many working days managers are reminded of waiting registrations (admins)", async () => {
    expect((await h.command("U0ADMIN", "/hub", "settings", "C0SALES")).text).toContain(
      "Approval reminder: after 2 working days waiting",
    );
    expect((await h.command("U0MANAGER", "/hub", "settings approval-reminder 3", "C0SALES")).text).toContain(
      "Only admins can change program settings.",
    );
    const three = await h.command("U0ADMIN", "/hub", "settings approval-reminder 3", "C0SALES");
    expect(three.text).toContain("Managers are reminded of registrations waiting more than 3 working days.");
    expect(three.text).toContain("Approval reminder: after 3 working days waiting");
    expect((await h.command("U0ADMIN", "/hub", "settings approval-reminder 31", "C0SALES")).text).toContain(
      "from 1 to 30, or off",
    );
    const off = await h.command("U0ADMIN", "/hub", "settings approval-reminder OFF", "C0SALES");
    expect(off.text).toContain("Approval reminder: off");
    expect((await h.hub.db.workspace.findFirstOrThrow()).approvalReminderDays).toBe(0);
  });
});
