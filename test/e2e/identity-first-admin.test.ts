import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness";

/**
 * With HUB_ADMINS unset the first internal user becomes the program's admin. A Slack Connect guest
 * must never take that seat, whatever reaches the app first: an App Home event (events carry no
 * user team) or a slash command (commands carry none either). The app asks users.info.
 */
describe("only an internal user becomes the first admin", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  async function firstAdmins() {
    return h.hub.db.auditEntry.findMany({ where: { action: "role.first_admin" } });
  }

  async function roleOf(userId: string) {
    return (await h.hub.db.member.findFirst({ where: { slackUserId: userId } }))?.role;
  }

  it("a guest opening the App Home first stays a member; the vendor's first user becomes admin", async () => {
    h = await startHarness();
    const published = h.fake.callsOf("views.publish").length;
    await h.slack.openHome("U0EXTERNAL");
    await h.fake.waitFor(() => h.fake.callsOf("views.publish")[published], 5_000, "the guest's home");
    expect(await firstAdmins()).toHaveLength(0);
    expect(await roleOf("U0EXTERNAL")).toBe("member");
    expect((await h.hub.db.member.findFirstOrThrow({ where: { slackUserId: "U0EXTERNAL" } })).slackTeamId).toBe(
      "T0ACMEPART",
    );

    expect((await h.command("U0ADMIN", "/hub", "help")).text).toContain("you are its admin");
    expect((await firstAdmins()).map((entry) => entry.target)).toEqual(["U0ADMIN"]);
  });

  it("a guest's slash command first stays a member and is not told it is admin", async () => {
    h = await startHarness();
    const guest = await h.command("U0EXTERNAL", "/hub", "help", "C0PARTNERA");
    expect(guest.text).not.toContain("you are its admin");
    expect(await firstAdmins()).toHaveLength(0);
    expect(await roleOf("U0EXTERNAL")).toBe("member");
    expect((await h.command("U0EXTERNAL", "/partner", "add Acme", "C0PARTNERA")).text).toContain(
      "Only managers and admins",
    );

    expect((await h.command("U0MANAGER", "/hub", "help")).text).toContain("you are its admin");
    expect(await roleOf("U0MANAGER")).toBe("admin");
    expect((await firstAdmins()).map((entry) => entry.target)).toEqual(["U0MANAGER"]);
  });

  it("asks users.info once per person, and claims nothing while Slack cannot say who someone is", async () => {
    h = await startHarness();
    const lookups = (userId: string) => h.fake.callsOf("users.info").filter((call) => call.args.user === userId);
    h.fake.failNext("users.info", { kind: "error", error: "fatal_error" }, 1);
    expect((await h.command("U0ADMIN", "/hub", "help")).text).not.toContain("you are its admin");
    expect(await firstAdmins()).toHaveLength(0);

    expect((await h.command("U0ADMIN", "/hub", "help")).text).toContain("you are its admin");
    await h.command("U0ADMIN", "/hub", "settings");
    await h.command("U0ADMIN", "/partner", "list");
    // The failed lookup and the one that answered; later commands use the answer.
    expect(lookups("U0ADMIN")).toHaveLength(2);
  });
});
