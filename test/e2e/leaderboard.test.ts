import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import { ACTIONS, BLOCKS } from "../../src/slack/ids";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { lastEphemeral } from "./practices-fixtures";

/**
 * /leaderboard end to end, on a clock fixed on Wednesday Nov 18, 2026 (UTC, weeks from Monday):
 * this week Acme leads (USD 5,000 and a BRL deal nobody priced), Globex and Initech tie at USD
 * 3,000; last week Globex led. Ten more partners won USD 10,000 each earlier this month, so in
 * the month Globex's people find their company outside the top 10.
 */
const NOW = new Date("2026-11-18T12:00:00Z");
const SALES = "C0SALES";
const SHARED = "C0PARTNERA";
const GLOBEX_CHANNEL = "C0PARTNERB";
const ADMIN = "U0ADMIN";

let h: Harness;
let workspaceId = 0;
const partners: Record<string, number> = {};

async function won(
  partner: string,
  day: string,
  amount: number,
  options: { currency?: string; by?: string; stage?: string; expected?: string } = {},
): Promise<void> {
  const closedAt = new Date(`${day}T10:00:00Z`);
  const stage = options.stage ?? "won";
  await h.hub.db.deal.create({
    data: {
      workspaceId,
      partnerId: partners[partner] ?? 0,
      createdBy: options.by ?? ADMIN,
      customerName: `${partner} customer ${day} ${amount}`,
      customerNameKey: `${partner} customer ${day} ${amount}`.toLowerCase(),
      product: "Seats",
      amountMinor: BigInt(amount * 100),
      currency: options.currency ?? "USD",
      stage,
      status: "approved",
      closedAt: stage === "won" || stage === "lost" ? closedAt : null,
      expectedCloseOn: options.expected ? new Date(`${options.expected}T00:00:00Z`) : null,
      createdAt: new Date(closedAt.getTime() - 3 * 86_400_000),
    },
  });
}

beforeAll(async () => {
  h = await startHarness({ hubAdmins: [ADMIN], clock: () => NOW });
  await h.command(ADMIN, "/partner", "add Acme Resellers region:EMEA tier:gold", "C0APPROVALS");
  await h.command(ADMIN, "/partner", "add Globex region:APAC tier:silver", "C0APPROVALS");
  await h.command(ADMIN, "/partner", "add Initech region:EMEA tier:silver", "C0APPROVALS");
  await h.command(ADMIN, "/partner", "assign <@U0PARTNERA> Acme Resellers", "C0APPROVALS");
  await h.command(ADMIN, "/partner", "assign <@U0PARTNERB> Globex", "C0APPROVALS");
  await h.command(ADMIN, "/partner", `channel <#${GLOBEX_CHANNEL}|partner-globex> Globex`, "C0APPROVALS");
  const workspace = await h.hub.db.workspace.findFirstOrThrow({ where: { teamId: "T0VENDOR" } });
  workspaceId = workspace.id;
  for (let i = 1; i <= 10; i++) {
    await h.command(ADMIN, "/partner", `add Filler ${String(i).padStart(2, "0")} region:LATAM`, "C0APPROVALS");
  }
  for (const partner of await h.hub.db.partner.findMany({ where: { workspaceId } })) {
    partners[partner.name] = partner.id;
  }
  await h.hub.db.exchangeRate.create({
    data: { workspaceId, currency: "EUR", rate: "1.1", validFrom: new Date("2026-01-01T00:00:00Z"), updatedBy: ADMIN },
  });
  await won("Acme Resellers", "2026-11-17", 5000, { by: "U0PARTNERA" });
  await won("Acme Resellers", "2026-11-17", 800, { currency: "BRL", by: "U0PARTNERA" });
  await won("Acme Resellers", "2026-11-10", 1000, { by: "U0PARTNERA" });
  await won("Globex", "2026-11-17", 3000, { by: "U0PARTNERB" });
  await won("Globex", "2026-11-10", 4000, { by: "U0PARTNERB" });
  await won("Globex", "2026-11-11", 500, { stage: "lost", by: "U0PARTNERB" });
  await won("Globex", "2026-11-11", 2500, { stage: "proposal", expected: "2026-11-20", by: "U0PARTNERB" });
  await won("Initech", "2026-11-18", 3000);
  await won("Initech", "2026-10-05", 1000, { currency: "EUR" });
  for (let i = 1; i <= 10; i++) await won(`Filler ${String(i).padStart(2, "0")}`, "2026-11-02", 10_000);
});

afterAll(async () => {
  await h?.close();
});

const ask = async (userId: string, text: string, channel = SALES) =>
  (await h.command(userId, "/leaderboard", text, channel)).text;

describe("/leaderboard answers", () => {
  it("ranks partners by revenue this week, ties sharing a rank, with movement and unpriced deals", async () => {
    const text = await ask(ADMIN, "");
    expect(text).toContain("Revenue won · Week of Nov 16, 2026 · Partners");
    expect(text).toContain("*1.* Acme Resellers — USD 5,000.00 · 1 deal not priced · :arrow_up_small: 1");
    expect(text).toContain("*2.* Globex — USD 3,000.00 · :arrow_down_small: 1");
    expect(text).toContain("*2.* Initech — USD 3,000.00 · new");
    expect(text).not.toContain("*3.*");
    expect(text).toContain("1 deal in BRL not priced");
    expect(text).toContain("Total: USD 11,000.00");
  });

  it.each([
    ["last-week", "Revenue won · Week of Nov 9, 2026", "*1.* Globex — USD 4,000.00"],
    ["last-month", "Revenue won · October 2026", "*1.* Initech — USD 1,100.00"],
    ["month", "Revenue won · November 2026", "*1.* Filler 01 — USD 10,000.00"],
    ["QUARTER", "Revenue won · Q4 2026", "*1.* Filler 01 — USD 10,000.00 · new"],
    ["year", "Revenue won · 2026 · Partners", "*1.* Filler 10 — USD 10,000.00 · new"],
    ["all", "Revenue won · All time", "*1.* Filler 10 — USD 10,000.00 · –"],
    ["2026-11-10..2026-11-11", "Nov 10, 2026 – Nov 11, 2026", "*1.* Globex — USD 4,000.00"],
    ["deals", "Deals won · Week of Nov 16, 2026", "*1.* Acme Resellers — 2 deals won"],
    ["pipeline", "Open pipeline · Week of Nov 16, 2026", "*1.* Globex — USD 2,500.00"],
    ["winrate all", "Win rate · All time", "*1.* Acme Resellers — 100 % (3 of 3)"],
    ["registrations month", "Registrations · November 2026", "Globex — 4 registrations"],
    ["kudos", "Kudos · Week of Nov 16, 2026", "Nothing to show for this period yet."],
    ["people month", "Revenue won · November 2026 · People", "*2.* bea — USD 7,000.00"],
    ["week region:emea", "Partners · region emea", "*2.* Initech — USD 3,000.00"],
    ['tier:"silver" week', "tier silver", "*1.* Globex — USD 3,000.00"],
  ])("/leaderboard %s", async (args, title, row) => {
    const text = await ask(ADMIN, args);
    expect(text).toContain(title);
    expect(text).toContain(row);
  });

  it("keeps filters to their partners", async () => {
    expect(await ask(ADMIN, "region:EMEA")).not.toContain("Globex");
    expect(await ask(ADMIN, "tier:gold")).not.toMatch(/Globex|Initech/);
  });

  it.each([
    ["fortnight", "I don't know “fortnight”", "revenue|deals|pipeline|winrate|registrations|kudos"],
    ["month year", "year", "/leaderboard"],
    ["2026-02-30..2026-03-01", "2026-02-30..2026-03-01", "/leaderboard"],
    ["2026-03-01..2026-02-01", "ends (2026-02-01) before it starts (2026-03-01)", "/leaderboard"],
    ["region:", "region: needs a name", "/leaderboard"],
  ])("answers %s with what is wrong and the usage", async (args, problem, usage) => {
    const text = await ask(ADMIN, args);
    expect(text).toContain(":warning:");
    expect(text).toContain(problem);
    expect(text).toContain(usage);
  });

  it("explains every argument in help", async () => {
    const text = await ask("U0PARTNERA", "help");
    for (const word of ["last-month", "2026-01-01..2026-03-31", "winrate", "kudos", "people", "region:", "chart"]) {
      expect(text).toContain(word);
    }
  });

  it("shows a member their own amounts and only the ranks of other partners", async () => {
    const text = await ask("U0PARTNERA", "");
    expect(text).toContain("*1.* *Acme Resellers* (your company) — USD 5,000.00");
    expect(text).toContain("*2.* Globex — rank only");
    expect(text).not.toContain("3,000.00");
    expect(text).not.toContain("Total");
    expect(text).toContain("amounts are private");
    // Counts are not amounts: everyone sees them.
    expect(await ask("U0PARTNERA", "deals")).toContain("*2.* Globex — 1 deal won");
  });

  it("adds the caller's own row under a divider when it is outside the top 10", async () => {
    const reply = await h.command("U0PARTNERB", "/leaderboard", "month", GLOBEX_CHANNEL);
    expect(reply.text).toContain("*1.* Filler 01 — rank only");
    expect(reply.text).toContain("*11.* *Globex* (your company) — USD 7,000.00");
    const blocks = reply.body.blocks as { type: string }[];
    const divider = blocks.findIndex((block) => block.type === "divider");
    const own = blocks.findIndex((block) => visibleText(block).includes("(your company)"));
    expect(divider).toBeGreaterThan(0);
    expect(own).toBeGreaterThan(divider);
    expect(
      (await ask("U0PARTNERB", "year")).match(/\*11\.\* \*Globex\* \(your company\) — USD 7,000\.00/g),
    ).toHaveLength(1);
  });
});

/** The ephemeral answer's button, clicked by `userId`; returns what the app told them. */
async function click(userId: string, answer: FakeMessage, actionId: string): Promise<string> {
  const told = h.fake.responses.length;
  const result = await h.slack.messageAction(
    userId,
    { channel: answer.channel, ts: answer.ts },
    actionId,
    undefined,
    BLOCKS.leaderboardActions,
  );
  expect(result.status).toBe(200);
  return visibleText((await h.fake.waitForResponse(told)).body);
}

const posted = (channel: string): FakeMessage[] =>
  h.fake.channelMessages(channel).filter((message) => message.text.startsWith("Revenue won"));

type ImageBlockSeen = { type: string; slack_file?: { id?: string }; alt_text?: string };

function imageOf(message: { blocks?: unknown }): ImageBlockSeen | undefined {
  return ((message.blocks ?? []) as ImageBlockSeen[]).find((block) => block.type === "image");
}

describe("Post to channel", () => {
  it("posts once in an internal channel with every amount, however often it is clicked", async () => {
    await ask(ADMIN, "week", SALES);
    const answer = lastEphemeral(h, ADMIN, SALES);
    const before = posted(SALES).length;
    expect(await click(ADMIN, answer, ACTIONS.leaderboardPost)).toContain("Posting the leaderboard");
    expect(await click(ADMIN, answer, ACTIONS.leaderboardPost)).toContain("Posting the leaderboard");
    await h.outboxDrained();
    const messages = posted(SALES);
    expect(messages).toHaveLength(before + 1);
    const text = visibleText(messages.at(-1)?.blocks);
    expect(text).toContain("Posted by <@U0ADMIN>");
    expect(text).toContain("*2.* Globex — USD 3,000.00");
    expect(JSON.stringify(messages.at(-1)?.blocks)).not.toContain(ACTIONS.leaderboardPost);
  });

  it("hides other partners' amounts in a channel tied to a partner, even when a manager posts", async () => {
    await ask(ADMIN, "week", GLOBEX_CHANNEL);
    await click(ADMIN, lastEphemeral(h, ADMIN, GLOBEX_CHANNEL), ACTIONS.leaderboardPost);
    await h.outboxDrained();
    const text = visibleText(posted(GLOBEX_CHANNEL).at(-1)?.blocks);
    expect(text).toContain("*2.* *Globex* (your company) — USD 3,000.00");
    expect(text).toContain("*1.* Acme Resellers — rank only");
    expect(text).not.toContain("5,000.00");
  });

  it("hides every partner's amount in a channel shared with another organization", async () => {
    await ask(ADMIN, "week", SHARED);
    await click(ADMIN, lastEphemeral(h, ADMIN, SHARED), ACTIONS.leaderboardPost);
    await h.outboxDrained();
    const text = visibleText(posted(SHARED).at(-1)?.blocks);
    expect(text).toContain("Globex — rank only");
    expect(text).not.toMatch(/USD \d/);
  });
});

describe("charts", () => {
  it("answers `chart` with an uploaded PNG shown in a slack_file image block", async () => {
    const uploads = h.fake.callsOf("files.getUploadURLExternal").length;
    const reply = await h.command(ADMIN, "/leaderboard", "month chart", SALES);
    expect(h.fake.callsOf("files.getUploadURLExternal")).toHaveLength(uploads + 1);
    expect(h.fake.callsOf("files.completeUploadExternal").at(-1)?.args.channel_id).toBeUndefined();
    const image = imageOf(reply.body);
    const file = h.fake.file(image?.slack_file?.id ?? "");
    expect(file?.mimetype).toBe("image/png");
    expect(file?.channels).toEqual([]);
    expect(image?.alt_text).toContain("Filler 01");
    expect(JSON.stringify(reply.body.blocks)).not.toContain(ACTIONS.leaderboardChart);
  });

  it("draws the list's ranking with the Chart button", async () => {
    await ask("U0PARTNERA", "week", SALES);
    const told = h.fake.responses.length;
    await click("U0PARTNERA", lastEphemeral(h, "U0PARTNERA", SALES), ACTIONS.leaderboardChart);
    const { body } = h.fake.responses[told] ?? { body: {} };
    const image = imageOf(body as { blocks?: unknown });
    expect(h.fake.file(image?.slack_file?.id ?? "")?.mimetype).toBe("image/png");
    // Bars by rank for a member: the alt text names the ranks, not other partners' amounts.
    expect(image?.alt_text).not.toContain("3,000.00");
  });

  it("falls back to the list when Slack refuses the upload (no files:write)", async () => {
    h.fake.failNext("files.getUploadURLExternal", { kind: "error", error: "missing_scope" });
    const reply = await h.command(ADMIN, "/leaderboard", "week chart", SALES);
    expect(reply.text).toContain("The chart could not be uploaded");
    expect(reply.text).toContain("*1.* Acme Resellers — USD 5,000.00");
    expect(imageOf(reply.body)).toBeUndefined();
  });

  it("uploads the chart at delivery when a chart is posted to a channel", async () => {
    await ask(ADMIN, "week chart", SALES);
    await click(ADMIN, lastEphemeral(h, ADMIN, SALES), ACTIONS.leaderboardPost);
    await h.outboxDrained();
    const message = posted(SALES).at(-1);
    const image = imageOf(message ?? {});
    expect(h.fake.file(image?.slack_file?.id ?? "")?.mimetype).toBe("image/png");
    expect(visibleText(message?.blocks)).toContain("Posted by");
  });
});
