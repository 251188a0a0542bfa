import { beforeEach, describe, expect, it } from "vitest";
import { outboxOf, refusal, useDealWorld } from "./deal-fixtures";
import { closedDeal, extraPartner } from "./leaderboard-fixtures";
import { auditOf, completed, training } from "./program-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";

// Tuesday 2026-03-10 in UTC: the trailing 12 months are [2025-03-11, 2026-03-11).
const NOW = new Date("2026-03-10T12:00:00Z");
const DAY_MS = 86_400_000;

beforeEach(() => {
  world.clock.now = NOW;
});

const recalculate = () => world.services.tiers.recalculate({ force: true });

describe(`tier services (${DB})`, () => {
  it("promotes a partner that qualifies at once and celebrates it once in its channel, on the trailing 12 months only", async () => {
    const program = await world.program();
    const { store } = world.opened;
    const initech = await extraPartner(world, program, "Initech", { tier: "registered", homeChannel: "C_INITECH" });
    // Silver: USD 20,000.00 won, 2 deals won, 1 person trained (silver requires no training: any counts).
    await closedDeal(world, program, initech, { closedAt: new Date("2026-01-05T10:00:00Z"), amountMinor: 1_000_000 });
    // A day before the window: does not count, so the second win must come from inside it.
    await closedDeal(world, program, initech, { closedAt: new Date("2025-03-10T23:59:00Z"), amountMinor: 5_000_000 });
    const course = await training(world, program);
    await completed(world, program, course.id, "U_IVY", initech, new Date("2026-02-01T09:00:00Z"));

    await recalculate();
    expect((await store.partners.findById(initech.workspaceId, initech.id))?.tier).toBe("registered");

    await closedDeal(world, program, initech, { closedAt: new Date("2025-03-11T00:00:00Z"), amountMinor: 1_000_000 });
    await recalculate();
    expect((await store.partners.findById(initech.workspaceId, initech.id))?.tier).toBe("silver");
    await recalculate();

    const celebrations = (await outboxOf(world, initech.workspaceId)).filter(
      (row) => row.kind === "milestone.celebration",
    );
    expect(celebrations).toHaveLength(1);
    expect(celebrations[0]).toMatchObject({ channelId: "C_INITECH", action: "post" });
    expect(JSON.parse(celebrations[0]?.subject ?? "{}")).toEqual({
      partnerId: initech.id,
      kind: "tier_promotion",
      key: "silver:2026-03-10",
    });
    const promoted = await auditOf(world, initech.workspaceId, "tier.promote");
    expect(promoted).toEqual([
      expect.objectContaining({
        actor: "system",
        target: String(initech.id),
        data: expect.objectContaining({ from: "registered", to: "silver" }),
      }),
    ]);
  });

  it("recalculates each workspace once per local day unless forced", async () => {
    const program = await world.program();
    const first = await world.services.tiers.recalculate();
    expect(first.workspaces).toBeGreaterThanOrEqual(1);
    const again = await world.services.tiers.recalculate();
    expect(again).toEqual({ workspaces: 0, promoted: 0, reviewsOpened: 0, recovered: 0 });
    // Acme and Globex are gold with nothing won: one review each, even when the run is forced again.
    await recalculate();
    const reviews = await world.services.tiers.reviews(program.manager);
    expect(reviews.map((line) => line.partnerName).sort()).toEqual(["Acme Solutions", "Globex"]);
  });

  it("never demotes by itself: a private review for managers, refused during the grace period, then demoted", async () => {
    const program = await world.program();
    const { store } = world.opened;
    const workspaceId = program.admin.workspace.id;
    await store.partners.setHomeChannel(program.globex.id, "C_GLOBEX");
    await closedDeal(world, program, program.globex, {
      closedAt: new Date("2026-02-01T10:00:00Z"),
      amountMinor: 2_500_000,
    });
    await closedDeal(world, program, program.globex, {
      closedAt: new Date("2026-02-02T10:00:00Z"),
      amountMinor: 100_00,
    });
    const course = await training(world, program);
    await completed(world, program, course.id, "U_BOB", program.globex, new Date("2026-02-01T09:00:00Z"));

    await recalculate();
    await recalculate();
    const [review] = (await world.services.tiers.reviews(program.manager)).filter(
      (line) => line.partnerName === "Globex",
    );
    expect(review?.review).toMatchObject({
      fromTier: "gold",
      toTier: "silver",
      status: "pending",
      graceEndsAt: new Date(NOW.getTime() + 30 * DAY_MS),
    });
    expect(review?.review.figures).toMatchObject({ wonRevenueMinor: 2_510_000, dealsWon: 2, winRate: null });
    expect((await store.partners.findById(workspaceId, program.globex.id))?.tier).toBe("gold");
    const id = review?.review.id ?? 0;
    const rows = await outboxOf(world, workspaceId);
    const cards = rows.filter((row) => row.kind === "tier.review" && row.messageKey === `tier-review:${id}`);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.channelId).toBe("C_APPROVALS");
    expect(rows.some((row) => row.channelId === "C_GLOBEX")).toBe(false);
    expect(await auditOf(world, workspaceId, "tier.review_open")).toHaveLength(2);

    expect(await refusal(() => world.services.tiers.decideReview(program.bob, id, "demote", null))).toMatchObject({
      code: "forbidden",
      params: { action: "decide_tier_reviews" },
    });
    expect(await refusal(() => world.services.tiers.decideReview(program.manager, id, "demote", null))).toEqual({
      code: "tier_review_in_grace",
      params: { until: new Date(NOW.getTime() + 30 * DAY_MS).toISOString() },
    });
    // The partner's own card says nothing of it.
    expect((await world.services.tiers.card(program.bob)).pendingReview).toBeNull();
    expect((await world.services.tiers.card(program.manager, "Globex")).pendingReview?.id).toBe(id);

    world.clock.now = new Date(NOW.getTime() + 30 * DAY_MS);
    const demoted = await world.services.tiers.decideReview(program.manager, id, "demote", "  Quiet year ");
    expect(demoted).toMatchObject({ status: "demoted", decidedBy: "U_MANAGER", note: "Quiet year" });
    expect((await store.partners.findById(workspaceId, program.globex.id))?.tier).toBe("silver");
    expect(await auditOf(world, workspaceId, "tier.demote")).toEqual([
      expect.objectContaining({ actor: "U_MANAGER", data: expect.objectContaining({ from: "gold", to: "silver" }) }),
    ]);
    const updates = (await outboxOf(world, workspaceId)).filter((row) => row.kind === "tier.review_update");
    expect(updates).toEqual([expect.objectContaining({ action: "update", messageKey: `tier-review:${id}` })]);
    expect(await refusal(() => world.services.tiers.decideReview(program.manager, id, "keep", null))).toEqual({
      code: "tier_review_decided",
      params: { status: "demoted" },
    });
    expect(await refusal(() => world.services.tiers.decideReview(program.manager, 999_999, "keep", null))).toEqual({
      code: "tier_review_not_found",
      params: { id: 999_999 },
    });
  });

  it("keeping a tier holds it for the grace period: no new review until it ends", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    await recalculate();
    const acmeReview = (await world.services.tiers.reviews(program.manager)).find(
      (line) => line.partnerName === "Acme Solutions",
    );
    const kept = await world.services.tiers.decideReview(program.manager, acmeReview?.review.id ?? 0, "keep", null);
    expect(kept.status).toBe("kept");
    expect((await world.opened.store.partners.findById(workspaceId, program.acme.id))?.tierHeldUntil).toEqual(
      new Date(NOW.getTime() + 30 * DAY_MS),
    );
    expect(await auditOf(world, workspaceId, "tier.keep")).toHaveLength(1);

    world.clock.now = new Date(NOW.getTime() + 10 * DAY_MS);
    await recalculate();
    const names = async () => (await world.services.tiers.reviews(program.manager)).map((line) => line.partnerName);
    expect(await names()).toEqual(["Globex"]);
    world.clock.now = new Date(NOW.getTime() + 31 * DAY_MS);
    await recalculate();
    expect(await names()).toEqual(["Globex", "Acme Solutions"]);
  });

  it("closes a review as recovered when the partner qualifies again before managers decide", async () => {
    const program = await world.program();
    const { store } = world.opened;
    const workspaceId = program.admin.workspace.id;
    await recalculate();
    const before = (await world.services.tiers.reviews(program.manager)).find(
      (line) => line.partnerName === "Acme Solutions",
    );
    expect(before).toBeDefined();
    // Gold: USD 60,000.00, 5 won, win rate 25 % (5 of 6 closed), 2 people trained.
    for (let day = 1; day <= 5; day++) {
      await closedDeal(world, program, program.acme, {
        closedAt: new Date(`2026-02-0${day}T10:00:00Z`),
        amountMinor: 1_200_000,
      });
    }
    await closedDeal(world, program, program.acme, { closedAt: new Date("2026-02-06T10:00:00Z"), stage: "lost" });
    const course = await training(world, program, { requiredFor: "gold" });
    await completed(world, program, course.id, "U_ANA", program.acme, new Date("2026-02-01T09:00:00Z"));
    await completed(world, program, course.id, "U_ANA2", program.acme, new Date("2026-02-01T09:00:00Z"));

    await recalculate();
    const names = (await world.services.tiers.reviews(program.manager)).map((line) => line.partnerName);
    expect(names).toEqual(["Globex"]);
    const closed = await store.tierReviews.findById(workspaceId, before?.review.id ?? 0);
    expect(closed).toMatchObject({ status: "recovered", decidedBy: null });
    expect(await auditOf(world, workspaceId, "tier.review_recovered")).toHaveLength(1);
    expect((await store.partners.findById(workspaceId, program.acme.id))?.tier).toBe("gold");
  });

  it("a partner under review that now qualifies higher moves up, and its review closes as recovered", async () => {
    const program = await world.program();
    const { store } = world.opened;
    const workspaceId = program.admin.workspace.id;
    await recalculate();
    const review = (await world.services.tiers.reviews(program.manager)).find((line) => line.partnerName === "Globex");
    // Platinum: USD 150,000.00, 10 won, 3 people trained, win rate 35 %.
    for (let day = 10; day < 20; day++) {
      await closedDeal(world, program, program.globex, {
        closedAt: new Date(`2026-02-${day}T10:00:00Z`),
        amountMinor: 1_500_000,
      });
    }
    const course = await training(world, program);
    for (const person of ["U_BOB", "U_BOB2", "U_BOB3"]) {
      await completed(world, program, course.id, person, program.globex, new Date("2026-02-01T09:00:00Z"));
    }
    await recalculate();
    expect((await store.partners.findById(workspaceId, program.globex.id))?.tier).toBe("platinum");
    expect(await store.tierReviews.findById(workspaceId, review?.review.id ?? 0)).toMatchObject({
      status: "recovered",
    });
    const rows = await outboxOf(world, workspaceId);
    expect(rows.filter((row) => row.kind === "tier.review_update").map((row) => row.messageKey)).toEqual([
      `tier-review:${review?.review.id}`,
    ]);
    // No channel of its own and no celebrations channel: celebrated in the approvals channel.
    expect(rows.filter((row) => row.kind === "milestone.celebration").map((row) => row.channelId)).toEqual([
      "C_APPROVALS",
    ]);
  });

  it("shows the partner card: members their own with progress to the next tier, managers any by name", async () => {
    const program = await world.program();
    const { store } = world.opened;
    const hooli = await extraPartner(world, program, "Hooli", { tier: "silver" });
    const member = await store.members.ensure(program.admin.workspace.id, "U_HOOLI", program.teamId);
    await store.members.setPartner(member.id, hooli.id);
    const hooliMember = await program.actor("U_HOOLI");
    await closedDeal(world, program, hooli, { closedAt: new Date("2026-02-01T10:00:00Z"), amountMinor: 4_200_000 });
    await closedDeal(world, program, hooli, { closedAt: new Date("2026-02-02T10:00:00Z"), amountMinor: 0 });
    await closedDeal(world, program, hooli, { closedAt: new Date("2026-02-03T10:00:00Z"), stage: "lost" });
    const course = await training(world, program, { requiredFor: "gold" });
    await completed(world, program, course.id, "U_HOOLI", hooli, new Date("2026-02-01T09:00:00Z"));

    const card = await world.services.tiers.card(hooliMember);
    expect(card.partner.name).toBe("Hooli");
    expect(card.memberCount).toBe(1);
    expect(card.reportingCurrency).toBe("USD");
    expect(card.window).toEqual({ start: new Date("2025-03-11T00:00:00Z"), end: new Date("2026-03-11T00:00:00Z") });
    expect(card.figures).toMatchObject({ wonRevenueMinor: 4_200_000, dealsWon: 2, closed: 3 });
    expect(card.figures.winRate).toBeCloseTo(2 / 3);
    expect(card.progress).toEqual({
      current: "silver",
      next: "gold",
      parts: [
        { criterion: "revenue", have: 4_200_000, need: 6_000_000, met: false },
        { criterion: "won", have: 2, need: 5, met: false },
        { criterion: "trained", have: 1, need: 2, met: false },
        { criterion: "winrate", have: 2 / 3, need: 0.25, met: true },
      ],
    });
    expect(card.onboarding).toBeNull();
    expect(card.pendingReview).toBeNull();

    // While onboarding, the card says how far.
    await store.partners.setStatus(hooli.id, "onboarding", null);
    await store.onboarding.start(
      hooli.workspaceId,
      hooli.id,
      [
        { key: "agreement", label: "Partner agreement signed", auto: "agreement_signed" },
        { key: "kickoff", label: "Kickoff call held", auto: null },
      ],
      NOW,
    );
    await store.onboarding.complete(hooli.id, "agreement", "U_MANAGER", NOW);
    expect((await world.services.tiers.card(hooliMember)).onboarding).toEqual({ total: 2, done: 1 });

    expect(await refusal(() => world.services.tiers.card(hooliMember, "Globex"))).toEqual({
      code: "forbidden",
      params: { action: "see_other_partners" },
    });
    expect(await refusal(() => world.services.tiers.card(hooliMember, undefined, program.acme.id))).toMatchObject({
      code: "forbidden",
    });
    expect(await refusal(() => world.services.tiers.card(program.manager))).toMatchObject({ code: "partner_required" });
    expect(await refusal(() => world.services.tiers.card(program.nobody))).toMatchObject({ code: "no_partner" });
    expect((await world.services.tiers.card(program.manager, "hooli")).partner.id).toBe(hooli.id);
  });
});
