import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS, demoDealPlan, seedDemo } from "../../prisma/seed";
import { DEMO_PRACTICES } from "../../prisma/seed/demo-practices";
import { DEMO_SHOUTOUTS } from "../../prisma/seed/demo-shoutouts";
import { createDb, type Db } from "../../src/data/database";
import { migrate } from "../../src/data/migrator";
import { createStore } from "../../src/data/prisma-store";
import { rivalsOf } from "../../src/domain/deals/conflicts";
import { customerKeys, sameCustomer } from "../../src/domain/deals/customer";
import { REGISTRATION_STATUSES } from "../../src/domain/deals/registration";
import { OPEN_STAGES, STAGES } from "../../src/domain/deals/stages";
import { approvalReminderDue, workingDaysBetween } from "../../src/domain/shared/working-days";
import type { Store } from "../../src/services/store";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const run = promisify(execFile);
const DAY = 86_400_000;

describe("the demo seed", () => {
  let database: TestDatabase;
  let db: Db;
  let store: Store;
  const now = new Date("2026-11-27T09:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate(database.url);
    db = createDb(database.url);
    store = createStore(db);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  async function snapshot() {
    return {
      workspaces: await db.workspace.findMany({ orderBy: { id: "asc" } }),
      partners: await db.partner.findMany({ orderBy: { id: "asc" } }),
      members: await db.member.findMany({ orderBy: { id: "asc" } }),
      deals: await db.deal.findMany({ orderBy: { id: "asc" } }),
      events: await db.dealEvent.findMany({ orderBy: { id: "asc" } }),
      rates: await db.exchangeRate.findMany({ orderBy: { id: "asc" } }),
      practices: await db.practice.findMany({ orderBy: { id: "asc" } }),
      practiceTags: await db.practiceTag.findMany({ orderBy: { id: "asc" } }),
      votes: await db.practiceVote.findMany({ orderBy: { id: "asc" } }),
      shoutouts: await db.shoutout.findMany({ orderBy: { id: "asc" } }),
      shoutoutRecipients: await db.shoutoutRecipient.findMany({ orderBy: { id: "asc" } }),
      plusOnes: await db.shoutoutPlusOne.findMany({ orderBy: { id: "asc" } }),
      goals: await db.goal.findMany({ orderBy: { id: "asc" } }),
      digests: await db.digestSubscription.findMany({ orderBy: { id: "asc" } }),
    };
  }

  it("builds 12 partners in 4 regions with every tier and status, and places the sandbox's people", async () => {
    const workspace = await db.workspace.create({ data: { teamId: "T0VENDOR" } });
    await db.member.create({ data: { workspaceId: workspace.id, slackUserId: "U0MANAGER", role: "member" } });

    const summary = await seedDemo(store, { now });
    expect(summary).toMatchObject({ teamId: "T0VENDOR", partnersCreated: 12, membersUpdated: 1, ratesCreated: 2 });
    expect(summary.dealsCreated).toBe(await db.deal.count());

    const partners = await db.partner.findMany({ include: { members: true } });
    expect(partners).toHaveLength(12);
    const regions = new Map<string, number>();
    for (const partner of partners) regions.set(partner.region ?? "", (regions.get(partner.region ?? "") ?? 0) + 1);
    expect(Object.fromEntries(regions)).toEqual({ EMEA: 3, "North America": 3, LATAM: 3, APAC: 3 });
    expect(new Set(partners.map((partner) => partner.tier))).toEqual(
      new Set(["registered", "silver", "gold", "platinum"]),
    );
    expect(new Set(partners.map((partner) => partner.status))).toEqual(new Set(["onboarding", "active", "inactive"]));
    expect(partners.every((partner) => partner.members.length > 0)).toBe(true);
    expect(
      partners.filter((partner) => partner.status === "onboarding").every((partner) => partner.onboardedAt === null),
    ).toBe(true);

    const acme = partners.find((partner) => partner.name === "Acme Solutions");
    expect(acme).toMatchObject({ connectTeamId: "T0ACMEPART", homeChannel: "C0PARTNERA" });
    expect(acme?.members.map((member) => member.slackUserId).sort()).toEqual(["U0ACMEJO", "U0EXTERNAL", "U0PARTNERA"]);
    expect(acme?.members.find((member) => member.slackUserId === "U0EXTERNAL")?.slackTeamId).toBe("T0ACMEPART");
    const globex = partners.find((partner) => partner.name === "Globex Distribution");
    expect(globex).toMatchObject({ homeChannel: "C0PARTNERB" });
    expect(globex?.members.map((member) => member.slackUserId)).toContain("U0PARTNERB");

    const manager = await db.member.findFirst({ where: { slackUserId: "U0MANAGER" } });
    expect(manager).toMatchObject({ role: "manager", partnerId: null });
    expect(await db.member.findFirst({ where: { slackUserId: "U0ADMIN" } })).toMatchObject({ role: "admin" });
    expect(await db.workspace.findUnique({ where: { teamId: "T0VENDOR" } })).toMatchObject({
      approvalsChannel: "C0APPROVALS",
      name: "Vendor Inc",
    });
    expect(DEMO_PARTNERS).toHaveLength(12);
  });

  it("adds a year of deals in three currencies, in every stage and registration state, with exchange rates", async () => {
    const deals = await db.deal.findMany({
      include: { partner: { include: { members: true } } },
      orderBy: { id: "asc" },
    });
    expect(deals.length).toBeGreaterThanOrEqual(60);
    expect(deals.length).toBeLessThanOrEqual(120);
    expect(deals.map((deal) => deal.idempotencyKey)).toEqual(deals.map((_, index) => `demo:${index + 1}`));

    const ageInMonths = (deal: { createdAt: Date }) =>
      Math.floor((now.getTime() - deal.createdAt.getTime()) / (DAY * 30.5));
    expect(new Set(deals.map(ageInMonths))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    expect(deals.every((deal) => deal.createdAt < now)).toBe(true);
    expect(new Set(deals.map((deal) => deal.currency))).toEqual(new Set(["USD", "EUR", "GBP"]));
    expect(new Set(deals.map((deal) => deal.stage))).toEqual(new Set(STAGES));
    expect(new Set(deals.map((deal) => deal.status))).toEqual(new Set(REGISTRATION_STATUSES));
    expect(new Set(deals.map((deal) => deal.partner.region))).toEqual(
      new Set(["EMEA", "North America", "LATAM", "APAC"]),
    );

    const rates = await db.exchangeRate.findMany({ orderBy: { currency: "asc" } });
    expect(rates.map(({ currency, rate }) => ({ currency, rate }))).toEqual([
      { currency: "EUR", rate: "1.08" },
      { currency: "GBP", rate: "1.27" },
    ]);

    for (const deal of deals) {
      const what = `${deal.idempotencyKey} ${deal.customerName}`;
      expect(customerKeys({ name: deal.customerName, domainOrEmail: deal.customerDomain }), what).toEqual({
        domain: deal.customerDomain,
        nameKey: deal.customerNameKey,
      });
      expect(typeof deal.amountMinor, what).toBe("bigint");
      expect(deal.amountMinor > 0n, what).toBe(true);
      expect(
        deal.partner.members.map((member) => member.slackUserId),
        what,
      ).toContain(deal.createdBy);
      expect(deal.region, what).toBe(deal.partner.region);
      if (deal.status !== "pending" && deal.status !== "conflict") {
        expect(deal, what).toMatchObject({ decidedBy: "U0MANAGER", decidedAt: expect.any(Date) });
      }
      if (deal.status === "approved" || deal.status === "expired") {
        expect(deal.protectedUntil?.getTime(), what).toBe((deal.decidedAt as Date).getTime() + 90 * DAY);
      }
      if (deal.status === "expired") expect(deal.protectedUntil?.getTime(), what).toBeLessThan(now.getTime());
      if (deal.status === "approved" && OPEN_STAGES.includes(deal.stage as never)) {
        expect(deal.protectedUntil?.getTime(), what).toBeGreaterThan(now.getTime());
      }
      if (deal.status === "rejected") expect(deal.decisionNote, what).toMatch(/\S/);
      if (deal.status === "info_requested") expect(deal.decisionNote, what).toMatch(/\?$/);
      if (deal.stage === "lost") expect(deal.lostReason, what).toMatch(/\S/);
      if (deal.stage === "won" || deal.stage === "lost") expect(deal.closedAt, what).toBeInstanceOf(Date);
      if (deal.status === "conflict") {
        const other = deals.find((entry) => entry.id === deal.conflictDealId);
        expect(other?.partnerId, what).not.toBe(deal.partnerId);
        expect(other && other.createdAt < deal.createdAt, what).toBe(true);
        expect(
          sameCustomer(
            { domain: deal.customerDomain, nameKey: deal.customerNameKey },
            { domain: other?.customerDomain ?? null, nameKey: other?.customerNameKey ?? "" },
          ),
          what,
        ).toBe(true);
      }
    }
    // Protection ending within 14 days, not reminded yet: the hourly job has something to do.
    const endingSoon = deals.filter(
      (deal) =>
        deal.status === "approved" &&
        OPEN_STAGES.includes(deal.stage as never) &&
        (deal.protectedUntil?.getTime() ?? 0) < now.getTime() + 14 * DAY &&
        deal.reminderSentAt === null,
    );
    expect(endingSoon.length).toBeGreaterThanOrEqual(2);
  });

  it("gives every deal a history that leads to its state, in time order", async () => {
    const deals = await db.deal.findMany({ include: { events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });
    for (const deal of deals) {
      const what = `${deal.idempotencyKey} ${deal.customerName}`;
      const [first, ...rest] = deal.events;
      expect(first, what).toMatchObject({ type: "registered", actor: deal.createdBy, createdAt: deal.createdAt });
      const registered = JSON.parse(first?.data ?? "{}");
      let status = deal.conflictDealId === null ? "pending" : "conflict";
      let stage = registered.stage as string;
      let amount = registered.amountMinor as number;
      expect(registered.currency, what).toBe(deal.currency);
      for (const event of rest) {
        const data = JSON.parse(event.data);
        expect(event.createdAt.getTime(), what).toBeLessThan(now.getTime());
        if (event.type === "conflict_flagged") expect(data.conflictsWith, what).toEqual([deal.conflictDealId]);
        if (["approve", "reject", "request_info"].includes(event.type)) {
          expect(event.actor, what).toBe("U0MANAGER");
          expect(data.from, what).toBe(status);
          status = data.to;
        }
        if (event.type === "expired") {
          expect(event.actor, what).toBe("system");
          status = "expired";
        }
        if (event.type === "stage_changed") {
          expect(data.from, what).toBe(stage);
          stage = data.to;
          if (data.amountMinor) {
            expect(data.amountMinor.from, what).toBe(amount);
            amount = data.amountMinor.to;
          }
          if (stage === "lost") expect(data.reason, what).toBe(deal.lostReason);
        }
      }
      expect({ status, stage, amount }, what).toEqual({
        status: deal.status,
        stage: deal.stage,
        amount: Number(deal.amountMinor),
      });
    }
  });

  it("gives the personas something to see: full App Homes, overdue deals and a queue for the manager", async () => {
    const today = now.toISOString().slice(0, 10);
    for (const name of ["Acme Solutions", "Globex Distribution"]) {
      const open = await db.deal.findMany({
        where: { partner: { name }, stage: { in: [...OPEN_STAGES] }, status: { notIn: ["rejected", "expired"] } },
      });
      expect(open.length, name).toBeGreaterThanOrEqual(5);
      const overdue = open.filter((deal) => (deal.expectedCloseOn?.toISOString().slice(0, 10) ?? today) < today);
      expect(overdue.length, name).toBeGreaterThanOrEqual(2);
    }
    const waiting = await db.deal.findMany({
      where: { status: { in: ["pending", "conflict", "info_requested"] }, stage: { in: [...OPEN_STAGES] } },
    });
    expect(new Set(waiting.map((deal) => deal.status))).toEqual(new Set(["pending", "conflict", "info_requested"]));
    expect(waiting.length).toBeGreaterThanOrEqual(8);
    // The manager's App Home lists up to 15: all of them fit.
    expect(waiting.length).toBeLessThanOrEqual(14);

    // The README's tour: /deal history 29 shows a long story, /deal 27 is another partner's deal to Pat.
    const history = await db.deal.findUniqueOrThrow({ where: { id: 29 }, include: { partner: true, events: true } });
    expect(history.events.length).toBeGreaterThanOrEqual(5);
    expect(history.stage).toBe("won");
    const other = await db.deal.findUniqueOrThrow({ where: { id: 27 }, include: { partner: true } });
    expect(other.partner.name).not.toBe("Acme Solutions");
  });

  it("stages issue 9's tour: the Tanabe conflict, a question for Pat, a rejection to correct, a registration waiting for days", async () => {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { teamId: "T0VENDOR" } });
    // The README's tour: Sakura's #70 holds Tanabe Robotics, Globex's #88 waits with the conflict to resolve.
    const sakura = await db.deal.findUniqueOrThrow({ where: { id: 70 }, include: { partner: true } });
    expect(sakura).toMatchObject({ customerName: "Tanabe Robotics K.K.", status: "approved" });
    expect(sakura.partner.name).toBe("Sakura Networks");
    expect(OPEN_STAGES).toContain(sakura.stage);
    expect(sakura.protectedUntil?.getTime()).toBeGreaterThan(now.getTime() + 14 * DAY);
    const globex = await db.deal.findUniqueOrThrow({ where: { id: 88 }, include: { partner: true } });
    expect(globex).toMatchObject({ customerName: "Tanabe Robotics", status: "conflict", conflictDealId: 70 });
    expect(globex.partner.name).toBe("Globex Distribution");
    expect(globex.createdBy).toBe("U0PARTNERB");
    // The rule the app applies at approval time finds Sakura's deal as the live rival.
    const record = await store.deals.findById(workspace.id, 88);
    if (!record) throw new Error("no deal #88");
    const rivals = rivalsOf(record, await store.deals.findSameCustomer(workspace.id, record.customer), now);
    expect(rivals.map((rival) => rival.id)).toEqual([70]);

    // Pat's company has a manager's question waiting for its answer.
    const question = await db.deal.findFirstOrThrow({
      where: { status: "info_requested", partner: { name: "Acme Solutions" }, createdBy: "U0PARTNERA" },
      include: { events: true },
    });
    expect(question.decidedBy).toBe("U0MANAGER");
    expect(question.events.find((event) => event.type === "request_info")).toMatchObject({
      actor: "U0MANAGER",
      data: expect.stringContaining(question.decisionNote ?? "?"),
    });

    // A registration of Pat's rejected within the last 30 days, with a reason that says what to correct.
    const rejected = await db.deal.findMany({
      where: { status: "rejected", createdBy: "U0PARTNERA", decidedAt: { gt: new Date(now.getTime() - 30 * DAY) } },
    });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.decisionNote).toMatch(/resubmit/);

    // Registrations waiting longer than the reminder threshold (2 working days), and reminders on.
    expect(workspace.approvalReminderDays).toBe(2);
    const undecided = await store.deals.undecided();
    const overdue = undecided.filter((deal) => workingDaysBetween(deal.createdAt, now, workspace.timezone) > 2);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThan(undecided.length);
    expect(undecided.some((deal) => approvalReminderDue(deal.createdAt, now, workspace.timezone, 2))).toBe(true);

    // Each persona's partner channel is tied to its partner.
    expect((await store.partners.findByChannel(workspace.id, "C0PARTNERA"))?.name).toBe("Acme Solutions");
    expect((await store.partners.findByChannel(workspace.id, "C0PARTNERB"))?.name).toBe("Globex Distribution");
    expect(await store.partners.findByChannel(workspace.id, "C0APPROVALS")).toBeNull();
  });

  it("adds about 40 best practices in every region and many tags, with votes, some saved from messages", async () => {
    const people = new Set((await db.member.findMany()).map((member) => member.slackUserId));
    const practices = await db.practice.findMany({ include: { tags: true, votes: true }, orderBy: { id: "asc" } });
    expect(practices).toHaveLength(DEMO_PRACTICES.length);
    expect(practices.length).toBeGreaterThanOrEqual(35);
    expect(practices.map((practice) => practice.idempotencyKey)).toEqual(
      practices.map((_, index) => `demo:practice:${index + 1}`),
    );
    expect(new Set(practices.map((practice) => practice.region))).toEqual(
      new Set(["EMEA", "North America", "LATAM", "APAC", null]),
    );
    const tags = new Set(practices.flatMap((practice) => practice.tags.map((entry) => entry.tag)));
    for (const tag of ["pricing", "objections", "security-review", "onboarding", "renewals", "public-sector", "poc"]) {
      expect(tags, tag).toContain(tag);
    }
    expect(new Set(practices.map((practice) => practice.authorId)).size).toBeGreaterThanOrEqual(20);
    // Shared over the past months, so /practice top week and top quarter list different things.
    const ages = practices.map((practice) => (now.getTime() - practice.createdAt.getTime()) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.min(...ages)).toBeLessThan(7);
    expect(Math.max(...ages)).toBeGreaterThan(60);
    for (const practice of practices) {
      const what = `${practice.idempotencyKey} ${practice.title}`;
      expect(people, what).toContain(practice.authorId);
      expect(
        practice.tags.every((entry) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(entry.tag)),
        what,
      ).toBe(true);
      expect(practice.helpfulCount, what).toBe(practice.votes.length);
      const voters = practice.votes.map((vote) => vote.userId);
      expect(new Set(voters).size, what).toBe(voters.length);
      expect(voters, what).not.toContain(practice.authorId);
      for (const voter of voters) expect(people, what).toContain(voter);
      expect(practice.deletedAt, what).toBeNull();
    }
    expect(practices.filter((practice) => practice.helpfulCount >= 8).length).toBeGreaterThanOrEqual(5);
    const saved = practices.filter((practice) => practice.creditedUserId !== null);
    expect(saved.length).toBeGreaterThanOrEqual(3);
    for (const practice of saved) {
      expect(practice.creditedUserId).not.toBe(practice.authorId);
      expect(practice.sourcePermalink).toMatch(/^https:\/\/vendor\.slack\.com\/archives\/C0[A-Z]+\/p\d{16}$/);
    }

    // Written through the repository: the search index knows them, with the README's example.
    const workspace = await db.workspace.findUniqueOrThrow({ where: { teamId: "T0VENDOR" } });
    const found = await store.practices.search(workspace.id, ["pricing"], 10);
    expect(found.length).toBeGreaterThanOrEqual(5);
    expect(await store.practices.knownTags(workspace.id, 50)).toEqual(expect.arrayContaining(["pricing", "poc"]));
    expect((await store.practices.byAuthor(workspace.id, "U0PARTNERA", 10)).length).toBeGreaterThanOrEqual(3);
  });

  it("adds about 25 shout-outs and a few manager awards over the past six weeks, some to partners, with +1s", async () => {
    const people = new Map((await db.member.findMany()).map((member) => [member.slackUserId, member.role]));
    const workspace = await db.workspace.findUniqueOrThrow({ where: { teamId: "T0VENDOR" } });
    const values: string[] = JSON.parse(workspace.companyValues);
    const shoutouts = await db.shoutout.findMany({
      include: { recipients: true, plusOnes: true },
      orderBy: { id: "asc" },
    });
    expect(shoutouts).toHaveLength(DEMO_SHOUTOUTS.length);
    expect(shoutouts.length).toBeGreaterThanOrEqual(20);
    expect(shoutouts.map((shoutout) => shoutout.idempotencyKey)).toEqual(
      shoutouts.map((_, index) => `demo:shoutout:${index + 1}`),
    );
    for (const shoutout of shoutouts) {
      const what = `${shoutout.idempotencyKey} ${shoutout.message}`;
      expect(people.has(shoutout.fromUserId), what).toBe(true);
      expect(shoutout.createdAt.getTime(), what).toBeLessThan(now.getTime());
      expect(shoutout.createdAt.getTime(), what).toBeGreaterThan(now.getTime() - 43 * DAY);
      expect(shoutout.recipients.length, what).toBeGreaterThan(0);
      for (const recipient of shoutout.recipients) {
        expect((recipient.userId === null) !== (recipient.partnerId === null), what).toBe(true);
        if (recipient.userId !== null) {
          expect(people.has(recipient.userId), what).toBe(true);
          expect(recipient.userId, what).not.toBe(shoutout.fromUserId);
        }
      }
      if (shoutout.value !== null) expect(values, what).toContain(shoutout.value);
      if (shoutout.award !== null) expect(["admin", "manager"], what).toContain(people.get(shoutout.fromUserId));
      const plusOnes = shoutout.plusOnes.map((plusOne) => plusOne.userId);
      expect(shoutout.plusOneCount, what).toBe(plusOnes.length);
      expect(new Set(plusOnes).size, what).toBe(plusOnes.length);
      expect(plusOnes, what).not.toContain(shoutout.fromUserId);
      for (const person of plusOnes) expect(people.has(person), what).toBe(true);
    }
    expect(shoutouts.filter((shoutout) => shoutout.award !== null).length).toBeGreaterThanOrEqual(3);
    expect(
      shoutouts.filter((shoutout) => shoutout.recipients.some((r) => r.partnerId !== null)).length,
    ).toBeGreaterThanOrEqual(3);
    expect(shoutouts.filter((shoutout) => shoutout.recipients.length > 1).length).toBeGreaterThanOrEqual(2);
    expect(shoutouts.filter((shoutout) => shoutout.plusOneCount > 0).length).toBeGreaterThanOrEqual(15);
    expect(new Set(shoutouts.map((shoutout) => shoutout.value))).toEqual(new Set([...values, null]));

    // Written through the repository: Pat's App Home has shout-outs received and given, newest first.
    const received = await store.shoutouts.received(workspace.id, "U0PARTNERA", 5);
    expect(received.length).toBeGreaterThanOrEqual(3);
    expect(received.map((shoutout) => shoutout.createdAt.getTime())).toEqual(
      received.map((shoutout) => shoutout.createdAt.getTime()).sort((a, b) => b - a),
    );
    expect((await store.shoutouts.given(workspace.id, "U0PARTNERA", 5)).length).toBeGreaterThanOrEqual(1);
    const acme = await db.partner.findFirstOrThrow({ where: { name: "Acme Solutions" } });
    const recent = await store.shoutouts.recent(workspace.id, 30);
    expect(recent.some((shoutout) => shoutout.award && shoutout.recipients.some((r) => r.partnerId === acme.id))).toBe(
      true,
    );
  });

  it("is the same demo on every run: seeded pseudo-random, relative to now", () => {
    expect(demoDealPlan(now)).toEqual(demoDealPlan(now));
    const later = new Date(now.getTime() + 40 * DAY);
    const shifted = (plan: ReturnType<typeof demoDealPlan>, at: Date) =>
      plan.map((deal) => ({ key: deal.key, age: at.getTime() - deal.createdAt.getTime(), status: deal.status }));
    expect(shifted(demoDealPlan(later), later)).toEqual(shifted(demoDealPlan(now), now));
  });

  it("changes nothing when it runs again, in process or as npm run seed:demo", async () => {
    const before = await snapshot();
    expect(await seedDemo(store, { now: new Date() })).toMatchObject({
      partnersCreated: 0,
      membersCreated: 0,
      membersUpdated: 0,
      dealsCreated: 0,
      ratesCreated: 0,
      practicesCreated: 0,
      shoutoutsCreated: 0,
      goalsCreated: 0,
      digestsCreated: 0,
    });
    const { stdout } = await run(process.execPath, ["--import", "tsx", "prisma/seed-demo.ts"], {
      env: { ...process.env, DATABASE_URL: database.url },
    });
    expect(stdout).toContain("Demo data already present in T0VENDOR: nothing to add.");
    expect(await snapshot()).toEqual(before);
  });
});
