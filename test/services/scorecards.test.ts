import { beforeEach, describe, expect, it } from "vitest";
import { refusal, useDealWorld } from "./deal-fixtures";
import { closedDeal } from "./leaderboard-fixtures";
import { auditOf, completed, training } from "./program-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";

// Tuesday 2026-03-10 in UTC: Q1 2026, against Q4 2025.
const NOW = new Date("2026-03-10T12:00:00Z");

beforeEach(() => {
  world.clock.now = NOW;
});

/** A program where Acme had a busy Q1 2026 and a quiet Q4 2025. */
async function busyAcme() {
  const program = await world.program();
  const { store } = world.opened;
  const workspaceId = program.admin.workspace.id;
  const won = (created: string, closed: string, amountMinor: number) =>
    closedDeal(world, program, program.acme, {
      createdAt: new Date(created),
      closedAt: new Date(closed),
      amountMinor,
    });
  // Q1: 3 won (9, 10 and 19 days to close), 1 lost; one open deal expected to close in March.
  await won("2026-01-01T10:00:00Z", "2026-01-10T10:00:00Z", 300_000);
  await won("2026-01-31T10:00:00Z", "2026-02-10T10:00:00Z", 500_000);
  await won("2026-02-10T10:00:00Z", "2026-03-01T10:00:00Z", 200_000);
  await closedDeal(world, program, program.acme, { closedAt: new Date("2026-02-15T10:00:00Z"), stage: "lost" });
  await program.deal(program.acme, {
    stage: "proposal",
    status: "approved",
    currency: "USD",
    amountMinor: 400_000,
    expectedCloseOn: new Date("2026-03-20T00:00:00Z"),
    createdAt: new Date("2026-03-02T10:00:00Z"),
  });
  // Q4 2025: one win in 9 days.
  await won("2025-11-01T10:00:00Z", "2025-11-10T10:00:00Z", 800_000);
  // A deal of Globex: never on Acme's card.
  await closedDeal(world, program, program.globex, {
    closedAt: new Date("2026-02-10T10:00:00Z"),
    amountMinor: 9_900_000,
  });

  await store.shoutouts.create({
    workspaceId,
    fromUserId: "U_MANAGER",
    message: "Great demo",
    value: null,
    award: null,
    announce: true,
    channelId: null,
    recipients: [{ userId: null, partnerId: program.acme.id }],
    idempotencyKey: `scorecard-kudos-${workspaceId}`,
    createdAt: new Date("2026-02-01T10:00:00Z"),
  });

  const goal = (owner: string, metric: string, period: string, target: string) =>
    world.services.goals.set(program.manager, { owner, metric, period, target });
  await goal(`partner:${program.acme.id}`, "revenue", "this-quarter", "20,000"); // 10,000 of 20,000: 50 %
  await goal("tier:gold", "deals", "this-month", "1"); // 1 of 1 in March: 100 %
  await goal("program", "revenue", "this-quarter", "1"); // the program's: not Acme's own

  // Gold requires this training: Ana did it in February, her colleague did not.
  const course = await training(world, program, { requiredFor: "gold" });
  await completed(world, program, course.id, "U_ANA", program.acme, new Date("2026-02-01T09:00:00Z"));
  const colleague = await store.members.ensure(workspaceId, "U_ANA2", program.teamId);
  await store.members.setPartner(colleague.id, program.acme.id);
  return program;
}

describe(`scorecard services (${DB})`, () => {
  it("shows a member its company's quarter against the previous one, and the four quarters' trend", async () => {
    const program = await busyAcme();
    const card = await world.services.scorecards.show(program.ana);
    expect(card.partner.name).toBe("Acme Solutions");
    expect(card.quarter).toMatchObject({ key: "2026-Q1", label: "Q1 2026" });
    expect(card.previousQuarter).toMatchObject({ key: "2025-Q4", label: "Q4 2025" });
    expect(card.current).toEqual({
      revenueMinor: 1_000_000,
      pipelineMinor: 400_000,
      winRate: 0.75,
      dealsWon: 3,
      registrations: 5,
      medianDaysToClose: 10,
      goalAttainment: 0.75,
      trainingCompletion: 0.5,
      kudos: 1,
      unpriced: 0,
    });
    expect(card.previous).toEqual({
      revenueMinor: 800_000,
      pipelineMinor: 0,
      winRate: null,
      dealsWon: 1,
      registrations: 1,
      medianDaysToClose: 9,
      goalAttainment: null,
      trainingCompletion: 0,
      kudos: 0,
      unpriced: 0,
    });
    expect(card.trend.map(({ quarter, figures }) => [quarter.key, figures.revenueMinor, figures.dealsWon])).toEqual([
      ["2025-Q2", 0, 0],
      ["2025-Q3", 0, 0],
      ["2025-Q4", 800_000, 1],
      ["2026-Q1", 1_000_000, 3],
    ]);
    expect(card.canReview).toBe(false);
    expect(card.review).toBeNull();
    expect(card.reportingCurrency).toBe("USD");
  });

  it("keeps scorecards private to their partner; managers open any", async () => {
    const program = await busyAcme();
    expect(await refusal(() => world.services.scorecards.show(program.ana, "Globex"))).toEqual({
      code: "forbidden",
      params: { action: "see_other_partners" },
    });
    expect(
      await refusal(() => world.services.scorecards.show(program.ana, undefined, program.globex.id)),
    ).toMatchObject({ code: "forbidden" });
    const globex = await world.services.scorecards.show(program.bob);
    expect(globex.current.revenueMinor).toBe(9_900_000);
    const managed = await world.services.scorecards.show(program.manager, "acme");
    expect(managed.current.dealsWon).toBe(3);
    expect(managed.canReview).toBe(true);
  });

  it("saves the managers' quarterly review once per quarter, shown to the partner with the previous one", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    await world.opened.store.scorecardReviews.save({
      workspaceId,
      partnerId: program.acme.id,
      quarter: "2025-Q4",
      ratings: { engagement: 2 },
      notes: "Slow start",
      reviewedBy: "U_MANAGER",
    });
    const first = await world.services.scorecards.saveReview(program.manager, program.acme.id, {
      ratings: { engagement: 4, pipeline_quality: null, enablement: 5 },
      notes: "  Good quarter ",
    });
    expect(first).toMatchObject({
      quarter: "2026-Q1",
      ratings: { engagement: 4, enablement: 5 },
      notes: "Good quarter",
      reviewedBy: "U_MANAGER",
    });
    const second = await world.services.scorecards.saveReview(program.manager, program.acme.id, {
      ratings: { engagement: 5, collaboration: 3 },
      notes: null,
    });
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ ratings: { engagement: 5, collaboration: 3 }, notes: null });
    expect(await auditOf(world, workspaceId, "scorecard.review")).toHaveLength(2);

    const form = await world.services.scorecards.reviewForm(program.manager, program.acme.id);
    expect(form.quarter.key).toBe("2026-Q1");
    expect(form.review?.ratings).toEqual({ engagement: 5, collaboration: 3 });

    const seen = await world.services.scorecards.show(program.ana);
    expect(seen.review?.ratings).toEqual({ engagement: 5, collaboration: 3 });
    expect(seen.previousReview).toMatchObject({ quarter: "2025-Q4", notes: "Slow start" });
  });

  it("refuses bad ratings, long notes and members", async () => {
    const program = await world.program();
    const save = (actor: typeof program.ana, ratings: Record<string, number | null>, notes: string | null = null) =>
      world.services.scorecards.saveReview(actor, program.acme.id, { ratings, notes });
    expect(await refusal(() => save(program.manager, { engagement: 6 }))).toEqual({
      code: "review_rating_invalid",
      params: { min: 1, max: 5 },
    });
    expect(await refusal(() => save(program.manager, { engagement: 3 }, "x".repeat(1001)))).toEqual({
      code: "review_notes_too_long",
      params: { max: 1000 },
    });
    expect(await refusal(() => save(program.ana, { engagement: 3 }))).toEqual({
      code: "forbidden",
      params: { action: "review_scorecards" },
    });
    expect(await refusal(() => world.services.scorecards.reviewForm(program.ana, program.acme.id))).toMatchObject({
      code: "forbidden",
    });
    expect(await world.opened.store.scorecardReviews.forQuarters(program.acme.id, ["2026-Q1"])).toHaveLength(0);
  });
});
