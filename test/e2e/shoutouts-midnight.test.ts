import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness";
import { APPROVALS, setUpPartners } from "./outbox-fixtures";

/**
 * The daily allowance renews at midnight where the giver lives: Bea works from Singapore (UTC+8,
 * as users.info says) in a program that keeps UTC, so her new day starts while the program's day
 * has not ended.
 */
describe("the shout-out allowance across the giver's midnight", () => {
  let h: Harness;
  let now = new Date("2026-12-01T15:30:00Z"); // 23:30 in Singapore, 15:30 in the program (UTC)

  beforeAll(async () => {
    h = await startHarness({ clock: () => now });
    await setUpPartners(h);
    await h.command("U0ADMIN", "/hub", "shoutouts allowance 1", APPROVALS);
  });
  afterAll(async () => {
    await h.close();
  });

  it("refuses past the allowance before her midnight, says when it renews, and renews after it", async () => {
    const first = await h.command("U0PARTNERB", "/shoutout", "<@U0PARTNERA> thanks for the intro", "C0SALES");
    expect(first.text).not.toContain("no_entry_sign");
    expect(await h.hub.db.shoutout.count()).toBe(1);

    const refused = await h.command("U0PARTNERB", "/shoutout", "<@U0MANAGER> thanks for the pricing help", "C0SALES");
    expect(refused.text).toContain("You have recognized as many people as you can today");
    expect(refused.text).toMatch(/00:00/);
    expect(refused.text).toContain("Asia/Singapore");
    expect(await h.hub.db.shoutout.count()).toBe(1);

    now = new Date("2026-12-01T16:05:00Z"); // 00:05 on Dec 2 in Singapore; still Dec 1 in UTC
    const renewed = await h.command("U0PARTNERB", "/shoutout", "<@U0MANAGER> thanks for the pricing help", "C0SALES");
    expect(renewed.text).not.toContain("You have recognized as many people as you can today");
    expect(await h.hub.db.shoutout.count()).toBe(2);

    // Pat lives in London: at 16:05 UTC her day (and the program's) is the same one she started.
    await h.command("U0PARTNERA", "/shoutout", "<@U0PARTNERB> great demo", "C0SALES");
    const patRefused = await h.command("U0PARTNERA", "/shoutout", "<@U0MANAGER> quick quote", "C0SALES");
    expect(patRefused.text).toContain("You have recognized as many people as you can today");
    expect(patRefused.text).toContain("Europe/London");
  });
});
