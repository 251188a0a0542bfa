import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness";

describe("roles and partner companies (first user becomes admin)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function audit(action: string) {
    return h.hub.db.auditEntry.findMany({ where: { action }, orderBy: { id: "asc" } });
  }

  it("makes the first person admin and tells them, once", async () => {
    const first = await h.command("U0ADMIN", "/hub", "help");
    expect(first.text).toContain("you are its admin");
    expect(first.text).toContain("/partner add");
    const again = await h.command("U0ADMIN", "/hub");
    expect(again.text).not.toContain("you are its admin");
    const second = await h.command("U0MANAGER", "/hub", "help");
    expect(second.text).not.toContain("you are its admin");
    expect(await audit("role.first_admin")).toHaveLength(1);
  });

  it("refuses partner management and role changes to plain members", async () => {
    expect((await h.command("U0MANAGER", "/partner", "add Acme")).text).toBe(
      ":no_entry_sign: Only managers and admins can add partner companies.",
    );
    expect((await h.command("U0MANAGER", "/partner", "list")).text).toContain("Only managers and admins");
    expect((await h.command("U0MANAGER", "/hub", "role <@U0PARTNERA|pat> manager")).text).toContain(
      "Only admins can change roles.",
    );
    expect(await h.hub.db.partner.count()).toBe(0);
  });

  it("lets the admin make a manager, with an audit entry", async () => {
    const reply = await h.command("U0ADMIN", "/hub", "role <@U0MANAGER|max> manager");
    expect(reply.text).toContain("<@U0MANAGER> is now a *manager* (was member)");
    const [entry] = await audit("role.set");
    expect(entry).toMatchObject({ actor: "U0ADMIN", target: "U0MANAGER" });
    expect(JSON.parse(entry?.data ?? "{}")).toEqual({ from: "member", to: "manager" });
  });

  it("explains role usage mistakes", async () => {
    expect((await h.command("U0ADMIN", "/hub", "role max manager")).text).toContain("Mention one person");
    expect((await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> boss")).text).toContain(
      "The role must be one of admin, manager, member",
    );
    expect((await h.command("U0ADMIN", "/hub", "role <@U0ADMIN> member")).text).toContain("at least one admin");
  });

  it("adds partners with region and tier, refuses duplicates by name key", async () => {
    const added = await h.command("U0MANAGER", "/partner", 'add "Acme Resellers" region:EMEA tier:gold');
    // A partner added by hand starts onboarding; it becomes active once its checklist is done.
    expect(added.text).toContain("Added *Acme Resellers* · EMEA · gold · onboarding");
    const duplicate = await h.command("U0MANAGER", "/partner", "add ACME   resellers.");
    expect(duplicate.text).toContain("A partner named “ACME resellers.” already exists");
    const quoted = await h.command("U0MANAGER", "/partner", 'add O\'Neil &amp; Sons region:"North America"');
    expect(quoted.text).toContain("*O'Neil &amp; Sons* · North America · registered");
    expect(await h.hub.db.partner.count()).toBe(2);
    expect(await audit("partner.add")).toHaveLength(2);
  });

  it("explains bad partner input without changing anything", async () => {
    expect((await h.command("U0MANAGER", "/partner", "add")).text).toContain("Name the partner company");
    expect((await h.command("U0MANAGER", "/partner", "add Initech tier:diamond")).text).toContain(
      "Tier must be one of: registered, silver, gold, platinum",
    );
    expect((await h.command("U0MANAGER", "/partner", 'add "Initech')).text).toContain("never closed");
    expect((await h.command("U0MANAGER", "/partner", "frobnicate")).text).toContain(
      "I don't know `/partner frobnicate`",
    );
    expect(await h.hub.db.partner.count()).toBe(2);
  });

  it("assigns people to partners and lists members", async () => {
    const assigned = await h.command("U0MANAGER", "/partner", "assign <@U0PARTNERA|pat> acme resellers");
    expect(assigned.text).toContain("<@U0PARTNERA> now belongs to *Acme Resellers*");
    const moved = await h.command("U0MANAGER", "/partner", "assign <@U0PARTNERA> O'Neil &amp; Sons");
    expect(moved.text).toContain("(moved from Acme Resellers)");
    await h.command("U0MANAGER", "/partner", "assign <@U0PARTNERB> Acme Resellers");
    const members = await h.command("U0MANAGER", "/partner", "members Acme Resellers");
    expect(members.text).toContain("<@U0PARTNERB> · member");
    expect(members.text).not.toContain("U0PARTNERA");
    expect((await h.command("U0MANAGER", "/partner", "assign pat Acme")).text).toContain("Mention one person with @");
    expect((await h.command("U0MANAGER", "/partner", "members Nope Corp")).text).toContain(
      "No partner named “Nope Corp”",
    );
    expect(await audit("partner.assign")).toHaveLength(3);
  });

  it("lists partners alphabetically with member counts", async () => {
    const list = await h.command("U0ADMIN", "/partner", "list");
    expect(list.text).toContain("Partner companies (2)");
    expect(list.text.indexOf("Acme Resellers")).toBeLessThan(list.text.indexOf("O'Neil"));
    expect(list.text).toContain("Acme Resellers* · EMEA · gold · onboarding · 1 member");
  });
});

describe("HUB_ADMINS decides who is admin", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ hubAdmins: ["U0MANAGER"] });
  });
  afterAll(async () => {
    await h.close();
  });

  it("does not crown the first user and refuses admin changes by command", async () => {
    const first = await h.command("U0ADMIN", "/hub", "role <@U0PARTNERA> manager");
    expect(first.text).toContain("Only admins can change roles.");
    expect(first.text).not.toContain("you are its admin");
    const admin = await h.command("U0MANAGER", "/hub", "role <@U0ADMIN> admin");
    expect(admin.text).toContain("Admins are set by HUB_ADMINS");
    const manager = await h.command("U0MANAGER", "/hub", "role <@U0ADMIN> manager");
    expect(manager.text).toContain("<@U0ADMIN> is now a *manager*");
  });
});
