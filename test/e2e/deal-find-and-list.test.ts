import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DealRecord } from "../../src/services/records";
import { ACTIONS } from "../../src/slack/ids";
import { localDateTime } from "../../src/slack/views/slack-date";
import { type Harness, startHarness } from "../support/harness";

/**
 * `/deal find` and `/deal list` as each person sees them: only deals they may see, a partner's own
 * company named by its people, and dates in the reader's own time zone.
 */

const APPROVALS = "C0APPROVALS";
const TEAM = "T0VENDOR";
/** 20:00 UTC: still the 27th in London and New York, already the 28th in Singapore. */
const NOW = new Date("2026-11-27T20:00:00Z");

describe("finding and listing deals", () => {
  let h: Harness;
  let tanabeAcme: DealRecord;

  async function register(
    userId: string,
    customerName: string,
    customerDomain: string,
    extra: { expectedClose?: string } = {},
  ): Promise<DealRecord> {
    const actor = await h.hub.services.access.identify({ teamId: TEAM, userId });
    const result = await h.hub.services.deals.register(
      actor,
      { customerName, customerDomain, product: "Seats", amount: "1000", currency: "USD", ...extra },
      `find-test:${customerName}`,
      null,
    );
    if (result.kind !== "created") throw new Error(`expected a new deal for ${customerName}, got ${result.kind}`);
    return result.deal;
  }

  beforeAll(async () => {
    h = await startHarness({ clock: () => NOW });
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
    await h.command("U0ADMIN", "/partner", "add Acme Resellers", APPROVALS);
    await h.command("U0ADMIN", "/partner", "add Globex", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERB> Globex", APPROVALS);
    tanabeAcme = await register("U0PARTNERA", "Tanabe Robotics", "tanabe-robotics.jp");
    await register("U0PARTNERA", "Initech", "initech.example");
    await register("U0PARTNERB", "Tanabe Heavy Industries", "tanabe-heavy.jp");
    await register("U0PARTNERB", "Cloudberry", "kumo-data.example", { expectedClose: "2026-11-28" });
    for (let i = 1; i <= 11; i++) await register("U0PARTNERA", `Paging Customer ${i}`, `paging-${i}.example`);
  });
  afterAll(async () => {
    await h.close();
  });

  it("finds deals by customer name words, only among the partner's own company for its people", async () => {
    const mine = await h.command("U0PARTNERA", "/deal", "find tanabe");
    expect(mine.text).toContain("Deals matching “tanabe”* among Acme Resellers's deals · 1 in all");
    expect(mine.text).toContain("Tanabe Robotics");
    expect(mine.text).not.toContain("Tanabe Heavy");

    const all = await h.command("U0MANAGER", "/deal", "find TANABE");
    expect(all.text).toContain("2 in all");
    expect(all.text).toContain("Tanabe Robotics* · Acme Resellers");
    expect(all.text).toContain("Tanabe Heavy Industries* · Globex");

    // Every word must match, in the name or the domain.
    expect((await h.command("U0MANAGER", "/deal", "find tanabe heavy")).text).toContain("1 in all");
    expect((await h.command("U0MANAGER", "/deal", "find kumo")).text).toContain("Cloudberry");
    expect((await h.command("U0PARTNERA", "/deal", "find kumo")).text).toContain(
      "No deal matches “kumo” among Acme Resellers's deals",
    );
    expect((await h.command("U0PARTNERA", "/deal", "find")).text).toContain(
      "Type words from the customer's name or domain",
    );
  });

  it("shows the first page of many matches and says how many more there are", async () => {
    const found = await h.command("U0PARTNERA", "/deal", "find paging customer");
    expect(found.text).toContain("11 in all");
    expect(found.text).toContain("…and 1 more: add words to narrow it down.");
  });

  it("lets a partner's people list their own company's deals by name, not another's", async () => {
    const own = await h.command("U0PARTNERA", "/deal", "list partner acme all");
    expect(own.text).toContain("Acme Resellers · all deals");
    expect(own.text).toContain("Page 1 of 2");
    const blocks = own.body.blocks as { elements?: { action_id?: string; value?: string }[] }[];
    const older = blocks.flatMap((block) => block.elements ?? []).find((e) => e.action_id === ACTIONS.dealListOlder);
    expect(JSON.parse(older?.value ?? "{}")).toMatchObject({ f: "all", n: 2, p: tanabeAcme.partnerId });
    expect((await h.command("U0PARTNERA", "/deal", "list partner globex")).text).toContain(
      "Only managers and admins can list another partner's deals.",
    );
    // The answer never names other partners to a partner's people.
    expect((await h.command("U0PARTNERA", "/deal", "list partner glo")).text).not.toContain("Globex");
  });

  it("counts days in the reader's own time zone", async () => {
    // Singapore is already on the 28th: the deal closes today there, tomorrow in New York.
    expect((await h.command("U0PARTNERB", "/deal", "list")).text).toContain(
      "Cloudberry* · Prospecting · USD 1,000.00 · closes today",
    );
    expect((await h.command("U0MANAGER", "/deal", "list partner globex")).text).toContain(
      "Cloudberry* · Prospecting · USD 1,000.00 · closes tomorrow",
    );
  });

  it("shows a deal's history at the reader's own clock", async () => {
    const deal = await h.hub.db.deal.findFirstOrThrow({ where: { customerName: "Cloudberry" } });
    const event = await h.hub.db.dealEvent.findFirstOrThrow({ where: { dealId: deal.id, type: "registered" } });
    const at = event.createdAt;
    const newYork = localDateTime(at, "America/New_York");
    const singapore = localDateTime(at, "Asia/Singapore");
    expect(newYork).not.toBe(singapore);
    const manager = await h.command("U0MANAGER", "/deal", `history ${deal.id}`);
    expect(manager.text).toContain(`${newYork} — <@U0PARTNERB> registered the deal`);
    // A date token, so Slack shows it at each reader's clock; the fallback is the reader's too.
    expect(JSON.stringify(manager.body.blocks)).toContain(`<!date^${Math.floor(at.getTime() / 1000)}^{date} {time}|`);
    const partner = await h.command("U0PARTNERB", "/deal", `history ${deal.id}`);
    expect(partner.text).toContain(`${singapore} — <@U0PARTNERB> registered the deal`);
    expect(singapore).toMatch(/GMT\+8$/);
  });
});
