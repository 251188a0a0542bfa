import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/domain/shared/csv";
import type { FakeFile } from "../../src/sandbox/fake-slack-file-store";
import type { DealRecord } from "../../src/services/records";
import { type Harness, startHarness } from "../support/harness";
import { APPROVALS, setUpPartners, TEAM } from "./outbox-fixtures";

/**
 * `/deal export` and `/partner export` as a manager meets them: refused to partner members, a CSV
 * file in the manager's own DM (never the channel), readable by a spreadsheet (BOM, one header,
 * CRLF) and safe to open (a customer named like a formula stays text), with the filters applied.
 */

/** 15:00 UTC: 10:00 for the manager in New York, the same day as in UTC. */
const NOW = new Date("2026-11-30T15:00:00Z");
const MANAGER = "U0MANAGER";

const DEAL_HEADER = [
  "id",
  "partner",
  "customer",
  "domain",
  "product",
  "amount",
  "currency",
  "stage",
  "status",
  "registered",
  "expected close",
  "closed",
  "protected until",
  "registered by",
  "region",
];

describe("CSV exports", () => {
  let h: Harness;
  const deals: Record<string, DealRecord> = {};

  async function register(
    userId: string,
    key: string,
    input: { customerName: string; amount: string; currency: string; expectedClose?: string },
  ): Promise<DealRecord> {
    const actor = await h.hub.services.access.identify({ teamId: TEAM, userId });
    const result = await h.hub.services.deals.register(
      actor,
      { customerDomain: "", product: "Seats, annual", ...input },
      `export-test:${key}`,
      null,
    );
    if (result.kind !== "created") throw new Error(`expected a new deal for ${key}, got ${result.kind}`);
    deals[key] = result.deal;
    return result.deal;
  }

  async function win(key: string, closedAt: Date): Promise<void> {
    const id = deals[key]?.id;
    await h.hub.db.deal.update({ where: { id }, data: { stage: "won", status: "approved", closedAt } });
  }

  /** The files the app uploaded to someone's DM since `since` uploads, with their text. */
  function dmFiles(userId: string, since = 0): { file: FakeFile; text: string; comment: string }[] {
    const dm = h.fake.dmChannel(userId).id;
    return h.fake
      .channelMessages(dm)
      .filter((message) => (message.files ?? []).length > 0)
      .slice(since)
      .map((message) => {
        const file = h.fake.file(message.files?.[0] ?? "") as FakeFile;
        return { file, text: file.bytes?.toString("utf8") ?? "", comment: message.text };
      });
  }

  const uploads = () => h.fake.callsOf("files.completeUploadExternal").length;

  beforeAll(async () => {
    h = await startHarness({ clock: () => NOW });
    await h.command("U0ADMIN", "/hub", "help", APPROVALS);
    await h.command("U0ADMIN", "/hub", `role <@${MANAGER}> manager`, APPROVALS);
    await setUpPartners(h);
    await h.command("U0ADMIN", "/hub", "rates EUR 1.10 2026-01-01", APPROVALS);
    await register("U0PARTNERA", "formula", { customerName: '=HYPERLINK("x")', amount: "1234.50", currency: "USD" });
    await register("U0PARTNERA", "at", { customerName: "@SUM(1)", amount: "1000", currency: "EUR" });
    await register("U0PARTNERA", "quoted", {
      customerName: 'Müller, "Quoted" GmbH',
      amount: "500000",
      currency: "JPY",
      expectedClose: "2026-12-15",
    });
    await register("U0PARTNERB", "globex-won", { customerName: "Globex Won Customer", amount: "200", currency: "GBP" });
    await register("U0PARTNERB", "globex-old", { customerName: "Old Customer", amount: "75", currency: "USD" });
    await win("at", new Date("2026-11-20T10:00:00Z"));
    await win("globex-won", new Date("2026-11-21T10:00:00Z"));
    // Registered in October: before the since: filter below.
    await h.hub.db.deal.update({
      where: { id: deals["globex-old"]?.id },
      data: { createdAt: new Date("2026-10-01T09:00:00Z") },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it("refuses partner members, and sends them nothing", async () => {
    const before = uploads();
    expect((await h.command("U0PARTNERA", "/deal", "export")).text).toBe(
      ":no_entry_sign: Only managers and admins can export deals.",
    );
    expect((await h.command("U0PARTNERA", "/deal", "export won partner Acme")).text).toContain(
      "Only managers and admins can export deals.",
    );
    expect((await h.command("U0PARTNERA", "/partner", "export")).text).toBe(
      ":no_entry_sign: Only managers and admins can export partners.",
    );
    expect(uploads()).toBe(before);
    expect(h.fake.callsOf("files.getUploadURLExternal")).toHaveLength(0);
    expect(await h.hub.db.auditEntry.count({ where: { action: { endsWith: ".export" } } })).toBe(0);
  });

  it("sends every deal to the manager's DM as a spreadsheet-ready, formula-safe CSV", async () => {
    const reply = await h.command(MANAGER, "/deal", "export", "C0SALES");
    expect(reply.body.response_type).toBe("ephemeral");
    expect(reply.text).toContain("Sent to your DM: deals-2026-11-30.csv (5 rows)");

    const [sent] = dmFiles(MANAGER);
    if (!sent) throw new Error("no file reached the manager's DM");
    expect(sent.file.name).toBe("deals-2026-11-30.csv");
    expect(sent.comment).toContain("Export of deals: 5 rows");
    // Only the DM: nothing was posted where the command was typed.
    expect(h.fake.channelMessages("C0SALES").some((message) => (message.files ?? []).length > 0)).toBe(false);

    const bytes = sent.file.bytes as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sent.text.slice(1).startsWith(`${DEAL_HEADER.join(",")}\r\n`)).toBe(true);
    expect(
      sent.text
        .slice(1)
        .split("\r\n")
        .filter((line) => line.startsWith("id,")),
    ).toHaveLength(1);
    expect(sent.text.endsWith("\r\n")).toBe(true);

    // Formula-looking customer names are neutralized, then quoted as RFC 4180 says.
    expect(sent.text).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(sent.text).toContain(",'@SUM(1),");
    expect(sent.text).toContain(`,"Müller, ""Quoted"" GmbH",`);
    expect(sent.text).not.toMatch(/,=HYPERLINK|,@SUM/);

    const [header, ...rows] = parseCsv(sent.text);
    expect(header).toEqual(DEAL_HEADER);
    expect(rows).toHaveLength(5);
    const row = (key: string) => {
      const found = rows.find((cells) => cells[0] === String(deals[key]?.id));
      if (!found) throw new Error(`no row for ${key}`);
      return Object.fromEntries(DEAL_HEADER.map((name, index) => [name, found[index]]));
    };
    expect(row("formula")).toMatchObject({
      partner: "Acme Resellers",
      customer: `'=HYPERLINK("x")`,
      product: "Seats, annual",
      amount: "1234.50",
      currency: "USD",
      stage: "Prospecting",
      registered: "2026-11-30T15:00:00Z",
      closed: "",
      "registered by": "pat",
      region: "EMEA",
    });
    expect(row("at")).toMatchObject({
      customer: "'@SUM(1)",
      amount: "1000.00",
      currency: "EUR",
      stage: "Won",
      status: "Approved",
      closed: "2026-11-20T10:00:00Z",
    });
    expect(row("quoted")).toMatchObject({ amount: "500000", currency: "JPY", "expected close": "2026-12-15" });
    expect(row("globex-old")).toMatchObject({ partner: "Globex", registered: "2026-10-01T09:00:00Z" });
    // Oldest registration first.
    expect(rows[0]?.[0]).toBe(String(deals["globex-old"]?.id));

    const [audit] = await h.hub.db.auditEntry.findMany({ where: { action: "deal.export" } });
    expect(audit).toMatchObject({ actor: MANAGER });
    expect(JSON.parse(audit?.data ?? "{}")).toMatchObject({ filter: "all", rows: 5, total: 5 });
  });

  it("applies the stage, partner and since: filters", async () => {
    const seen = dmFiles(MANAGER).length;
    const won = await h.command(MANAGER, "/deal", "export won");
    expect(won.text).toContain("Sent to your DM: deals-2026-11-30.csv (2 rows)");
    const globex = await h.command(MANAGER, "/deal", "export partner globex all");
    expect(globex.text).toContain("Sent to your DM: deals-globex-2026-11-30.csv (2 rows)");
    const since = await h.command(MANAGER, "/deal", "export open partner Globex since:2026-11-01");
    expect(since.text).toContain("No open deals of Globex registered since 2026-11-01 to export: nothing was sent.");
    const recent = await h.command("U0ADMIN", "/deal", "export since:2026-11-01");
    expect(recent.text).toContain("(4 rows)");

    const [wonFile, globexFile] = dmFiles(MANAGER, seen).map(({ text }) => parseCsv(text).slice(1));
    expect(wonFile?.map((cells) => cells[7])).toEqual(["Won", "Won"]);
    expect(globexFile?.map((cells) => cells[1])).toEqual(["Globex", "Globex"]);
    expect(dmFiles(MANAGER, seen)).toHaveLength(2);
    const [adminFile] = dmFiles("U0ADMIN");
    expect(
      parseCsv(adminFile?.text ?? "")
        .slice(1)
        .map((cells) => cells[0]),
    ).not.toContain(String(deals["globex-old"]?.id));
  });

  it("explains a wrong filter without sending anything", async () => {
    const before = uploads();
    expect((await h.command(MANAGER, "/deal", "export since:2026-02-30")).text).toContain(
      "“2026-02-30” is not a day: write it as `since:2026-01-31`",
    );
    expect((await h.command(MANAGER, "/deal", "export partner Initrode")).text).toContain(
      "No partner named “Initrode”",
    );
    expect((await h.command(MANAGER, "/deal", "export everything")).text).toContain("Usage: `/deal export");
    expect((await h.command(MANAGER, "/partner", "export acme")).text).toContain("Usage: `/partner export`");
    expect(uploads()).toBe(before);
  });

  it("sends every partner with its figures, revenue in the reporting currency", async () => {
    const reply = await h.command(MANAGER, "/partner", "export");
    expect(reply.text).toContain("Sent to your DM: partners-2026-11-30.csv (2 rows)");
    const sent = dmFiles(MANAGER).at(-1);
    expect(sent?.file.name).toBe("partners-2026-11-30.csv");
    const [header, ...rows] = parseCsv(sent?.text ?? "");
    expect(sent?.text.charCodeAt(0)).toBe(0xfeff);
    expect(header).toEqual([
      "id",
      "name",
      "region",
      "tier",
      "status",
      "members",
      "home channel",
      "onboarded",
      "deals open",
      "deals won",
      "won revenue",
      "revenue currency",
      "unpriced won deals",
    ]);
    const byName = new Map(rows.map((cells) => [cells[1], cells]));
    // Acme: EUR 1,000.00 won at 1.10 = USD 1,100.00; two open deals.
    expect(byName.get("Acme Resellers")?.slice(2)).toEqual([
      "EMEA",
      "registered",
      // Added with /partner add: still onboarding (its checklist has steps left).
      "onboarding",
      "1",
      "",
      "",
      "2",
      "1",
      "1100.00",
      "USD",
      "0",
    ]);
    // Globex's won deal is in GBP, which has no rate: left empty rather than shown as 0.
    expect(byName.get("Globex")?.slice(8)).toEqual(["1", "1", "", "USD", "1"]);
  });
});
