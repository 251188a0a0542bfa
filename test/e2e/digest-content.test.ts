import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, startHarness, visibleText } from "../support/harness";

/**
 * Posted digests as people see them. The program runs in Europe/Berlin; the week Nov 23 – 29, 2026
 * holds registrations and wins of Acme Resellers (whose Slack Connect channel is tied to it) and
 * of Globex, and a shout-out. #sales, Acme's channel and the admin's DM are subscribed for Monday
 * 09:00; the scheduler's tick runs at Monday Nov 30, 09:00:30 Berlin time, then a week later.
 */
const ADMIN = "U0ADMIN";
const SALES = "C0SALES";
const APPROVALS = "C0APPROVALS";
const ACME_CHANNEL = "C0PARTNERA";
const FIRST_RUN = new Date("2026-11-30T08:00:30Z");
const QUIET_RUN = new Date("2026-12-07T08:00:30Z");
const TRICKY = "Tricky <b> & *bold* <!channel> Co";

let h: Harness;
let now = new Date("2026-11-25T12:00:00Z");
let workspaceId = 0;
const partners: Record<string, number> = {};

async function deal(partner: string, customer: string, day: string, options: { won?: number } = {}): Promise<void> {
  const at = new Date(`${day}T10:00:00Z`);
  await h.hub.db.deal.create({
    data: {
      workspaceId,
      partnerId: partners[partner] ?? 0,
      createdBy: ADMIN,
      customerName: customer,
      customerNameKey: customer.toLowerCase(),
      product: "Seats",
      amountMinor: BigInt((options.won ?? 1000) * 100),
      currency: "USD",
      stage: options.won === undefined ? "proposal" : "won",
      status: options.won === undefined ? "pending" : "approved",
      closedAt: options.won === undefined ? null : at,
      // A won deal was registered long before: it is news as a win, not as a registration.
      createdAt: options.won === undefined ? at : new Date(at.getTime() - 30 * 86_400_000),
    },
  });
}

/** The digest the bot posted in `channel` last, checked against Slack's limits. */
function digestIn(channel: string, title: string): FakeMessage {
  const posted = h.fake
    .channelMessages(channel)
    .filter((message) => message.visibleTo === undefined && visibleText(message.blocks).includes(title));
  const last = posted.at(-1);
  if (!last) throw new Error(`no digest "${title}" in ${channel}`);
  expectWithinSlackLimits({ text: last.text, blocks: last.blocks });
  return last;
}

type Image = { type: string; slack_file?: { id?: string }; alt_text?: string };
const imageOf = (message: FakeMessage) => ((message.blocks ?? []) as Image[]).find((block) => block.type === "image");

beforeAll(async () => {
  h = await startHarness({ hubAdmins: [ADMIN], clock: () => now });
  await h.command(ADMIN, "/hub", "timezone Europe/Berlin", APPROVALS);
  await h.command(ADMIN, "/hub", "currency USD", APPROVALS);
  await h.command(ADMIN, "/partner", "add Acme Resellers", APPROVALS);
  await h.command(ADMIN, "/partner", "add Globex", APPROVALS);
  await h.command(ADMIN, "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);
  await h.command(ADMIN, "/partner", "assign <@U0PARTNERB> Globex", APPROVALS);
  await h.command(ADMIN, "/partner", `channel <#${ACME_CHANNEL}|partner-acme> Acme Resellers`, APPROVALS);
  workspaceId = (await h.hub.db.workspace.findFirstOrThrow({ where: { teamId: "T0VENDOR" } })).id;
  for (const partner of await h.hub.db.partner.findMany({ where: { workspaceId } }))
    partners[partner.name] = partner.id;

  for (let i = 1; i <= 7; i++) await deal("Acme Resellers", `Acme Prospect ${i}`, `2026-11-2${4 + (i % 3)}`);
  await deal("Acme Resellers", TRICKY, "2026-11-27");
  await deal("Acme Resellers", "Acme Big Win", "2026-11-25", { won: 5000 });
  await deal("Globex", "Globex Secret Customer", "2026-11-26", { won: 9000 });
  await deal("Globex", "Globex Pipeline Deal", "2026-11-26");
  // Outside the week: the Sunday before it, and the Monday of the run.
  await deal("Globex", "Globex Too Early", "2026-11-22");
  await h.command(ADMIN, "/shoutout", "<@U0PARTNERA> thanks for the joint demo", SALES);
  await h.outboxDrained();
  await h.hub.db.shoutout.updateMany({ data: { createdAt: new Date("2026-11-25T12:00:00Z") } });

  await h.command(ADMIN, "/hub", "digest here", SALES);
  await h.command(ADMIN, "/hub", "digest here", ACME_CHANNEL);
  await h.command(ADMIN, "/hub", "digest me", SALES);
  now = FIRST_RUN;
  expect(await h.hub.services.digest.runDue(FIRST_RUN)).toEqual({ claimed: 3 });
  await h.outboxDrained();
});
afterAll(async () => {
  await h.close();
});

describe("the program's digest in an internal channel", () => {
  it("shows the week's registrations with 'and N more', wins largest first and the shout-out", () => {
    const text = visibleText(digestIn(SALES, "Weekly digest").blocks);
    expect(text).toContain("Nov 23 – Nov 29, 2026");
    // 7 + 1 of Acme's and 1 of Globex's: five shown.
    expect(text).toContain("*New registrations* · 9");
    expect(text).toContain("…and 4 more");
    expect(text.indexOf("Globex Secret Customer")).toBeGreaterThan(-1);
    expect(text.indexOf("Globex Secret Customer")).toBeLessThan(text.indexOf("Acme Big Win"));
    expect(text).toContain("USD 9,000.00");
    expect(text).not.toContain("Globex Too Early");
    expect(text).toContain("ada → pat: “thanks for the joint demo”");
  });

  it("carries the leaderboard with its chart image, uploaded to Slack", () => {
    const posted = digestIn(SALES, "Weekly digest");
    expect(visibleText(posted.blocks)).toContain("*1.* Globex — USD 9,000.00");
    const image = imageOf(posted);
    expect(h.fake.file(image?.slack_file?.id ?? "")?.mimetype).toBe("image/png");
    expect(image?.alt_text).toContain("Globex");
  });

  it("names people without pinging them, and its text fallback is link-free and escaped", () => {
    const posted = digestIn(SALES, "Weekly digest");
    expect(JSON.stringify(posted.blocks)).not.toMatch(/<@U0|<!channel>/);
    expect(posted.text).toMatch(/^Weekly digest, Nov 23 – Nov 29, 2026: 9 new registrations, 2 deals won/);
    expect(posted.text).toContain("Globex leads the week.");
    expect(posted.text).not.toMatch(/<(https?:|@|#|!)/);
  });

  it("is posted once: a second tick, or another instance's, claims nothing", async () => {
    const before = h.fake.channelMessages(SALES).length;
    expect(await h.hub.services.digest.runDue(FIRST_RUN)).toEqual({ claimed: 0 });
    await h.outboxDrained();
    expect(h.fake.channelMessages(SALES)).toHaveLength(before);
  });
});

describe("a partner's own channel", () => {
  it("shows that partner's own deals and never another partner's deal details", () => {
    const posted = digestIn(ACME_CHANNEL, "Acme Resellers · weekly digest");
    const everything = `${posted.text}\n${visibleText(posted.blocks)}\n${JSON.stringify(posted.blocks)}`;
    expect(everything).toContain("Acme Big Win");
    expect(everything).toContain("*New registrations* · 8");
    expect(everything).toContain("…and 3 more");
    for (const secret of ["Globex Secret Customer", "Globex Pipeline Deal", "9,000"]) {
      expect(everything).not.toContain(secret);
    }
    // Globex is on the leaderboard by rank only; Acme's own row shows its amount.
    expect(visibleText(posted.blocks)).toContain("*1.* Globex — rank only");
    expect(visibleText(posted.blocks)).toContain("*Acme Resellers* (your company) — USD 5,000.00");
    expect(imageOf(posted)?.alt_text ?? "").not.toContain("9,000");
  });

  it("shows a customer name with markup literally, pinging no one", () => {
    const posted = digestIn(ACME_CHANNEL, "Acme Resellers · weekly digest");
    const blocks = JSON.stringify(posted.blocks);
    expect(blocks).toContain("Tricky &lt;b&gt; &amp; \u2217bold\u2217 &lt;!channel&gt; Co");
    expect(blocks).not.toContain("<!channel>");
  });
});

describe("a manager's DM", () => {
  it("lists what waits for them", () => {
    const posted = digestIn(h.fake.dmChannel(ADMIN).id, "What waits for you");
    const text = visibleText(posted.blocks);
    expect(text).toContain("*Waiting for your decision* · 10");
    expect(text).toContain("…and 5 more");
    expect(posted.text).toMatch(/^What waits for you: 10 registrations to decide/);
  });
});

describe("when Slack refuses the chart's upload", () => {
  it("posts the digest without the image, its leaderboard rows still there, once a day by hand", async () => {
    now = new Date("2026-11-27T12:00:00Z");
    const before = h.fake.channelMessages(SALES).length;
    h.fake.failNext("files.getUploadURLExternal", { kind: "error", error: "missing_scope" });
    expect(await h.hub.services.digest.runNow(workspaceId, SALES)).toEqual({ claimed: true });
    expect(await h.hub.services.digest.runNow(workspaceId, SALES)).toEqual({ claimed: false });
    await h.outboxDrained();
    expect(h.fake.channelMessages(SALES)).toHaveLength(before + 1);
    const posted = digestIn(SALES, "Weekly digest");
    expect(visibleText(posted.blocks)).toContain("*1.* Globex — USD 9,000.00");
    expect(imageOf(posted)).toBeUndefined();
  });
});

describe("a quiet week", () => {
  it("gets a short, friendly post without a chart", async () => {
    now = QUIET_RUN;
    expect(await h.hub.services.digest.runDue(QUIET_RUN)).toEqual({ claimed: 3 });
    await h.outboxDrained();
    const posted = digestIn(SALES, "Weekly digest");
    const text = visibleText(posted.blocks);
    expect(text).toContain("Nov 30 – Dec 6, 2026");
    expect(text).toContain("A quiet week in the partner network");
    expect(text).not.toMatch(/New registrations|Deals won|Leaderboard of the week/);
    expect(imageOf(posted)).toBeUndefined();
    expect(posted.text).toBe("Weekly digest, Nov 30 – Dec 6, 2026: a quiet week.");
    expect(visibleText(digestIn(ACME_CHANNEL, "Acme Resellers · weekly digest").blocks)).toContain(
      "A quiet week for Acme Resellers",
    );
  });
});
