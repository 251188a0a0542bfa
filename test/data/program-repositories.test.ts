import { beforeAll, describe, expect, it } from "vitest";
import type { Tier } from "../../src/domain/partners/partner-rules";
import { DEFAULT_PROGRAM_CONFIG } from "../../src/domain/program/program-config";
import type { ProgramConfig, TierFigures } from "../../src/domain/program/program-types";
import type { NewApplication, NewResource, NewTierReview } from "../../src/services/program/program-store";
import type { Store } from "../../src/services/store";
import { useTestStore } from "../support/test-store";

const opened = useTestStore();
let store: Store;
let teams = 0;
let keys = 0;

beforeAll(async () => {
  ({ store } = opened);
});

const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";
const at = (iso: string) => new Date(iso);

/** Each test gets its own workspace, so lists and counts see only its rows. */
async function workspace(): Promise<number> {
  teams += 1;
  return (await store.workspaces.ensure(`TPROG${teams}`)).id;
}

async function partner(workspaceId: number, name: string, tier: Tier = "registered"): Promise<number> {
  const created = await store.partners.create(workspaceId, { name, nameKey: name.toLowerCase(), region: null, tier });
  if (!created) throw new Error("partner name taken");
  return created.id;
}

function application(workspaceId: number, fields: Partial<NewApplication> = {}): NewApplication {
  keys += 1;
  return {
    workspaceId,
    company: "Initech",
    companyKey: "initech",
    website: "initech.example",
    regions: "EMEA",
    segments: "Mid-market",
    solutions: "Managed services",
    teamSize: 40,
    references: [
      { name: "Jane Doe", contact: "jane@x.com" },
      { name: "Bob", contact: "" },
    ],
    applicantUserId: "U_APPLICANT",
    applicantTeamId: "T_INITECH",
    external: true,
    channelId: "C_PROSPECT",
    idempotencyKey: `apply-${keys}`,
    createdAt: at("2026-11-20T10:00:00Z"),
    ...fields,
  };
}

const FIGURES: TierFigures = {
  wonRevenueMinor: 1_250_000,
  dealsWon: 3,
  closed: 7,
  winRate: 3 / 7,
  peopleTrained: { registered: 2, silver: 1, gold: 0 },
  unpriced: 1,
};

function tierReview(workspaceId: number, partnerId: number, fields: Partial<NewTierReview> = {}): NewTierReview {
  return {
    workspaceId,
    partnerId,
    fromTier: "gold",
    toTier: "silver",
    figures: FIGURES,
    openedAt: at("2026-11-20T10:00:00Z"),
    graceEndsAt: at("2026-12-20T10:00:00Z"),
    ...fields,
  };
}

function resource(workspaceId: number, fields: Partial<NewResource> = {}): NewResource {
  return {
    workspaceId,
    title: "Gold sales training",
    url: "https://learn.example/gold",
    kind: "training",
    tags: ["sales", "onboarding"],
    minTier: "silver",
    requiredFor: "gold",
    createdBy: "U_MANAGER",
    createdAt: at("2026-11-01T09:00:00Z"),
    ...fields,
  };
}

describe(`workspaces and partners for the program (${DB})`, () => {
  it("lists every workspace for the daily recalculation", async () => {
    const first = await workspace();
    const second = await workspace();
    const ids = (await store.workspaces.all()).map((ws) => ws.id);
    expect(ids).toContain(first);
    expect(ids).toContain(second);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
  });

  it("moves a partner's tier only from the expected tier", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme", "silver");
    expect(await store.partners.setTier(acme, "silver", "gold")).toMatchObject({ id: acme, tier: "gold" });
    // A second run still expecting silver (it read the partner before the first moved it) changes nothing.
    expect(await store.partners.setTier(acme, "silver", "platinum")).toBeNull();
    expect((await store.partners.findById(ws, acme))?.tier).toBe("gold");
  });

  it("stores status with its onboarding date and a held tier", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    expect(await store.partners.findById(ws, acme)).toMatchObject({ onboardedAt: null, tierHeldUntil: null });
    expect(await store.partners.setStatus(acme, "onboarding", null)).toMatchObject({
      status: "onboarding",
      onboardedAt: null,
    });
    const onboarded = await store.partners.setStatus(acme, "active", at("2026-11-21T08:00:00Z"));
    expect(onboarded.status).toBe("active");
    expect(onboarded.onboardedAt?.toISOString()).toBe("2026-11-21T08:00:00.000Z");
    const held = await store.partners.holdTier(acme, at("2026-12-21T08:00:00Z"));
    expect(held.tierHeldUntil?.toISOString()).toBe("2026-12-21T08:00:00.000Z");
    expect((await store.partners.list(ws))[0]?.tierHeldUntil?.toISOString()).toBe("2026-12-21T08:00:00.000Z");
    expect((await store.partners.holdTier(acme, null)).tierHeldUntil).toBeNull();
  });
});

describe(`program config repository (${DB})`, () => {
  it("reads the defaults until saved, then what was saved, per workspace", async () => {
    const ws = await workspace();
    const other = await workspace();
    expect(await store.programConfig.get(ws)).toEqual(DEFAULT_PROGRAM_CONFIG);
    const edited: ProgramConfig = {
      ...DEFAULT_PROGRAM_CONFIG,
      criteria: [
        { key: "reputation", label: "Reputation", weight: 5 },
        { key: "references", label: "References", weight: 0 },
      ],
      dueDiligence: ["NDA signed"],
      onboardingSteps: [{ key: "kickoff", label: "Kickoff call held", auto: null }],
      demotionGraceDays: 45,
    };
    await store.programConfig.save(ws, edited);
    expect(await store.programConfig.get(ws)).toEqual(edited);
    await store.programConfig.save(ws, { ...edited, demotionGraceDays: 60 });
    expect((await store.programConfig.get(ws)).demotionGraceDays).toBe(60);
    expect(await store.programConfig.get(other)).toEqual(DEFAULT_PROGRAM_CONFIG);
  });

  it("claims a day's tier run once, the next day again, and never a day already passed", async () => {
    const ws = await workspace();
    expect(await store.programConfig.claimTierRun(ws, "2026-11-20")).toBe(true);
    expect(await store.programConfig.claimTierRun(ws, "2026-11-20")).toBe(false);
    expect(await store.programConfig.claimTierRun(ws, "2026-11-21")).toBe(true);
    expect(await store.programConfig.claimTierRun(ws, "2026-11-20")).toBe(false);
    expect(await store.programConfig.claimTierRun(await workspace(), "2026-11-20")).toBe(true);
  });

  it("keeps an edited config when the day is claimed, and a claim on an edited config works", async () => {
    const ws = await workspace();
    await store.programConfig.claimTierRun(ws, "2026-11-20");
    const edited = { ...DEFAULT_PROGRAM_CONFIG, dueDiligence: ["Credit check done"] };
    await store.programConfig.save(ws, edited);
    expect(await store.programConfig.claimTierRun(ws, "2026-11-21")).toBe(true);
    expect(await store.programConfig.get(ws)).toEqual(edited);
  });

  it("gives concurrent claims one winner, and the losers' transactions stay usable", async () => {
    for (const existing of [false, true]) {
      const ws = await workspace();
      if (existing) await store.programConfig.save(ws, DEFAULT_PROGRAM_CONFIG);
      const acme = await partner(ws, "Acme");
      const claimThenWrite = (n: number) =>
        store.transaction(async (tx) => {
          const claimed = await tx.programConfig.claimTierRun(ws, "2026-11-20");
          // A write after the claim: it fails if a losing claim aborted the transaction.
          await tx.milestones.claim({ workspaceId: ws, partnerId: acme, kind: "test", key: `${n}`, at: new Date() });
          return claimed;
        });
      const results = await Promise.all([1, 2, 3].map(claimThenWrite));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.programConfig.claimTierRun(ws, "2026-11-20")).toBe(false);
    }
  });
});

describe(`application repository (${DB})`, () => {
  it("creates an application, reads it back in its workspace only, and refuses a repeated key", async () => {
    const ws = await workspace();
    const draft = application(ws);
    const created = await store.applications.create(draft);
    expect(created).toMatchObject({
      workspaceId: ws,
      company: "Initech",
      companyKey: "initech",
      website: "initech.example",
      teamSize: 40,
      references: [
        { name: "Jane Doe", contact: "jane@x.com" },
        { name: "Bob", contact: "" },
      ],
      applicantTeamId: "T_INITECH",
      external: true,
      channelId: "C_PROSPECT",
      status: "pending",
      scores: {},
      checklist: {},
      decidedBy: null,
      decidedAt: null,
      partnerId: null,
    });
    if (!created) throw new Error("not created");
    expect(created.createdAt.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(await store.applications.findById(ws, created.id)).toEqual(created);
    expect(await store.applications.findById(await workspace(), created.id)).toBeNull();
    expect(await store.applications.create({ ...draft, company: "Initech again" })).toBeNull();
    expect(await store.applications.list(ws, { limit: 10 })).toHaveLength(1);
  });

  it("finds the pending application of a company, not a decided one nor another company's", async () => {
    const ws = await workspace();
    const declined = await store.applications.create(application(ws));
    if (!declined) throw new Error("not created");
    await store.applications.update(declined.id, "pending", { status: "declined" });
    expect(await store.applications.findPendingByKey(ws, "initech")).toBeNull();
    const pending = await store.applications.create(application(ws));
    await store.applications.create(application(ws, { company: "Globex", companyKey: "globex" }));
    expect((await store.applications.findPendingByKey(ws, "initech"))?.id).toBe(pending?.id);
    expect(await store.applications.findPendingByKey(await workspace(), "initech")).toBeNull();
  });

  it("lists newest first, by status, up to the limit", async () => {
    const ws = await workspace();
    const make = async (day: number, company: string) => {
      const created = await store.applications.create(
        application(ws, { company, companyKey: company.toLowerCase(), createdAt: at(`2026-11-${day}T10:00:00Z`) }),
      );
      if (!created) throw new Error("not created");
      return created;
    };
    const oldest = await make(10, "Alpha");
    const middle = await make(12, "Beta");
    const newest = await make(14, "Gamma");
    await store.applications.update(middle.id, "pending", { status: "approved" });
    const ids = async (filter: Parameters<Store["applications"]["list"]>[1]) =>
      (await store.applications.list(ws, filter)).map((a) => a.id);
    expect(await ids({ limit: 10 })).toEqual([newest.id, middle.id, oldest.id]);
    expect(await ids({ limit: 2 })).toEqual([newest.id, middle.id]);
    expect(await ids({ status: "pending", limit: 10 })).toEqual([newest.id, oldest.id]);
    expect(await ids({ status: "approved", limit: 10 })).toEqual([middle.id]);
    expect(await ids({ status: "declined", limit: 10 })).toEqual([]);
  });

  it("stores scores and checks, and decides only while the status is the expected one", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Initech");
    const created = await store.applications.create(application(ws));
    if (!created) throw new Error("not created");
    const scores = {
      reputation: { score: 4, note: "Known in the region", by: "U_MAX" },
      track_record: { score: 3, note: null, by: "U_MAX" },
    };
    const checklist = { "NDA signed": { by: "U_MAX", at: "2026-11-21T09:00:00.000Z" } };
    const reviewed = await store.applications.update(created.id, "pending", { scores, checklist });
    expect(reviewed).toMatchObject({ status: "pending", scores, checklist });
    const decidedAt = at("2026-11-22T09:00:00Z");
    const approved = await store.applications.update(created.id, "pending", {
      status: "approved",
      decidedBy: "U_MAX",
      decidedAt,
      decisionReason: "Strong references",
      partnerId: acme,
    });
    expect(approved).toMatchObject({
      status: "approved",
      decidedBy: "U_MAX",
      decisionReason: "Strong references",
      partnerId: acme,
      scores,
      checklist,
    });
    expect(approved?.decidedAt?.toISOString()).toBe("2026-11-22T09:00:00.000Z");
    // A second manager deciding from a stale form: nothing changes.
    expect(
      await store.applications.update(created.id, "pending", { status: "declined", decisionReason: "No" }),
    ).toBeNull();
    expect(await store.applications.findById(ws, created.id)).toMatchObject({
      status: "approved",
      decisionReason: "Strong references",
    });
  });
});

describe(`onboarding repository (${DB})`, () => {
  const STEPS = DEFAULT_PROGRAM_CONFIG.onboardingSteps;

  it("copies the steps in order once; a partner with steps keeps them", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    expect(await store.onboarding.start(ws, acme, STEPS, at("2026-11-01T09:00:00Z"))).toBe(true);
    expect(await store.onboarding.start(ws, acme, STEPS.slice(0, 1), at("2026-11-02T09:00:00Z"))).toBe(false);
    const steps = await store.onboarding.steps(acme);
    expect(steps.map((s) => ({ position: s.position, key: s.key, label: s.label, auto: s.auto }))).toEqual(
      STEPS.map((s, position) => ({ position, ...s })),
    );
    expect(steps.every((s) => s.doneAt === null && s.doneBy === null && s.partnerId === acme)).toBe(true);
    expect(steps[0]?.createdAt.toISOString()).toBe("2026-11-01T09:00:00.000Z");
    expect(await store.onboarding.steps(await partner(ws, "Globex"))).toEqual([]);
  });

  it("completes a step by hand once, and an unknown step not at all", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    await store.onboarding.start(ws, acme, STEPS, at("2026-11-01T09:00:00Z"));
    expect(await store.onboarding.complete(acme, "kickoff", "U_MAX", at("2026-11-03T09:00:00Z"))).toBe(true);
    expect(await store.onboarding.complete(acme, "kickoff", "U_PAT", at("2026-11-04T09:00:00Z"))).toBe(false);
    expect(await store.onboarding.complete(acme, "no_such_step", "U_MAX", at("2026-11-04T09:00:00Z"))).toBe(false);
    const kickoff = (await store.onboarding.steps(acme)).find((s) => s.key === "kickoff");
    expect(kickoff?.doneBy).toBe("U_MAX");
    expect(kickoff?.doneAt?.toISOString()).toBe("2026-11-03T09:00:00.000Z");
  });

  it("completes every open step of an event, once, and only that partner's", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const globex = await partner(ws, "Globex");
    const steps = [
      { key: "first_deal", label: "First deal registered", auto: "deal_registered" as const },
      { key: "pipeline", label: "Pipeline started", auto: "deal_registered" as const },
      { key: "first_win", label: "First deal won", auto: "deal_won" as const },
    ];
    await store.onboarding.start(ws, acme, steps, at("2026-11-01T09:00:00Z"));
    await store.onboarding.start(ws, globex, steps, at("2026-11-01T09:00:00Z"));
    await store.onboarding.complete(acme, "pipeline", "U_MAX", at("2026-11-02T09:00:00Z"));
    const done = await store.onboarding.completeByEvent(acme, "deal_registered", "U_PAT", at("2026-11-03T09:00:00Z"));
    expect(done.map((s) => [s.key, s.doneBy, s.doneAt?.toISOString()])).toEqual([
      ["first_deal", "U_PAT", "2026-11-03T09:00:00.000Z"],
    ]);
    expect(await store.onboarding.completeByEvent(acme, "deal_registered", "U_PAT", new Date())).toEqual([]);
    expect(await store.onboarding.completeByEvent(acme, "member_added", "U_PAT", new Date())).toEqual([]);
    expect((await store.onboarding.steps(globex)).every((s) => s.doneAt === null)).toBe(true);
  });

  it("summarizes partners with open steps: totals, done, and the last progress", async () => {
    const ws = await workspace();
    const started = await partner(ws, "Started");
    const moving = await partner(ws, "Moving");
    const finished = await partner(ws, "Finished");
    const two = STEPS.slice(0, 2);
    for (const id of [started, moving, finished]) await store.onboarding.start(ws, id, two, at("2026-11-01T09:00:00Z"));
    await store.onboarding.complete(moving, "agreement", "U_MAX", at("2026-11-05T09:00:00Z"));
    await store.onboarding.complete(finished, "agreement", "U_MAX", at("2026-11-05T09:00:00Z"));
    await store.onboarding.complete(finished, "team", "U_MAX", at("2026-11-06T09:00:00Z"));
    const summary = await store.onboarding.inProgress(ws);
    expect(summary.map((s) => ({ ...s, lastProgressAt: s.lastProgressAt.toISOString() }))).toEqual([
      { partnerId: started, total: 2, done: 0, lastProgressAt: "2026-11-01T09:00:00.000Z" },
      { partnerId: moving, total: 2, done: 1, lastProgressAt: "2026-11-05T09:00:00.000Z" },
    ]);
    expect(await store.onboarding.inProgress(await workspace())).toEqual([]);
  });
});

describe(`tier review repository (${DB})`, () => {
  it("opens one pending review per partner with its figures, and another once it is closed", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme", "gold");
    const opened = await store.tierReviews.open(tierReview(ws, acme));
    expect(opened).toMatchObject({
      workspaceId: ws,
      partnerId: acme,
      fromTier: "gold",
      toTier: "silver",
      figures: FIGURES,
      status: "pending",
      decidedBy: null,
      decidedAt: null,
      note: null,
    });
    if (!opened) throw new Error("not opened");
    expect(opened.graceEndsAt.toISOString()).toBe("2026-12-20T10:00:00.000Z");
    expect(await store.tierReviews.open(tierReview(ws, acme, { toTier: "registered" }))).toBeNull();
    expect(await store.tierReviews.pendingFor(acme)).toEqual(opened);
    expect(await store.tierReviews.findById(ws, opened.id)).toEqual(opened);
    expect(await store.tierReviews.findById(await workspace(), opened.id)).toBeNull();

    const kept = await store.tierReviews.close(opened.id, {
      status: "kept",
      by: "U_MAX",
      note: "Big deal closing next month",
      at: at("2026-11-25T10:00:00Z"),
    });
    expect(kept).toMatchObject({ status: "kept", decidedBy: "U_MAX", note: "Big deal closing next month" });
    expect(kept?.decidedAt?.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    // A demote clicked on the same card afterwards changes nothing.
    expect(
      await store.tierReviews.close(opened.id, { status: "demoted", by: "U_ANA", note: null, at: new Date() }),
    ).toBe(null);
    expect(await store.tierReviews.pendingFor(acme)).toBeNull();
    expect(await store.tierReviews.open(tierReview(ws, acme))).not.toBeNull();
  });

  it("keeps a win rate below the minimum as none", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme", "silver");
    const figures = { ...FIGURES, winRate: null, peopleTrained: {} };
    const opened = await store.tierReviews.open(tierReview(ws, acme, { figures }));
    expect(opened?.figures).toEqual(figures);
  });

  it("lists the workspace's pending reviews oldest first", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme", "gold");
    const globex = await partner(ws, "Globex", "gold");
    const initech = await partner(ws, "Initech", "gold");
    const newer = await store.tierReviews.open(tierReview(ws, acme, { openedAt: at("2026-11-22T10:00:00Z") }));
    const older = await store.tierReviews.open(tierReview(ws, globex, { openedAt: at("2026-11-21T10:00:00Z") }));
    const closed = await store.tierReviews.open(tierReview(ws, initech, { openedAt: at("2026-11-20T10:00:00Z") }));
    if (!newer || !older || !closed) throw new Error("not opened");
    await store.tierReviews.close(closed.id, { status: "recovered", by: null, note: null, at: new Date() });
    expect((await store.tierReviews.pending(ws)).map((r) => r.id)).toEqual([older.id, newer.id]);
    expect(await store.tierReviews.pending(await workspace())).toEqual([]);
  });

  it("opens one review when runs race under the workspace lock", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme", "gold");
    const run = () =>
      store.transaction(async (tx) => {
        await tx.workspaces.lock(ws);
        return tx.tierReviews.open(tierReview(ws, acme));
      });
    const results = await Promise.all([run(), run(), run()]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await store.tierReviews.pending(ws)).toHaveLength(1);
  });
});

describe(`resource repository (${DB})`, () => {
  it("adds resources and lists the workspace's newest first", async () => {
    const ws = await workspace();
    const training = await store.resources.create(resource(ws));
    expect(training).toMatchObject({
      workspaceId: ws,
      title: "Gold sales training",
      url: "https://learn.example/gold",
      kind: "training",
      tags: ["sales", "onboarding"],
      minTier: "silver",
      requiredFor: "gold",
      createdBy: "U_MANAGER",
    });
    const deck = await store.resources.create(
      resource(ws, {
        title: "Pitch deck",
        kind: "deck",
        tags: [],
        minTier: "registered",
        requiredFor: null,
        createdAt: at("2026-11-05T09:00:00Z"),
      }),
    );
    expect(deck).toMatchObject({ tags: [], minTier: "registered", requiredFor: null });
    expect((await store.resources.list(ws)).map((r) => r.id)).toEqual([deck.id, training.id]);
    expect(await store.resources.findById(ws, training.id)).toEqual(training);
    expect(await store.resources.findById(await workspace(), training.id)).toBeNull();
    expect(await store.resources.list(await workspace())).toEqual([]);
  });

  it("removes a resource once: it is no longer listed nor found, nor its completions", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const kept = await store.resources.create(resource(ws, { title: "Kept" }));
    const gone = await store.resources.create(resource(ws, { title: "Gone" }));
    for (const r of [kept, gone]) {
      await store.resources.complete({
        workspaceId: ws,
        resourceId: r.id,
        slackUserId: "U_PAT",
        partnerId: acme,
        at: new Date(),
      });
    }
    expect(await store.resources.remove(await workspace(), gone.id, new Date())).toBe(false);
    expect(await store.resources.remove(ws, gone.id, new Date())).toBe(true);
    expect(await store.resources.remove(ws, gone.id, new Date())).toBe(false);
    expect((await store.resources.list(ws)).map((r) => r.title)).toEqual(["Kept"]);
    expect(await store.resources.findById(ws, gone.id)).toBeNull();
    expect((await store.resources.completions({ workspaceId: ws })).map((c) => c.resourceId)).toEqual([kept.id]);
  });

  it("records a person's completion once, and a manager's confirmation once", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const training = await store.resources.create(resource(ws));
    const done = {
      workspaceId: ws,
      resourceId: training.id,
      slackUserId: "U_PAT",
      partnerId: acme,
      at: at("2026-11-10T09:00:00Z"),
    };
    expect(await store.resources.complete(done)).toBe(true);
    expect(await store.resources.complete({ ...done, at: at("2026-11-11T09:00:00Z") })).toBe(false);
    expect(await store.resources.complete({ ...done, slackUserId: "U_INTERNAL", partnerId: null })).toBe(true);
    const [completion] = await store.resources.completions({ workspaceId: ws, partnerId: acme });
    expect(completion).toMatchObject({
      resourceId: training.id,
      slackUserId: "U_PAT",
      partnerId: acme,
      confirmedBy: null,
    });
    expect(completion?.completedAt.toISOString()).toBe("2026-11-10T09:00:00.000Z");
    if (!completion) throw new Error("no completion");
    expect(await store.resources.confirm(await workspace(), completion.id, "U_MAX", new Date())).toBe(false);
    expect(await store.resources.confirm(ws, completion.id, "U_MAX", at("2026-11-12T09:00:00Z"))).toBe(true);
    expect(await store.resources.confirm(ws, completion.id, "U_ANA", new Date())).toBe(false);
    expect(await store.resources.confirm(ws, 999_999, "U_MAX", new Date())).toBe(false);
    const [confirmed] = await store.resources.completions({ workspaceId: ws, partnerId: acme });
    expect(confirmed?.confirmedBy).toBe("U_MAX");
    expect(confirmed?.confirmedAt?.toISOString()).toBe("2026-11-12T09:00:00.000Z");
  });

  it("gives concurrent completions one winner, and neither caller's transaction is aborted", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const training = await store.resources.create(resource(ws));
    const completeThenWrite = (n: number) =>
      store.transaction(async (tx) => {
        const first = await tx.resources.complete({
          workspaceId: ws,
          resourceId: training.id,
          slackUserId: "U_PAT",
          partnerId: acme,
          at: new Date(),
        });
        // A write after the insert: it fails if a losing insert aborted the transaction.
        await tx.milestones.claim({ workspaceId: ws, partnerId: acme, kind: "test", key: `${n}`, at: new Date() });
        return first;
      });
    const results = await Promise.all([1, 2, 3].map(completeThenWrite));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.resources.completions({ workspaceId: ws })).toHaveLength(1);
  });

  it("reads completions per partner or for everyone, from a moment on, newest first", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const globex = await partner(ws, "Globex");
    const first = await store.resources.create(resource(ws, { title: "First" }));
    const second = await store.resources.create(resource(ws, { title: "Second" }));
    const complete = (resourceId: number, slackUserId: string, partnerId: number | null, day: number) =>
      store.resources.complete({
        workspaceId: ws,
        resourceId,
        slackUserId,
        partnerId,
        at: at(`2026-11-${day}T09:00:00Z`),
      });
    await complete(first.id, "U_PAT", acme, 10);
    await complete(second.id, "U_PAT", acme, 14);
    await complete(first.id, "U_GINA", globex, 12);
    await complete(first.id, "U_INTERNAL", null, 13);
    const read = async (filter: { partnerId?: number; since?: Date }) =>
      (await store.resources.completions({ workspaceId: ws, ...filter })).map(
        (c) => `${c.slackUserId}:${c.resourceId}`,
      );
    expect(await read({})).toEqual([
      `U_PAT:${second.id}`,
      `U_INTERNAL:${first.id}`,
      `U_GINA:${first.id}`,
      `U_PAT:${first.id}`,
    ]);
    expect(await read({ partnerId: acme })).toEqual([`U_PAT:${second.id}`, `U_PAT:${first.id}`]);
    expect(await read({ since: at("2026-11-12T09:00:00Z") })).toEqual([
      `U_PAT:${second.id}`,
      `U_INTERNAL:${first.id}`,
      `U_GINA:${first.id}`,
    ]);
    expect(await read({ partnerId: acme, since: at("2026-11-12T09:00:00Z") })).toEqual([`U_PAT:${second.id}`]);
    expect(await store.resources.completions({ workspaceId: await workspace() })).toEqual([]);
  });
});

describe(`scorecard review repository (${DB})`, () => {
  it("keeps one review per partner and quarter: a second save replaces the first", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const globex = await partner(ws, "Globex");
    const first = await store.scorecardReviews.save({
      workspaceId: ws,
      partnerId: acme,
      quarter: "2026-Q4",
      ratings: { engagement: 4, pipeline_quality: 3 },
      notes: "Good quarter",
      reviewedBy: "U_MAX",
    });
    expect(first).toMatchObject({
      partnerId: acme,
      quarter: "2026-Q4",
      ratings: { engagement: 4, pipeline_quality: 3 },
    });
    const second = await store.scorecardReviews.save({
      workspaceId: ws,
      partnerId: acme,
      quarter: "2026-Q4",
      ratings: { engagement: 5, enablement: 2, collaboration: 1 },
      notes: null,
      reviewedBy: "U_ANA",
    });
    expect(second).toMatchObject({
      id: first.id,
      ratings: { engagement: 5, enablement: 2, collaboration: 1 },
      notes: null,
      reviewedBy: "U_ANA",
    });
    expect(second.ratings).not.toHaveProperty("pipeline_quality");
    const previous = await store.scorecardReviews.save({
      workspaceId: ws,
      partnerId: acme,
      quarter: "2026-Q3",
      ratings: {},
      notes: "Slow start",
      reviewedBy: "U_MAX",
    });
    await store.scorecardReviews.save({ ...previous, partnerId: globex, quarter: "2026-Q4" });
    const read = await store.scorecardReviews.forQuarters(acme, ["2026-Q4", "2026-Q3", "2026-Q2"]);
    expect(read.map((r) => [r.quarter, r.reviewedBy])).toEqual([
      ["2026-Q3", "U_MAX"],
      ["2026-Q4", "U_ANA"],
    ]);
    expect(await store.scorecardReviews.forQuarters(acme, ["2026-Q2"])).toEqual([]);
    expect(await store.scorecardReviews.forQuarters(acme, [])).toEqual([]);
  });
});
