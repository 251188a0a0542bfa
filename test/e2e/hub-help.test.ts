import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness";

describe("/hub help over signed HTTP", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("answers 200 and posts an ephemeral overview of every command", async () => {
    const answer = await h.slack.command("U0MANAGER", "/hub", "help");
    expect(answer.status).toBe(200);
    const reply = await h.fake.waitForResponse(0);
    expect(reply.body.response_type).toBe("ephemeral");
    const shown = JSON.stringify(reply.body.blocks);
    for (const command of ["/hub", "/partner", "/deal"]) expect(shown).toContain(command);
    expect(shown).toContain("/partner add Acme Resellers region:EMEA tier:gold");
  });
});

describe("help lists what the caller may use", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ hubAdmins: ["U0ADMIN"] });
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager");
  });
  afterAll(async () => {
    await h.close();
  });

  it("shows admin commands to admins only and manager commands to managers and admins", async () => {
    const admin = (await h.command("U0ADMIN", "/hub", "help")).text;
    const manager = (await h.command("U0MANAGER", "/hub", "help")).text;
    const member = (await h.command("U0PARTNERA", "/hub", "help")).text;

    for (const adminOnly of [
      "/hub role",
      "/hub approvals",
      "/hub timezone",
      "/hub settings approval-reminder",
      "/hub status",
    ]) {
      expect(admin).toContain(adminOnly);
      expect(manager).not.toContain(adminOnly);
      expect(member).not.toContain(adminOnly);
    }
    for (const managers of ["/hub launcher", "/partner channel", "/partner remove", "award:"]) {
      expect(admin).toContain(managers);
      expect(manager).toContain(managers);
      expect(member).not.toContain(managers);
    }
    for (const everyone of [
      "/deal find",
      "/deal edit 42",
      "/deal list partner",
      "/practice search",
      "/hub settings shoutouts",
    ]) {
      expect(member).toContain(everyone);
    }
    // Members see what the partner program offers them, not how managers run partner companies.
    for (const partnerLine of ["/partner apply", "/partner show", "/partner scorecard", "/partner resources"]) {
      expect(member).toContain(partnerLine);
    }
    for (const managers of ["/partner add", "/partner applications", "/partner program", "/partner training"]) {
      expect(member).not.toContain(managers);
      expect(manager).toContain(managers);
    }
    expect(manager).not.toContain("/partner program grace");
    expect(admin).toContain("/partner program grace");
  });

  it("answers a command's own help by role too", async () => {
    expect((await h.command("U0MANAGER", "/partner", "help")).text).toContain("/partner channel #partner-acme");
    const memberHelp = (await h.command("U0PARTNERA", "/partner", "help")).text;
    expect(memberHelp).toContain("/partner apply");
    expect(memberHelp).not.toContain("/partner channel");
    expect((await h.command("U0PARTNERA", "/deal", "help")).text).toContain("/deal find");
  });
});
