import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDirectory } from "../../src/sandbox/fake-slack-directory";
import { type Harness, startHarness } from "../support/harness";

/**
 * Partner channels end to end: tying a channel to a partner (and what that presets), keeping
 * cross-partner content out of tied and Slack Connect channels, taking people out of a partner,
 * refusing program roles to guests, and partner names typed the way people type them.
 */

const APPROVALS = "C0APPROVALS";
const ACME = "C0PARTNERA"; // shared with Acme's organization in the fake Slack
const GLOBEX = "C0PARTNERB";
/** Shared with another organization, tied to nobody. */
const LOUNGE = "C0LOUNGE";

describe("partner channels", () => {
  let h: Harness;
  let globexId: number;

  beforeAll(async () => {
    const directory = defaultDirectory();
    directory.channels.push({ id: LOUNGE, name: "partner-lounge", isExtShared: true });
    h = await startHarness({ directory });
    // The admin's first command is in #deal-approvals, which becomes the approvals channel.
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
    await h.command("U0ADMIN", "/partner", "add Acme Resellers region:EMEA", APPROVALS);
    await h.command("U0ADMIN", "/partner", "add Globex region:APAC", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERB> Globex", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0EXTERNAL> Acme Resellers", APPROVALS);
    globexId = (await h.hub.db.partner.findFirstOrThrow({ where: { name: "Globex" } })).id;
  });
  afterAll(async () => {
    await h.close();
  });

  /** The element of one input block of the person's open modal. */
  function modalElement(userId: string, blockId: string): Record<string, unknown> | undefined {
    const blocks = (h.fake.topModal(userId)?.view.blocks ?? []) as {
      block_id?: string;
      element?: Record<string, unknown>;
    }[];
    return blocks.find((block) => block.block_id === blockId)?.element;
  }

  const homeChannelOf = async (name: string) =>
    (await h.hub.db.partner.findFirstOrThrow({ where: { name } })).homeChannel;

  it("ties a channel to a partner named by part of its name, and unties it (managers only)", async () => {
    expect((await h.command("U0PARTNERB", "/partner", "channel <#C0PARTNERB|partner-globex> Globex")).text).toContain(
      "Only managers and admins can tie a channel to a partner.",
    );
    const tied = await h.command("U0MANAGER", "/partner", "channel <#C0PARTNERB|partner-globex> glob", APPROVALS);
    expect(tied.text).toContain("<#C0PARTNERB> is now *Globex*'s channel");
    expect(await homeChannelOf("Globex")).toBe(GLOBEX);

    expect((await h.command("U0MANAGER", "/partner", "channel <#C0APPROVALS> Acme")).text).toContain(
      "can't belong to one partner",
    );
    expect((await h.command("U0MANAGER", "/partner", "channel <#C0PARTNERB> Acme")).text).toContain(
      "That channel is already tied to “Globex”",
    );
    const untied = await h.command("U0MANAGER", "/partner", "channel <#C0PARTNERB> off");
    expect(untied.text).toContain("<#C0PARTNERB> is no longer *Globex*'s channel.");
    expect(await homeChannelOf("Globex")).toBeNull();
    expect((await h.command("U0MANAGER", "/partner", "channel <#C0PARTNERB> off")).text).toContain(
      "That channel isn't tied to a partner.",
    );

    // Typed in the channel itself, the channel can be left out.
    await h.command("U0MANAGER", "/partner", "channel Globex", GLOBEX);
    await h.command("U0MANAGER", "/partner", "channel <#C0PARTNERA|partner-acme> acme", APPROVALS);
    expect([await homeChannelOf("Globex"), await homeChannelOf("Acme Resellers")]).toEqual([GLOBEX, ACME]);
    expect(await h.hub.db.auditEntry.count({ where: { action: "partner.channel" } })).toBe(4);
    const list = await h.command("U0MANAGER", "/partner", "list", APPROVALS);
    expect(list.text).toContain("Globex* · APAC · registered · onboarding · 1 member · <#C0PARTNERB>");
  });

  it("presets the tied partner in a manager's /deal and in the shout-out modal", async () => {
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.command("U0MANAGER", "/deal", "", GLOBEX);
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "register modal");
    expect(modalElement("U0MANAGER", "deal_partner")?.initial_option).toMatchObject({ value: String(globexId) });
    await h.slack.closeView("U0MANAGER");

    // Elsewhere nothing is preset.
    await h.slack.command("U0MANAGER", "/deal", "", "C0SALES");
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened + 1], 5_000, "register modal elsewhere");
    expect(modalElement("U0MANAGER", "deal_partner")).toBeDefined();
    expect(modalElement("U0MANAGER", "deal_partner")).not.toHaveProperty("initial_option");
    await h.slack.closeView("U0MANAGER");

    await h.slack.command("U0PARTNERB", "/shoutout", "", GLOBEX);
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened + 2], 5_000, "shout-out modal");
    expect(h.fake.topModal("U0PARTNERB")?.view.callback_id).toBe("shoutout_give");
    expect(modalElement("U0PARTNERB", "shoutout_partner")?.initial_value).toBe("Globex");
    await h.slack.closeView("U0PARTNERB");
  });

  it("refuses approvals in a tied channel or one shared with another organization", async () => {
    const audited = () => h.hub.db.auditEntry.count({ where: { action: "settings.approvals_channel" } });
    const before = await audited();
    expect((await h.command("U0ADMIN", "/hub", "approvals <#C0PARTNERB|partner-globex>")).text).toContain(
      "That channel is tied to the partner “Globex”",
    );
    expect((await h.command("U0ADMIN", "/hub", "approvals <#C0LOUNGE|partner-lounge>")).text).toContain(
      "That channel is shared with another organization",
    );
    expect((await h.hub.db.workspace.findFirstOrThrow()).approvalsChannel).toBe(APPROVALS);
    expect(await audited()).toBe(before);
  });

  it("refuses the celebrations channel the same way", async () => {
    expect((await h.command("U0ADMIN", "/hub", "shoutouts channel <#C0PARTNERB|partner-globex>")).text).toContain(
      "That channel is tied to the partner “Globex”",
    );
    expect((await h.command("U0ADMIN", "/hub", "shoutouts channel <#C0LOUNGE>")).text).toContain(
      "That channel is shared with another organization",
    );
    expect((await h.hub.db.workspace.findFirstOrThrow()).celebrationsChannel).toBeNull();
    const set = await h.command("U0ADMIN", "/hub", "shoutouts channel <#C0SALES|sales>");
    expect(set.text).toContain("in #sales");
    expect((await h.hub.db.workspace.findFirstOrThrow()).celebrationsChannel).toBe("C0SALES");
  });

  it("takes a person out of their partner company (managers only)", async () => {
    expect((await h.command("U0PARTNERA", "/partner", "remove <@U0PARTNERB>")).text).toContain(
      "Only managers and admins can take people out of a partner.",
    );
    expect((await h.command("U0MANAGER", "/partner", "remove pat")).text).toContain("Mention one person");
    const removed = await h.command("U0MANAGER", "/partner", "remove <@U0PARTNERB|bea>");
    expect(removed.text).toContain("<@U0PARTNERB> is no longer in *Globex*");
    expect((await h.hub.db.member.findFirstOrThrow({ where: { slackUserId: "U0PARTNERB" } })).partnerId).toBeNull();
    expect((await h.command("U0MANAGER", "/partner", "remove <@U0PARTNERB>")).text).toContain(
      "<@U0PARTNERB> isn't in a partner company.",
    );
    expect(await h.hub.db.auditEntry.count({ where: { action: "partner.remove" } })).toBe(1);
    await h.command("U0MANAGER", "/partner", "assign <@U0PARTNERB> Globex");
  });

  it("refuses a program role to a Slack Connect guest, with the reason", async () => {
    const refused = await h.command("U0ADMIN", "/hub", "role <@U0EXTERNAL|eli> manager");
    expect(refused.text).toContain("That person is a Slack Connect guest from another organization");
    expect(refused.text).not.toContain("is now");
    const guest = await h.hub.db.member.findFirstOrThrow({ where: { slackUserId: "U0EXTERNAL" } });
    expect(guest.role).toBe("member");
    // An internal person still can be made one.
    expect((await h.command("U0ADMIN", "/hub", "role <@U0PARTNERA> manager")).text).toContain("is now a *manager*");
    await h.command("U0ADMIN", "/hub", "role <@U0PARTNERA> member");
  });

  it("finds partners by a unique part of the name, lists close matches, and suggests one for a typo", async () => {
    await h.command("U0MANAGER", "/partner", "add Acme Solutions");
    const ambiguous = await h.command("U0MANAGER", "/partner", "members acme");
    expect(ambiguous.text).toContain("“acme” matches 2 partners: “Acme Resellers”, “Acme Solutions”");
    expect((await h.command("U0MANAGER", "/partner", "members sol acme")).text).toContain(
      "*Acme Solutions* has no members yet",
    );
    expect((await h.command("U0MANAGER", "/partner", "members acme res")).text).toContain(
      "*Acme Resellers* · 2 members",
    );
    expect((await h.command("U0MANAGER", "/partner", "members acmee resellers")).text).toContain(
      "No partner named “acmee resellers”. Did you mean “Acme Resellers”",
    );
    expect((await h.command("U0MANAGER", "/deal", "list partner globe")).text).toContain("Globex · open deals");
  });
});
