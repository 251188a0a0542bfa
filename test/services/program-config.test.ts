import { describe, expect, it } from "vitest";
import { refusal, useDealWorld } from "./deal-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";

async function auditOf(workspaceId: number, action: string) {
  const entries = await world.opened.db.auditEntry.findMany({ where: { workspaceId, action }, orderBy: { id: "asc" } });
  return entries.map((entry) => ({
    actor: entry.actor,
    target: entry.target,
    data: JSON.parse(entry.data) as unknown,
  }));
}

describe(`program config (${DB})`, () => {
  it("shows managers the default program, editable by admins only, and refuses members", async () => {
    const program = await world.program();
    const shown = await world.services.programConfig.show(program.manager);
    expect(shown.canEdit).toBe(false);
    expect(shown.reportingCurrency).toBe("USD");
    expect(shown.config.criteria.map((criterion) => `${criterion.label}: ${criterion.weight}`)).toEqual([
      "Reputation: 2",
      "Track record: 3",
      "Customer base: 2",
      "Product fit: 3",
      "Cultural fit: 1",
    ]);
    expect(shown.config.dueDiligence).toEqual([
      "References checked",
      "Partner agreement signed",
      "NDA signed",
      "Credit check done",
    ]);
    expect(shown.config.onboardingSteps).toHaveLength(6);
    expect(shown.config.tierRules.map((rule) => [rule.tier, rule.wonRevenueMinor, rule.dealsWon])).toEqual([
      ["registered", 0, 0],
      ["silver", 2_000_000, 2],
      ["gold", 6_000_000, 5],
      ["platinum", 15_000_000, 10],
    ]);
    expect(shown.config.demotionGraceDays).toBe(30);
    expect((await world.services.programConfig.show(program.admin)).canEdit).toBe(true);
    for (const member of [program.ana, program.nobody]) {
      expect(await refusal(() => world.services.programConfig.show(member))).toEqual({
        code: "forbidden",
        params: { action: "edit_program" },
      });
    }
    expect(await refusal(() => world.services.programConfig.editText(program.manager, "criteria"))).toEqual({
      code: "forbidden",
      params: { action: "edit_program" },
    });
    expect(
      await refusal(() => world.services.programConfig.saveSection(program.manager, "criteria", "Reputation: 1")),
    ).toMatchObject({ code: "forbidden" });
  });

  it("opens each section as one line per item, in the reporting currency", async () => {
    const program = await world.program();
    const text = (section: "criteria" | "dueDiligence" | "onboarding" | "tiers") =>
      world.services.programConfig.editText(program.admin, section);
    expect(await text("criteria")).toBe(
      "Reputation: 2\nTrack record: 3\nCustomer base: 2\nProduct fit: 3\nCultural fit: 1",
    );
    expect(await text("dueDiligence")).toBe(
      "References checked\nPartner agreement signed\nNDA signed\nCredit check done",
    );
    expect((await text("onboarding")).split("\n")).toEqual([
      "Partner agreement signed [auto: agreement_signed]",
      "Team members added to Partner Hub [auto: member_added]",
      "First training completed [auto: training_completed]",
      "First deal registered [auto: deal_registered]",
      "First deal won [auto: deal_won]",
      "Kickoff call held",
    ]);
    expect((await text("tiers")).split("\n")).toEqual([
      "silver: revenue 20000, won 2, trained 1, winrate 0%",
      "gold: revenue 60000, won 5, trained 2, winrate 25%",
      "platinum: revenue 150000, won 10, trained 3, winrate 35%",
    ]);
  });

  it("saves an admin's section, audited with the text before and after; the same text again changes nothing", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    const saved = await world.services.programConfig.saveSection(
      program.admin,
      "criteria",
      "Reputation: 4\n\nTrack record: 3\nReferences: 0",
    );
    expect(saved.criteria).toEqual([
      { key: "reputation", label: "Reputation", weight: 4 },
      { key: "track_record", label: "Track record", weight: 3 },
      { key: "references", label: "References", weight: 0 },
    ]);
    // Only that section changed, and it is what everyone reads from now on.
    const shown = await world.services.programConfig.show(program.manager);
    expect(shown.config.criteria).toEqual(saved.criteria);
    expect(shown.config.dueDiligence).toHaveLength(4);
    expect(await auditOf(workspaceId, "program.update")).toEqual([
      {
        actor: program.admin.userId,
        target: "criteria",
        data: {
          section: "criteria",
          before: "Reputation: 2\nTrack record: 3\nCustomer base: 2\nProduct fit: 3\nCultural fit: 1",
          after: "Reputation: 4\nTrack record: 3\nReferences: 0",
        },
      },
    ]);
    await world.services.programConfig.saveSection(
      program.admin,
      "criteria",
      "Reputation: 4\nTrack record: 3\nReferences: 0",
    );
    expect(await auditOf(workspaceId, "program.update")).toHaveLength(1);

    const tiers = await world.services.programConfig.saveSection(
      program.admin,
      "tiers",
      "silver: revenue 25000, won 2, trained 1, winrate 0%\ngold: revenue 60000.50, won 5, trained 2, winrate 25%\nplatinum: revenue 150000, won 10, trained 3, winrate 35%",
    );
    expect(tiers.tierRules.map((rule) => [rule.tier, rule.wonRevenueMinor, rule.winRate])).toEqual([
      ["registered", 0, 0],
      ["silver", 2_500_000, 0],
      ["gold", 6_000_050, 0.25],
      ["platinum", 15_000_000, 0.35],
    ]);
  });

  it("refuses a bad line by its number and saves nothing", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    const save = (section: "criteria" | "onboarding" | "tiers", text: string) =>
      refusal(() => world.services.programConfig.saveSection(program.admin, section, text));
    expect(await save("criteria", "Reputation: 2\nTrack record three")).toMatchObject({
      code: "program_line_invalid",
      params: { section: "criteria", line: 2, text: "Track record three" },
    });
    expect(await save("criteria", "Reputation: 11")).toMatchObject({ code: "program_weight_invalid" });
    expect(await save("onboarding", "Kickoff [auto: party_thrown]")).toMatchObject({
      code: "program_auto_event_unknown",
    });
    expect(
      await save(
        "tiers",
        "silver: revenue 90000, won 2, trained 1, winrate 0%\ngold: revenue 60000, won 5, trained 2, winrate 25%\nplatinum: revenue 150000, won 10, trained 3, winrate 35%",
      ),
    ).toMatchObject({ code: "program_tier_order", params: { tier: "gold", below: "silver" } });
    expect(await save("criteria", "  \n ")).toMatchObject({ code: "program_list_empty" });
    expect(await auditOf(workspaceId, "program.update")).toEqual([]);
    expect((await world.services.programConfig.show(program.admin)).config.criteria).toHaveLength(5);
  });

  it("keeps both of two admins' edits of different sections saved at the same moment", async () => {
    const program = await world.program();
    await Promise.all([
      world.services.programConfig.saveSection(program.admin, "criteria", "Reputation: 1"),
      world.services.programConfig.saveSection(program.admin, "dueDiligence", "NDA signed"),
      world.services.programConfig.setGraceDays(program.admin, 45),
    ]);
    const { config } = await world.services.programConfig.show(program.admin);
    expect(config.criteria.map((criterion) => criterion.label)).toEqual(["Reputation"]);
    expect(config.dueDiligence).toEqual(["NDA signed"]);
    expect(config.demotionGraceDays).toBe(45);
  });

  it("sets the demotion grace period within 7–180 days, admins only, audited", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    const saved = await world.services.programConfig.setGraceDays(program.admin, "60");
    expect(saved.demotionGraceDays).toBe(60);
    for (const days of [6, 181, "soon"]) {
      expect(await refusal(() => world.services.programConfig.setGraceDays(program.admin, days))).toEqual({
        code: "program_grace_invalid",
        params: { min: 7, max: 180 },
      });
    }
    expect(await refusal(() => world.services.programConfig.setGraceDays(program.manager, 20))).toMatchObject({
      code: "forbidden",
    });
    expect((await world.services.programConfig.show(program.manager)).config.demotionGraceDays).toBe(60);
    expect(await auditOf(workspaceId, "program.update")).toEqual([
      { actor: program.admin.userId, target: "grace", data: { section: "grace", before: "30", after: "60" } },
    ]);
  });
});
