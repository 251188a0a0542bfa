import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/domain/shared/csv";
import type { ExportContext } from "../../src/services/exports/csv-export";
import { exportDeals } from "../../src/services/exports/export-deals";
import { exportPartners } from "../../src/services/exports/export-partners";
import type { Store } from "../../src/services/store";
import { exportSentMessage } from "../../src/slack/views/export-view";
import { refusal, useDealWorld } from "./deal-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";

/** The store with every deals.list page it is asked for recorded. */
function recordingPages(store: Store): { store: Store; pages: { offset: number; limit: number }[] } {
  const pages: { offset: number; limit: number }[] = [];
  const deals = Object.create(store.deals) as Store["deals"];
  deals.list = (filter, page) => {
    pages.push(page);
    return store.deals.list(filter, page);
  };
  return { store: { ...store, deals }, pages };
}

describe(`CSV export services (${DB})`, () => {
  it("reads deals a page at a time and stops at the cap, saying how many matched", async () => {
    const program = await world.program();
    for (let i = 1; i <= 25; i++) {
      world.clock.now = new Date(Date.UTC(2026, 2, 10, 12, i));
      await program.deal(i % 2 === 0 ? program.acme : program.globex, {
        customerName: `Customer ${String(i).padStart(2, "0")}`,
        createdAt: world.clock.now,
      });
    }
    const { store, pages } = recordingPages(world.opened.store);
    const asked: string[][] = [];
    const context: ExportContext = { store, clock: () => world.clock.now, limits: { pageSize: 7, maxRows: 20 } };
    const result = await exportDeals(context, program.manager, { filter: "all" }, async (ids) => {
      asked.push([...ids]);
      return new Map([["U_ANA", "Ana"]]);
    });

    expect(pages).toEqual([
      { offset: 0, limit: 7 },
      { offset: 7, limit: 7 },
      { offset: 14, limit: 6 },
    ]);
    expect(result).toMatchObject({ rows: 20, total: 25, capped: true, filename: "deals-2026-03-10.csv" });
    const rows = parseCsv(result.csv).slice(1);
    // Oldest first, each once: Customer 01 … Customer 20.
    expect(rows.map((row) => row[2])).toEqual(
      Array.from({ length: 20 }, (_, i) => `Customer ${String(i + 1).padStart(2, "0")}`),
    );
    // Names are asked once per person, never again on later pages.
    expect(asked.flat().sort()).toEqual(["U_ANA", "U_BOB"]);
    expect(new Set(rows.map((row) => row[13]))).toEqual(new Set(["Ana", "U_BOB"]));
    expect(rows[0]?.slice(5, 7)).toEqual(["7000.00", "EUR"]);

    const reply = exportSentMessage(result, "deals");
    expect(reply.text).toBe("Sent to your DM: deals-2026-03-10.csv (20 rows)");
    expect(JSON.stringify(reply.blocks)).toContain("Only the first 20 of 25 deals fit in one file.");
  });

  it("counts registrations from the local midnight of since: in the program's zone", async () => {
    const program = await world.program();
    await world.services.settings.change(program.admin, "timezone", "Pacific/Auckland");
    const admin = await program.actor(program.admin.userId);
    // 2026-03-10 10:59 UTC is March 10 23:59 in Auckland; 11:00 UTC is already March 11.
    await program.deal(program.acme, { customerName: "Before", createdAt: new Date("2026-03-10T10:59:00Z") });
    await program.deal(program.acme, { customerName: "After", createdAt: new Date("2026-03-10T11:00:00Z") });
    const result = await world.services.exports.deals(admin, { filter: "all", since: "2026-03-11" });
    expect(
      parseCsv(result.csv)
        .slice(1)
        .map((row) => row[2]),
    ).toEqual(["After"]);
    expect(result.since).toBe("2026-03-11");
  });

  it("refuses members and guests, and a since: that is no day", async () => {
    const program = await world.program();
    for (const actor of [program.ana, program.nobody]) {
      expect(await refusal(() => world.services.exports.deals(actor, { filter: "all" }))).toEqual({
        code: "forbidden",
        params: { action: "export_deals" },
      });
      expect(await refusal(() => world.services.exports.partners(actor))).toEqual({
        code: "forbidden",
        params: { action: "export_partners" },
      });
    }
    for (const since of ["2026-02-29", "2026-1-01", "yesterday", "2026-03-10T00:00"]) {
      expect(await refusal(() => world.services.exports.deals(program.manager, { filter: "all", since }))).toEqual({
        code: "export_since_invalid",
        params: { text: since },
      });
    }
  });

  it("exports partners with figures from aggregates, capped like deals", async () => {
    const program = await world.program();
    const context: ExportContext = {
      store: world.opened.store,
      clock: () => world.clock.now,
      limits: { pageSize: 500, maxRows: 1 },
    };
    const result = await exportPartners(context, program.admin);
    expect(result).toMatchObject({ rows: 1, total: 2, capped: true });
    const [header, row] = parseCsv(result.csv);
    expect(header?.[0]).toBe("id");
    expect(row?.slice(1, 5)).toEqual(["Acme Solutions", "EMEA", "gold", "active"]);
  });
});
