import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { DEMO_RESOURCES } from "../../prisma/seed/demo-program";
import { createDb, type Db } from "../../src/data/database";
import { migrate } from "../../src/data/migrator";
import { createStore } from "../../src/data/prisma-store";
import { openChecks, unscoredCriteria, weightedScore } from "../../src/domain/program/selection-score";
import { qualifyingTier } from "../../src/domain/program/tiers";
import { MILESTONE_KINDS } from "../../src/domain/recognition/milestones";
import { createServices } from "../../src/services";
import type { Store } from "../../src/services/store";
import { emptyTierFigures, tierFigures } from "../../src/services/tiers";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The partner program's demo, seen through the app's own use cases: an application to review, a
 * partner approved from its application and another stuck in onboarding, tiers that match what
 * each partner earned (one demotion waiting for managers), a library with trainings done, and last
 * quarter's reviews, whatever day the sandbox starts on.
 */

const DAY = 86_400_000;

type Seeded = Awaited<ReturnType<typeof seededAt>>;

async function seededAt(now: Date) {
  const database: TestDatabase = await createTestDatabase();
  await migrate(database.url);
  const db: Db = createDb(database.url);
  const store = createStore(db);
  const summary = await seedDemo(store, { now });
  const services = createServices(store, {
    hubAdmins: ["U0ADMIN"],
    system: { database: "sqlite", node: process.version } as never,
    version: "test",
    clock: () => now,
  });
  const as = (userId: string) => services.access.identify({ teamId: "T0VENDOR", userId });
  const drop = async () => {
    await db.$disconnect();
    await database.drop();
  };
  return { summary, db, store, services, as, drop };
}

/** One demo database for the tests of a describe block (they only read, but for the last one). */
function seededFor(at: string): () => Seeded {
  let seeded: Seeded | undefined;
  beforeAll(async () => {
    seeded = await seededAt(new Date(at));
  });
  afterAll(async () => {
    await seeded?.drop();
  });
  return () => {
    if (!seeded) throw new Error("not seeded");
    return seeded;
  };
}

async function workspaceOf(store: Store) {
  const workspace = await store.workspaces.find("T0VENDOR");
  if (!workspace) throw new Error("no demo workspace");
  return workspace;
}

describe.each([
  ["late November", "2026-11-27T09:00:00Z"],
  // Berlin's local day has already turned while UTC's has not: the trailing window starts a day later.
  ["just after midnight in Berlin on the 1st of March", "2027-02-28T23:30:00Z"],
])("the program demo on %s", (_label, at) => {
  const demo = seededFor(at);
  const now = new Date(at);

  it("has Initech's application half reviewed, Baltic approved and onboarding, Pampa stuck", async () => {
    const { summary, store, services, as } = demo();
    expect(summary).toMatchObject({ applicationsCreated: 3, resourcesCreated: DEMO_RESOURCES.length });
    const max = await as("U0MANAGER");

    const { applications, criteria } = await services.applications.list(max, { status: "pending" });
    expect(applications.map((application) => application.company)).toEqual(["Initech"]);
    const initech = applications[0];
    if (!initech) throw new Error("no Initech application");
    // Sent by the prospect persona through the Slack Connect channel the sandbox shares with Initech.
    expect(initech).toMatchObject({
      applicantUserId: "U0PROSPECT",
      applicantTeamId: "T0INITECH",
      external: true,
      channelId: "C0PROSPECT",
    });
    // Partly scored and checked: what is left is the visitor's to do before approving.
    expect(weightedScore(criteria, initech.scores)).toMatchObject({ scored: 2, of: 5 });
    expect(unscoredCriteria(criteria, initech.scores)).toHaveLength(3);
    const { config } = await services.applications.reviewForm(max, initech.id);
    expect(openChecks(config.dueDiligence, initech.checklist)).toEqual([
      "Partner agreement signed",
      "NDA signed",
      "Credit check done",
    ]);

    const all = await services.applications.list(max);
    const baltic = all.applications.find((application) => application.company === "Baltic Data Partners");
    const balticPartner = await store.partners.findByKey((await workspaceOf(store)).id, "baltic data partners");
    expect(baltic).toMatchObject({ status: "approved", decidedBy: "U0MANAGER", partnerId: balticPartner?.id });
    expect(all.applications.find((application) => application.status === "declined")?.decisionReason).toMatch(/\S/);

    // Managers see who is onboarding, the stuck partner first, then the longest without progress.
    const overview = await services.onboarding.overview(max);
    expect(overview.map((row) => [row.partner.name, row.done, row.total, row.stuck])).toEqual([
      ["Pampa Digital", 2, 6, true],
      ["Baltic Data Partners", 3, 6, false],
      ["Kiwi Cloud Co", 2, 6, false],
    ]);
    // Baltic's first registration ticked its step, when it was registered.
    const ieva = await as("U0BALT01");
    const checklist = await services.onboarding.show(ieva);
    const firstDeal = checklist.steps.find((step) => step.key === "first_deal");
    expect(firstDeal?.doneBy).toBe("U0BALT01");
    expect(now.getTime() - (firstDeal?.doneAt?.getTime() ?? 0)).toBeLessThan(14 * DAY);
    expect(checklist.steps.filter((step) => step.doneAt === null).map((step) => step.key)).toEqual([
      "training",
      "first_win",
      "kickoff",
    ]);
  });

  it("gives every partner the tier its year earns, but for one demotion held for review", async () => {
    const { db, store, services, as } = demo();
    const workspace = await workspaceOf(store);
    const config = await store.programConfig.get(workspace.id);
    const figures = await tierFigures(store, workspace, config, now);
    const partners = await store.partners.list(workspace.id);
    const off = partners
      .filter(
        (partner) => qualifyingTier(figures.get(partner.id) ?? emptyTierFigures(), config.tierRules) !== partner.tier,
      )
      .map((partner) => partner.name);
    expect(off).toEqual(["Andes Tecnología"]);
    expect(new Set(partners.map((partner) => partner.tier))).toEqual(
      new Set(["registered", "silver", "gold", "platinum"]),
    );

    // The daily job (forced, as "Run scheduled jobs now" does) has nothing to change.
    expect(await services.tiers.recalculate({ force: true })).toMatchObject({
      promoted: 0,
      reviewsOpened: 0,
      recovered: 0,
    });
    const max = await as("U0MANAGER");
    const reviews = await services.tiers.reviews(max);
    expect(reviews.map(({ review, partnerName }) => [partnerName, review.fromTier, review.toTier])).toEqual([
      ["Andes Tecnología", "gold", "silver"],
    ]);
    // Still in its grace period: managers may keep the tier, not demote yet.
    expect(reviews[0]?.review.graceEndsAt.getTime()).toBeGreaterThan(now.getTime() + 14 * DAY);

    // Globex's promotion to Platinum was celebrated already: the job will not announce it again.
    const globex = partners.find((partner) => partner.name === "Globex Distribution");
    const claimed = await db.milestone.findMany({
      where: { partnerId: globex?.id, kind: MILESTONE_KINDS.tierPromotion },
    });
    expect(claimed.map((milestone) => milestone.key)).toEqual([expect.stringMatching(/^platinum:\d{4}-\d{2}-\d{2}$/)]);

    // Pat's "Our partnership": Gold, on the way to Platinum, trained enough but short of the rest.
    const card = await services.tiers.card(await as("U0PARTNERA"));
    expect(card.partner.name).toBe("Acme Solutions");
    expect(card.progress).toMatchObject({ current: "gold", next: "platinum" });
    const parts = Object.fromEntries(card.progress.parts.map((part) => [part.criterion, part.met]));
    expect(parts).toMatchObject({ revenue: false, won: false, trained: true });
    expect(card.pendingReview).toBeNull();

    // Rio Verde earns Gold's revenue and wins: one more person with Gold's training and it moves up.
    const rio = await services.tiers.card(await as("U0RIOV01"));
    expect(rio.progress).toMatchObject({ current: "silver", next: "gold" });
    const open = rio.progress.parts.filter((part) => !part.met);
    expect(open).toEqual([expect.objectContaining({ criterion: "trained", have: 1, need: 2 })]);
  });

  it("has a library with trainings done and confirmed, and last quarter's reviews of Acme and Globex", async () => {
    const { services, as } = demo();
    const pat = await services.resources.list(await as("U0PARTNERA"));
    expect(pat.viewerTier).toBe("gold");
    expect(pat.resources).toHaveLength(DEMO_RESOURCES.length);
    expect(pat.resources.some((line) => line.resource.kind === "price_book")).toBe(true);
    const foundations = pat.resources.find((line) => line.resource.requiredFor === "silver");
    expect(foundations).toMatchObject({ done: true, confirmedBy: "U0MANAGER" });

    // Eli finished it days ago: a manager has yet to confirm it in /partner training.
    const eli = await services.resources.list(await as("U0EXTERNAL"));
    expect(eli.resources.find((line) => line.resource.requiredFor === "silver")).toMatchObject({
      done: true,
      confirmedBy: null,
    });
    const training = await services.resources.completions(await as("U0MANAGER"));
    expect(training.rows.filter((row) => row.completion.confirmedBy === null).length).toBeGreaterThanOrEqual(2);

    // A new partner sees what its tier opens, and is told more waits higher up.
    const ieva = await services.resources.list(await as("U0BALT01"));
    expect(ieva.viewerTier).toBe("registered");
    expect(ieva.resources.every((line) => line.resource.minTier === "registered")).toBe(true);
    expect(ieva.hidden).toBe(DEMO_RESOURCES.filter((resource) => resource.minTier !== "registered").length);

    for (const [userId, partner] of [
      ["U0PARTNERA", "Acme Solutions"],
      ["U0PARTNERB", "Globex Distribution"],
    ]) {
      const scorecard = await services.scorecards.show(await as(userId as string));
      expect(scorecard.partner.name).toBe(partner);
      expect(scorecard.previousReview?.quarter).toBe(scorecard.previousQuarter.key);
      expect(scorecard.previousReview?.notes).toMatch(/\S/);
      expect(scorecard.review).toBeNull();
    }
  });
});

describe("the program demo, seeded again", () => {
  const at = "2026-11-27T09:00:00Z";
  const demo = seededFor(at);

  it("adds nothing back that people changed: a decided review, a removed resource", async () => {
    const now = new Date(at);
    const { store, services, as } = demo();
    const max = await as("U0MANAGER");
    const [line] = await services.tiers.reviews(max);
    if (!line) throw new Error("no pending tier review");
    await services.tiers.decideReview(max, line.review.id, "keep", "New team in Peru, give them the year.");
    const library = await services.resources.list(max);
    const removed = library.resources[0]?.resource;
    if (!removed) throw new Error("no demo resource");
    await services.resources.remove(max, removed.id);

    const again = await seedDemo(store, { now: new Date(now.getTime() + DAY) });
    expect(again).toMatchObject({ applicationsCreated: 0, resourcesCreated: 0 });
    expect(await services.tiers.reviews(max)).toEqual([]);
    const after = await services.resources.list(max);
    expect(after.resources.map((entry) => entry.resource.id)).not.toContain(removed.id);
    expect(after.resources).toHaveLength(DEMO_RESOURCES.length - 1);
    expect((await services.applications.list(max)).applications).toHaveLength(3);
  });
});
