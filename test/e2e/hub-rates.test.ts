import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness";

const NOW = new Date("2026-11-16T12:00:00Z");

describe("/hub rates and /hub settings leaderboard-amounts", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ hubAdmins: ["U0ADMIN"], clock: () => NOW });
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager");
    await h.command("U0ADMIN", "/partner", "add Acme");
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows the rates to everyone and lets only admins set one, dated today or on a given day", async () => {
    expect((await h.command("U0PARTNERA", "/hub", "rates")).text).toContain("No rates yet");
    expect((await h.command("U0MANAGER", "/hub", "rates EUR 1.08")).text).toContain(
      "Only admins can set exchange rates.",
    );
    const today = await h.command("U0ADMIN", "/hub", "rates eur 1,08");
    expect(today.text).toContain(":white_check_mark: 1 EUR = 1.08 USD from 2026-11-16.");
    expect(today.text).toContain("• 1 EUR = 1.08 USD · since 2026-11-16 · set by <@U0ADMIN>");
    const dated = await h.command("U0ADMIN", "/hub", "rates GBP 1.27 2026-10-01");
    expect(dated.text).toContain("1 GBP = 1.27 USD from 2026-10-01.");
    const shown = await h.command("U0PARTNERA", "/hub", "rates");
    expect(shown.text).toContain("• 1 EUR = 1.08 USD · since 2026-11-16");
    expect(shown.text).toContain("• 1 GBP = 1.27 USD · since 2026-10-01");
    expect(shown.text).toContain("rate valid on its close date");
    expect(await h.hub.db.exchangeRate.count()).toBe(2);
    expect(await h.hub.db.auditEntry.count({ where: { action: "exchange_rate.set" } })).toBe(2);
  });

  it("refuses what is not a rate, a day or another currency, and changes nothing", async () => {
    const before = await h.hub.db.exchangeRate.count();
    expect((await h.command("U0ADMIN", "/hub", "rates EUR lots")).text).toContain("is not a rate");
    expect((await h.command("U0ADMIN", "/hub", "rates USD 1.2")).text).toContain("USD is the reporting currency");
    expect((await h.command("U0ADMIN", "/hub", "rates EUR 1.1 2026-13-01")).text).toContain("is not a day");
    expect((await h.command("U0ADMIN", "/hub", "rates EUR")).text).toContain("`/hub rates EUR 1.08`");
    expect((await h.command("U0ADMIN", "/hub", "rates EUR 1.1 2026-12-01 extra")).text).toContain("Usage:");
    expect(await h.hub.db.exchangeRate.count()).toBe(before);
  });

  it("lets admins choose whether partner members see other partners' amounts", async () => {
    const shown = await h.command("U0PARTNERA", "/hub", "settings");
    expect(shown.text).toContain(
      "Leaderboard amounts: partner members see their own amounts and only the others' ranks",
    );
    expect((await h.command("U0MANAGER", "/hub", "settings leaderboard-amounts all")).text).toContain(
      "Only admins can change program settings.",
    );
    expect((await h.command("U0ADMIN", "/hub", "settings leaderboard-amounts everything")).text).toContain(
      "is not a choice",
    );
    const all = await h.command("U0ADMIN", "/hub", "settings leaderboard-amounts ALL");
    expect(all.text).toContain("Partner members now see every partner's amounts on leaderboards.");
    expect(all.text).toContain("Leaderboard amounts: partner members see every partner's amounts");
    expect((await h.hub.db.workspace.findFirstOrThrow()).leaderboardAmounts).toBe("all");
    const own = await h.command("U0ADMIN", "/hub", "settings leaderboard-amounts own");
    expect(own.text).toContain("only the other partners' ranks");
    expect((await h.hub.db.workspace.findFirstOrThrow()).leaderboardAmounts).toBe("own");
  });

  it("explains rates, goals and the setting in help", async () => {
    const help = await h.command("U0ADMIN", "/hub", "help");
    expect(help.text).toContain("/hub rates EUR 1.08 2026-11-01");
    expect(help.text).toContain("/hub settings leaderboard-amounts all");
    expect(help.text).toContain("/goal remove 12");
    const member = await h.command("U0PARTNERA", "/hub", "help");
    expect(member.text).toContain("/hub rates");
    expect(member.text).not.toContain("/goal remove 12");
    expect(member.text).not.toContain("leaderboard-amounts");
  });
});
