import { describe, expect, it } from "vitest";
import { AccessService } from "../../src/services/access-service";
import { refusal, useDealWorld } from "./deal-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";
const notShared = { shared: false };

describe(`partner channels (${DB})`, () => {
  it("ties a channel to a partner named fuzzily, one partner per channel, audited; unties it", async () => {
    const p = await world.program();
    const { partners } = world.services;
    const tied = await partners.tieChannel(p.manager, "C_ACME", "acme", { shared: true });
    expect(tied).toEqual({
      partner: expect.objectContaining({ id: p.acme.id, homeChannel: "C_ACME" }),
      previousChannel: null,
    });
    expect((await partners.partnerOfChannel(p.admin.workspace.id, "C_ACME"))?.id).toBe(p.acme.id);
    expect(await refusal(() => partners.tieChannel(p.manager, "C_ACME", "Globex", notShared))).toEqual({
      code: "channel_taken",
      params: { partner: "Acme Solutions" },
    });
    // Moving the partner to another channel frees the first one.
    const moved = await partners.tieChannel(p.manager, "C_ACME_2", "Acme Solutions", notShared);
    expect(moved.previousChannel).toBe("C_ACME");
    expect(await partners.partnerOfChannel(p.admin.workspace.id, "C_ACME")).toBeNull();
    const audit = await world.opened.db.auditEntry.findMany({ where: { action: "partner.channel" } });
    expect(audit.length).toBeGreaterThanOrEqual(2);

    expect((await partners.untieChannel(p.manager, "C_ACME_2")).homeChannel).toBeNull();
    expect((await refusal(() => partners.untieChannel(p.manager, "C_ACME_2"))).code).toBe("channel_not_tied");
  });

  it("refuses members, the program's own channels and ambiguous names", async () => {
    const p = await world.program();
    const { partners } = world.services;
    expect(await refusal(() => partners.tieChannel(p.ana, "C_X", "Acme", notShared))).toEqual({
      code: "forbidden",
      params: { action: "tie_channels" },
    });
    expect((await refusal(() => partners.tieChannel(p.manager, "C_APPROVALS", "Acme", notShared))).code).toBe(
      "channel_is_program",
    );
    await world.opened.store.partners.create(p.admin.workspace.id, {
      name: "Acme Logistics",
      nameKey: "acme logistics",
      region: null,
      tier: "gold",
    });
    expect(await refusal(() => partners.tieChannel(p.manager, "C_X", "acme", notShared))).toEqual({
      code: "partner_ambiguous",
      params: { name: "acme", matches: ["Acme Logistics", "Acme Solutions"] },
    });
    expect((await partners.findByName(p.manager, "acme sol")).id).toBe(p.acme.id);
  });

  it("presets the tied partner in the Register modal for managers, not for other partners' people", async () => {
    const p = await world.program();
    await world.services.partners.tieChannel(p.manager, "C_GLOBEX", "Globex", notShared);
    const managerForm = await world.services.deals.registrationForm(p.manager, "C_GLOBEX");
    expect(managerForm.defaultPartnerId).toBe(p.globex.id);
    expect((await world.services.deals.registrationForm(p.manager, "C_OTHER")).defaultPartnerId).toBeNull();
    expect((await world.services.deals.registrationForm(p.ana, "C_GLOBEX")).defaultPartnerId).toBe(p.acme.id);
  });

  it("takes a person out of their partner company", async () => {
    const p = await world.program();
    const removed = await world.services.partners.removeMember(p.manager, "U_ANA");
    expect(removed.partner?.id).toBe(p.acme.id);
    expect(removed.member.partnerId).toBeNull();
    expect(await refusal(() => world.services.partners.removeMember(p.manager, "U_ANA"))).toEqual({
      code: "not_in_partner",
      params: { userId: "U_ANA" },
    });
    expect((await refusal(() => world.services.partners.removeMember(p.bob, "U_BOB"))).code).toBe("forbidden");
  });
});

describe(`program channels and roles (${DB})`, () => {
  it("never routes approvals or celebrations into a tied or shared channel", async () => {
    const p = await world.program();
    await world.services.partners.tieChannel(p.manager, "C_ACME", "Acme", notShared);
    const { settings, recognition } = world.services;
    expect(await refusal(() => settings.setApprovalsChannel(p.admin, "C_ACME", notShared))).toEqual({
      code: "channel_tied",
      params: { partner: "Acme Solutions" },
    });
    expect((await refusal(() => settings.setApprovalsChannel(p.admin, "C_CONNECT", { shared: true }))).code).toBe(
      "channel_shared",
    );
    await settings.setApprovalsChannel(p.admin, "C_DEALS", notShared);
    expect((await refusal(() => recognition.setCelebrations(p.admin, { channel: "C_ACME" }))).code).toBe(
      "channel_tied",
    );
    expect(
      (await refusal(() => recognition.setCelebrations(p.admin, { channel: "C_CONNECT" }, { shared: true }))).code,
    ).toBe("channel_shared");
    const workspace = await recognition.setCelebrations(p.admin, { channel: "C_WINS" }, notShared);
    expect(workspace.celebrationsChannel).toBe("C_WINS");
  });

  it("never picks a tied channel as the first approvals channel", async () => {
    const p = await world.program({ approvalsChannel: null });
    await world.services.partners.tieChannel(p.manager, "C_ACME", "Acme", notShared);
    const access = new AccessService(world.opened.store, []);
    const admin = await access.identify({ teamId: p.teamId, userId: p.admin.userId, commandChannelId: "C_ACME" });
    expect(admin.workspace.approvalsChannel).toBeNull();
    const later = await access.identify({ teamId: p.teamId, userId: p.admin.userId, commandChannelId: "C_HQ" });
    expect(later.workspace.approvalsChannel).toBe("C_HQ");
  });

  it("refuses to make an external Slack Connect user a manager or admin", async () => {
    const p = await world.program();
    const { roles } = world.services;
    expect((await refusal(() => roles.setRole(p.admin, "U_GUEST", "manager", { external: true }))).code).toBe(
      "external_cannot_manage",
    );
    expect((await roles.setRole(p.admin, "U_GUEST", "member", { external: true })).member.role).toBe("member");
    expect((await roles.setRole(p.admin, "U_INSIDER", "manager", { external: false })).member.role).toBe("manager");
  });
});
